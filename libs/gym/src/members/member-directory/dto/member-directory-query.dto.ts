import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { PageQueryDto, TextLength, toBooleanParam } from '@app/core';

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
