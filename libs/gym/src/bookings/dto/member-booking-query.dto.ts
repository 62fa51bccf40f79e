import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { BookingListStatus } from '../booking-view';

export class MemberBookingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BookingListStatus, default: BookingListStatus.Upcoming })
  @IsOptional()
  @IsEnum(BookingListStatus)
  status: BookingListStatus = BookingListStatus.Upcoming;
}
