import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, QueryBudget } from '@app/core';
import { StaffOnly } from '@app/identity';
import { PricePolicyService } from './price-policy.service';
import { CreatePricePolicyDto } from './dto/create-price-policy.dto';
import { PricePolicyResponse, toPricePolicyResponse } from './dto/price-policy.response';

@ApiTags('gym: price policies')
@Controller('price-policies')
export class PricePolicyController {
  constructor(private readonly policies: PricePolicyService) {}

  @Get()
  @QueryBudget(1)
  @Endpoint({
    summary: 'Memberships on sale',
    description: 'Cheapest first.',
    public: true,
    // the JSON body parser runs on every route: a body that is not JSON is refused even here
    errors: ['MALFORMED_JSON'],
  })
  @ApiOkResponse({ type: [PricePolicyResponse] })
  async list(): Promise<PricePolicyResponse[]> {
    return (await this.policies.list()).map(toPricePolicyResponse);
  }

  @StaffOnly()
  @Post()
  @Endpoint({ summary: 'Put a membership on sale (staff)', errors: ['FORBIDDEN'] })
  @ApiCreatedResponse({ type: PricePolicyResponse })
  async create(@Body() dto: CreatePricePolicyDto): Promise<PricePolicyResponse> {
    return toPricePolicyResponse(await this.policies.create(dto));
  }
}
