import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { PageQueryDto, TextLength } from '@app/core';

/** `?flag=true|false` to a boolean; anything else stays as it is, for the validator to refuse. */
const toBooleanParam = ({ value }: TransformFnParams): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class MemberDirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'kim', description: 'A prefix of the username or of the phone number (case-insensitive)' })
  @IsOptional()
  @IsString()
  @TextLength(1, 150)
  search?: string;

  @ApiPropertyOptional({ description: 'true: staff only; false: members only' })
  @IsOptional()
  @Transform(toBooleanParam)
  @IsBoolean()
  isStaff?: boolean;

  @ApiPropertyOptional({ description: 'false: deactivated accounts only' })
  @IsOptional()
  @Transform(toBooleanParam)
  @IsBoolean()
  isActive?: boolean;
}
