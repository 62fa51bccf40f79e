import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTimeOfDay } from '@app/core';

/** What staff may change on a lesson; every field optional, the others stay. */
export class UpdateLessonDto {
  @ApiPropertyOptional({
    type: 'integer',
    example: 12,
    minimum: 1,
    maximum: 1000,
    description: 'Not below the active bookings (409 CAPACITY_BELOW_BOOKED); a larger one books members from the waitlist',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCapacity?: number;

  @ApiPropertyOptional({ example: '18:30' })
  @IsOptional()
  @IsTimeOfDay()
  startTime?: string;

  @ApiPropertyOptional({ example: '19:30', description: 'After startTime (the new one, or the lesson’s)' })
  @IsOptional()
  @IsTimeOfDay()
  endTime?: string;
}
