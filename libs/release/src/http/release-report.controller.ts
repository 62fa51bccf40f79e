import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig, Clock, Endpoint, QueryBudget, wallClock } from '@app/core';
import { AcceptsSessionCookie, StaffOnly } from '@app/identity';
import { ReleaseSheetService } from '../release-sheet.service';
import { ReleaseReportQueryDto } from './dto/release-report-query.dto';
import { renderReleaseReport } from './report/release-report.view';

@ApiTags('release: report')
@Controller('release')
export class ReleaseReportController {
  constructor(
    private readonly sheets: ReleaseSheetService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @Get('report')
  @QueryBudget(3) // 1 reads the caller's staff rights (StaffGuard), 2 the sheet
  @StaffOnly()
  @AcceptsSessionCookie()
  @ApiBearerAuth()
  @ApiCookieAuth()
  @Endpoint({
    summary: 'The printable release sheet (staff)',
    description:
      'An HTML page for a browser to open and print. Authenticated by the bearer header or, since a navigation cannot send one, by the HttpOnly cookie the login sets.',
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND'],
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'text/html', schema: { type: 'string' } })
  async report(@Query() query: ReleaseReportQueryDto, @Res({ passthrough: true }) response: Response): Promise<string> {
    const timeZone = this.config.gym.timezone;
    const { date, time } = wallClock(this.clock.now(), timeZone);
    const page = renderReleaseReport(await this.sheets.sheet(query.carId, query.ymd), { printedAt: `${date} ${time}`, timeZone });
    response.set(page.headers);
    return page.html;
  }
}
