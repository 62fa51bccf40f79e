import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponse, Public, QueryBudget } from '@app/core';
import { StaffOnly } from '@app/identity';
import { PricePolicyService } from './price-policy.service';
import { CreatePricePolicyDto } from './dto/create-price-policy.dto';
import { PricePolicyResponse, toPricePolicyResponse } from './dto/price-policy.response';

@ApiTags('gym: price policies')
@Controller('price-policies')
export class PricePolicyController {
  constructor(private readonly policies: PricePolicyService) {}

  @Public()
  @Get()
  @QueryBudget(1)
  @ApiOperation({ summary: 'Memberships on sale', description: 'Cheapest first.' })
  @ApiOkResponse({ type: [PricePolicyResponse] })
  async list(): Promise<PricePolicyResponse[]> {
    return (await this.policies.list()).map(toPricePolicyResponse);
  }

  @StaffOnly()
  @ApiBearerAuth()
  @Post()
  @ApiOperation({ summary: 'Put a membership on sale (staff)' })
  @ApiCreatedResponse({ type: PricePolicyResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  async create(@Body() dto: CreatePricePolicyDto): Promise<PricePolicyResponse> {
    return toPricePolicyResponse(await this.policies.create(dto));
  }
}
