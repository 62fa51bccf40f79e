import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate, IsTimeOfDay } from '@app/core';
import { GymLocation, LessonType } from '../lesson.entity';

export class CreateLessonDto {
  @ApiProperty({ enum: GymLocation })
  @IsEnum(GymLocation)
  gym!: GymLocation;

  @ApiProperty({ enum: LessonType })
  @IsEnum(LessonType)
  type!: LessonType;

  @ApiProperty({ type: 'integer', example: 2, minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  creditCount!: number;

  @ApiProperty({ type: 'integer', example: 10, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCapacity!: number;

  @ApiProperty({ format: 'date', example: '2026-12-01' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '19:00' })
  @IsTimeOfDay()
  startTime!: string;

  @ApiProperty({ example: '20:00', description: 'After startTime' })
  @IsTimeOfDay()
  endTime!: string;
}
