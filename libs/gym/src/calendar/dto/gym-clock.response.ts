import { ApiProperty } from '@nestjs/swagger';

/** The gym's clock: what "today" means for start dates, lesson days and cancellations. */
export class GymClockResponse {
  @ApiProperty({ example: 'Asia/Seoul', description: 'The IANA time zone the gym counts days in (`APP_TIMEZONE`).' })
  timeZone!: string;

  @ApiProperty({ format: 'date', example: '2026-11-30', description: "Today's date in the gym's time zone." })
  today!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-30T09:35:00.000+09:00',
    description: "The current instant, written with the gym's offset.",
  })
  now!: string;
}
