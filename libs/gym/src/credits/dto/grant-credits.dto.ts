import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IsAfter, IsCalendarDate, TextLength } from '@app/core';

export class GrantCreditsDto {
  @ApiProperty({ type: 'integer', example: 7, description: 'The member who receives them' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  userId!: number;

  @ApiProperty({ type: 'integer', example: 2, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  creditCount!: number;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First day the credits can be spent on' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'After startDate: from this day on they no longer count' })
  @IsCalendarDate()
  @IsAfter('startDate')
  endDate!: string;

  @ApiProperty({ example: 'Lesson #12 ran short: two credits back', maxLength: 500, description: 'Kept in the audit log' })
  @IsString()
  @TextLength(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
