import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe } from '@app/core';
import { CurrentUser, StaffOnly } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AccountStatusService } from './account-status.service';
import { AccountResponse, toAccountResponse } from './dto/account.response';
import { ChangeAccountStatusDto } from './dto/change-account-status.dto';

@ApiTags('staff: users')
@Controller('users')
export class AccountStatusController {
  constructor(private readonly accounts: AccountStatusService) {}

  @Patch(':id')
  @StaffOnly()
  @Endpoint({
    summary: "Change a member's rights (staff)",
    description:
      'Promotes or demotes staff, deactivates or reactivates an account. A deactivated account cannot log in (401 ACCOUNT_DISABLED), its refresh tokens are revoked and its access tokens are refused from the next request on. Refused with 409 LAST_STAFF when no active staff member would be left; 503 DEPENDENCY_DOWN (nothing changed) when Redis, which makes a deactivation take effect at once, is down. Recorded in the audit log as user.update with the fields that changed; a change that changes nothing records nothing.',
    errors: ['FORBIDDEN', 'NOT_FOUND', 'LAST_STAFF', 'DEPENDENCY_DOWN'],
  })
  @ApiOkResponse({ type: AccountResponse })
  async change(
    @CurrentUser() staff: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: ChangeAccountStatusDto,
  ): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.change(staff.id, id, dto));
  }
}
