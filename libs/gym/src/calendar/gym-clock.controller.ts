import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, QueryBudget } from '@app/core';
import { GymCalendar } from '../gym-calendar';
import { GymClockResponse } from './dto/gym-clock.response';

@ApiTags('gym: clock')
@Controller('gym')
export class GymClockController {
  constructor(private readonly calendar: GymCalendar) {}

  @Get()
  @QueryBudget(0)
  @Endpoint({
    summary: "The gym's time zone, today and now",
    description: "Start dates, lesson days and cancellations are judged against this day, not the caller's.",
    public: true,
    // the JSON body parser runs on every route: a body that is not JSON is refused even here
    errors: ['MALFORMED_JSON'],
  })
  @ApiOkResponse({ type: GymClockResponse })
  clock(): GymClockResponse {
    return { timeZone: this.calendar.timeZone, today: this.calendar.today(), now: this.calendar.nowIso() };
  }
}
