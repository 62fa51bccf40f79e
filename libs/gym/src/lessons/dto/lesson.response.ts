import { ApiProperty } from '@nestjs/swagger';
import { GymLocation, type LessonFields, LessonType } from '../lesson.entity';

export class LessonResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: GymLocation }) gym!: GymLocation;
  @ApiProperty({ enum: LessonType }) type!: LessonType;
  @ApiProperty({ type: 'integer' }) creditCount!: number;
  @ApiProperty({ type: 'integer' }) maxCapacity!: number;
  @ApiProperty({ type: 'integer', description: 'Active reservations' }) reservedCount!: number;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) startDate!: string;
  @ApiProperty({ example: '19:00' }) startTime!: string;
  @ApiProperty({ example: '20:00' }) endTime!: string;
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
