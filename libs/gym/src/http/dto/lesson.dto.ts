import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate, IsTimeOfDay, PageQueryDto } from '@app/core';
import { GymLocation, type LessonFields, LessonType } from '../../entities/lesson.entity';

export class CreateLessonDto {
  @ApiProperty({ enum: GymLocation })
  @IsEnum(GymLocation)
  gym!: GymLocation;

  @ApiProperty({ enum: LessonType })
  @IsEnum(LessonType)
  type!: LessonType;

  @ApiProperty({ example: 2, minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  creditCount!: number;

  @ApiProperty({ example: 10, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCapacity!: number;

  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '19:00' })
  @IsTimeOfDay()
  startTime!: string;

  @ApiProperty({ example: '20:00', description: 'After startTime' })
  @IsTimeOfDay()
  endTime!: string;
}

export class LessonQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'First start date (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last start date (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
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

export class LessonResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: GymLocation }) gym!: GymLocation;
  @ApiProperty({ enum: LessonType }) type!: LessonType;
  @ApiProperty() creditCount!: number;
  @ApiProperty() maxCapacity!: number;
  @ApiProperty({ description: 'Active reservations' }) reservedCount!: number;
  @ApiProperty({ example: '2026-12-01' }) startDate!: string;
  @ApiProperty({ example: '19:00' }) startTime!: string;
  @ApiProperty({ example: '20:00' }) endTime!: string;
}

export class LessonPageResponse {
  @ApiProperty({ type: [LessonResponse] }) items!: LessonResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toLessonResponse(lesson: LessonFields): LessonResponse {
  return {
    id: lesson.id,
    gym: lesson.gym,
    type: lesson.type,
    creditCount: lesson.creditCount,
    maxCapacity: lesson.maxCapacity,
    reservedCount: lesson.reservedCount,
    startDate: lesson.startDate,
    startTime: lesson.startTime,
    endTime: lesson.endTime,
  };
}
