import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TextLength } from '@app/core';

export class CancelLessonDto {
  @ApiProperty({
    example: 'The pool is closed for repairs',
    maxLength: 500,
    description: 'Told to every member affected, and kept in the audit log',
  })
  @IsString()
  @TextLength(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
