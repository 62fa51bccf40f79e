import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, Endpoint, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, StaffOnly } from '@app/identity';
import { CreditLedgerService } from './credit-ledger.service';
import { BalanceResponse, toBalanceResponse } from './dto/balance.response';
import { CreditQueryDto } from './dto/credit-query.dto';
import { CreditResponse, toCreditResponse } from './dto/credit.response';
import { PurchaseCreditDto } from './dto/purchase-credit.dto';
import { GrantCreditsDto } from './dto/grant-credits.dto';
import { CreditGrantService } from './credit-grant.service';

@ApiTags('gym: credits')
@Controller('credits')
export class CreditController {
  constructor(
    private readonly ledger: CreditLedgerService,
    private readonly grants: CreditGrantService,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Buy a membership',
    description: 'Writes a purchase entry valid from startDate for the policy period. A policy staff retired from sale cannot be bought.',
    errors: ['VALIDATION_FAILED', 'INVALID_START_DATE', 'NOT_FOUND', 'POLICY_RETIRED'],
    idempotent: true,
  })
  @ApiCreatedResponse({ type: CreditResponse })
  async purchase(@CurrentUser() me: AuthenticatedUser, @Body() dto: PurchaseCreditDto): Promise<CreditResponse> {
    return toCreditResponse(await this.ledger.purchase(me.id, dto.pricePolicyId, dto.startDate));
  }

  @StaffOnly()
  @Post('grants')
  @Endpoint({
    summary: 'Grant a member credits (staff)',
    description:
      'Writes a `grant` entry (no price policy) valid from startDate until endDate (exclusive). Bookings spend it with the purchases, soonest ending first; the balance counts it and it expires like a purchase. Recorded in the audit log (`credit.grant`, with the reason).',
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    idempotent: true,
  })
  @ApiCreatedResponse({ type: CreditResponse })
  async grant(@CurrentUser() me: AuthenticatedUser, @Body() dto: GrantCreditsDto): Promise<CreditResponse> {
    return toCreditResponse(await this.grants.grant(me.id, dto));
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
  @QueryBudget(2) // the balance; and the user's row when staff ask for someone else (404 on an unknown id)
  @Endpoint({
    summary: 'My balance',
    description:
      "The balance after expiry and what remains of each unexpired purchase. Staff may pass userId to read a member's (same shape; an unknown id is 404); a member passing another member's id is 403.",
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: BalanceResponse })
  async balance(@CurrentUser() me: AuthenticatedUser, @Query() query: CreditQueryDto): Promise<BalanceResponse> {
    return toBalanceResponse(await this.ledger.balanceVisibleTo(me, query.userId ?? me.id));
  }
}
