import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, QueryBudget } from '@app/core';
import { StaffOnly } from '../auth/auth.decorators';
import { AuditTrailReader } from './audit-trail.reader';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditPageResponse, toAuditEntryResponse } from './dto/audit-entry.response';

@ApiTags('staff: audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailReader) {}

  @Get()
  @StaffOnly()
  @QueryBudget(2)
  @Endpoint({
    summary: 'The audit log (staff)',
    description:
      'Every staff change, newest first: who, what, on which record, the fields before and after, and the reason. Read-only: no route changes it.',
    errors: ['FORBIDDEN'],
  })
  @ApiOkResponse({ type: AuditPageResponse })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageResponse> {
    const page = await this.trail.page(query);
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }
}
