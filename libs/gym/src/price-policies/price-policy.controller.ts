import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, OptionalUser, StaffOnly } from '@app/identity';
import { PricePolicyService } from './price-policy.service';
import { CreatePricePolicyDto } from './dto/create-price-policy.dto';
import { PricePolicyResponse, toPricePolicyResponse } from './dto/price-policy.response';
import { UpdatePricePolicyDto } from './dto/update-price-policy.dto';

@ApiTags('gym: price policies')
@Controller('price-policies')
export class PricePolicyController {
  constructor(private readonly policies: PricePolicyService) {}

  @Get()
  @QueryBudget(1)
  @Endpoint({
    summary: 'Memberships on sale',
    description: 'Cheapest first. Staff (as the database says, in the same statement) also see retired ones, each with `isActive`.',
    public: 'token optional',
    // the JSON body parser runs on every route: a body that is not JSON is refused even here
    errors: ['MALFORMED_JSON'],
  })
  @ApiOkResponse({ type: [PricePolicyResponse] })
  async list(@OptionalUser() reader: AuthenticatedUser | null): Promise<PricePolicyResponse[]> {
    const { policies, readerIsStaff } = await this.policies.list(reader);
    return policies.map((policy) => toPricePolicyResponse(policy, readerIsStaff));
  }

  @StaffOnly()
  @Post()
  @Endpoint({
    summary: 'Put a membership on sale (staff)',
    description: 'Recorded in the audit log (`price-policy.create`).',
    errors: ['FORBIDDEN'],
  })
  @ApiCreatedResponse({ type: PricePolicyResponse })
  async create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreatePricePolicyDto): Promise<PricePolicyResponse> {
    return toPricePolicyResponse(await this.policies.create(dto, me.id));
  }

  @StaffOnly()
  @Patch(':id')
  @Endpoint({
    summary: 'Rename a membership or retire it from sale (staff)',
    description:
      'A retired policy is no longer listed to members and cannot be bought (409 POLICY_RETIRED); credits already bought keep their terms. Price, credits and period never change. Recorded in the audit log (`price-policy.update`).',
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: PricePolicyResponse })
  async update(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: UpdatePricePolicyDto,
  ): Promise<PricePolicyResponse> {
    return toPricePolicyResponse(await this.policies.update(me.id, id, dto), true);
  }
}
