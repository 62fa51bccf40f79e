import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { IsCalendarDate, IsNotBefore, PageQueryDto } from '@app/core';
import { GymLocation, LessonType } from '../lesson.entity';

export class LessonQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: "First start date (inclusive); today in the gym's calendar when absent",
    format: 'date',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last start date (inclusive); not before `from`', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({ enum: GymLocation })
  @IsOptional()
  @IsEnum(GymLocation)
  gym?: GymLocation;

  @ApiPropertyOptional({ enum: LessonType })
  @IsOptional()
  @IsEnum(LessonType)
  type?: LessonType;
}
