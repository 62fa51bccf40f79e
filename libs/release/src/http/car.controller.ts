import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, StaffOnly } from '@app/identity';
import { CarService } from '../car.service';
import { ReleaseSheetService } from '../release-sheet.service';
import { CarResponse, toCarResponse } from './dto/car.response';
import { CarSummaryResponse, toCarSummaryResponse } from './dto/car-summary.response';
import { CreateCarDto } from './dto/create-car.dto';
import { PalletLoadResponse, toPalletLoadResponse } from './dto/pallet-load.response';
import { YmdQueryDto } from './dto/ymd-query.dto';
import { ReleaseSheetResponse, toReleaseSheetResponse } from './dto/release-sheet.response';

@ApiTags('release: cars')
@StaffOnly()
@Controller('cars')
export class CarController {
  constructor(
    private readonly cars: CarService,
    private readonly sheets: ReleaseSheetService,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Register a car (staff)',
    description: 'Creates its pallets numbered 1..palletCount.',
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'CAR_NUMBER_TAKEN'],
  })
  @ApiCreatedResponse({ type: CarResponse })
  async create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreateCarDto): Promise<CarResponse> {
    return toCarResponse(await this.cars.create(dto, me.id));
  }

  @Get()
  @QueryBudget(2) // 1 reads the caller's staff rights (StaffGuard), 1 the cars
  @Endpoint({
    summary: 'Every car with its pallet count (staff)',
    description: 'One statement: cars joined with pallets, grouped.',
    errors: ['FORBIDDEN'],
  })
  @ApiOkResponse({ type: [CarSummaryResponse] })
  async list(): Promise<CarSummaryResponse[]> {
    return (await this.cars.list()).map(toCarSummaryResponse);
  }

  @Get(':id/pallets')
  @QueryBudget(2) // 1 reads the caller's staff rights (StaffGuard), 1 the pallets
  @Endpoint({
    summary: "A car's pallets with their order count on a day (staff)",
    description: 'By seq; one statement.',
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: [PalletLoadResponse] })
  async pallets(@Param('id', IdParamPipe) id: number, @Query() query: YmdQueryDto): Promise<PalletLoadResponse[]> {
    return (await this.cars.palletLoads(id, query.ymd)).map(toPalletLoadResponse);
  }

  @Get(':id/release-sheet')
  @QueryBudget(3) // 1 reads the caller's staff rights (StaffGuard), 2 the sheet
  @Endpoint({
    summary: "A car's release sheet for a day (staff)",
    description: 'The orders loaded on its pallets, by pallet seq, then location name.',
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: ReleaseSheetResponse })
  async releaseSheet(@Param('id', IdParamPipe) id: number, @Query() query: YmdQueryDto): Promise<ReleaseSheetResponse> {
    return toReleaseSheetResponse(await this.sheets.sheet(id, query.ymd));
  }
}
