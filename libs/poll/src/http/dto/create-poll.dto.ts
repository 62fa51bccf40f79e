import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsISO8601, IsOptional, IsString } from 'class-validator';
import { TextLength } from '@app/core';

export class CreatePollDto {
  @ApiProperty({ example: '목요일 회식 가능??', maxLength: 50 })
  @IsString()
  @TextLength(1, 50)
  head!: string;

  @ApiProperty({ example: 'Reply by Wednesday', maxLength: 128 })
  @IsString()
  @TextLength(0, 128)
  message!: string;

  @ApiPropertyOptional({ example: '2030-01-15T18:00:00+09:00', description: 'ISO 8601 instant with offset; no votes from then on' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  endTime?: string;

  @ApiProperty({ description: "Hide voters' names from everyone but themselves" })
  @IsBoolean()
  isAnonymousVote!: boolean;

  @ApiProperty({ description: 'Allow several questions per member' })
  @IsBoolean()
  isMultipleVote!: boolean;

  @ApiProperty({ example: ['네', '아니오'], minItems: 2, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @TextLength(1, 512, { each: true })
  questions!: string[];
}
