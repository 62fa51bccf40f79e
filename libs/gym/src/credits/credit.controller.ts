import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, Endpoint, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { CreditLedgerService } from './credit-ledger.service';
import { BalanceResponse, toBalanceResponse } from './dto/balance.response';
import { CreditQueryDto } from './dto/credit-query.dto';
import { CreditResponse, toCreditResponse } from './dto/credit.response';
import { PurchaseCreditDto } from './dto/purchase-credit.dto';

@ApiTags('gym: credits')
@Controller('credits')
export class CreditController {
  constructor(private readonly ledger: CreditLedgerService) {}

  @Post()
  @Endpoint({
    summary: 'Buy a membership',
    description: 'Writes a purchase entry valid from startDate for the policy period.',
    errors: ['VALIDATION_FAILED', 'INVALID_START_DATE', 'NOT_FOUND'],
    idempotent: true,
  })
  @ApiCreatedResponse({ type: CreditResponse })
  async purchase(@CurrentUser() me: AuthenticatedUser, @Body() dto: PurchaseCreditDto): Promise<CreditResponse> {
    return toCreditResponse(await this.ledger.purchase(me.id, dto.pricePolicyId, dto.startDate));
  }

  @Get()
  @QueryBudget(1)
  @Endpoint({
    summary: 'My credit ledger',
    description: 'Every entry, oldest first. Staff may pass userId to read a member.',
    errors: ['FORBIDDEN'],
  })
  @ApiOkResponse({ type: [CreditResponse] })
  async entries(@CurrentUser() me: AuthenticatedUser, @Query() query: CreditQueryDto): Promise<CreditResponse[]> {
    if (query.userId !== undefined && query.userId !== me.id && !me.isStaff) {
      throw new DomainError('FORBIDDEN', "Only staff may read another member's ledger");
    }
    return (await this.ledger.entries(query.userId ?? me.id)).map(toCreditResponse);
  }

  @Get('balance')
  @QueryBudget(1)
  @Endpoint({ summary: 'My balance', description: 'The balance after expiry and what remains of each unexpired purchase.' })
  @ApiOkResponse({ type: BalanceResponse })
  async balance(@CurrentUser() me: AuthenticatedUser): Promise<BalanceResponse> {
    return toBalanceResponse(await this.ledger.balance(me.id));
  }
}
