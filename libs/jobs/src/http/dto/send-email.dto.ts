import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, IsString } from 'class-validator';
import { TextLength } from '@app/core';

export class SendEmailDto {
  @ApiProperty({ example: ['kim@example.com', 'lee@example.com'], maxItems: 10000 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10_000)
  @IsEmail({}, { each: true })
  recipients!: string[];

  @ApiProperty({ example: 'December timetable', maxLength: 200 })
  @IsString()
  @TextLength(1, 200)
  subject!: string;

  @ApiProperty({ example: 'New yoga classes start on Monday.', maxLength: 100000 })
  @IsString()
  @TextLength(1, 100_000)
  body!: string;
}
