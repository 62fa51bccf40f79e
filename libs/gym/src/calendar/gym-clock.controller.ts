import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, QueryBudget } from '@app/core';
import { GymCalendar } from '../gym-calendar';
import { GymClockResponse } from './dto/gym-clock.response';

@ApiTags('gym: clock')
@Controller('gym')
export class GymClockController {
  constructor(private readonly calendar: GymCalendar) {}

  @Public()
  @Get()
  @QueryBudget(0)
  @ApiOperation({
    summary: "The gym's time zone, today and now",
    description: "Start dates, lesson days and cancellations are judged against this day, not the caller's.",
  })
  @ApiOkResponse({ type: GymClockResponse })
  clock(): GymClockResponse {
    return { timeZone: this.calendar.timeZone, today: this.calendar.today(), now: this.calendar.nowIso() };
  }
}
