import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { TextLength } from '@app/core';

/** What staff may change on a membership once on sale: its price, credits and period never change (unknown fields are 400). */
export class UpdatePricePolicyDto {
  @ApiPropertyOptional({ example: '10 classes, 30 days (2026)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @TextLength(1, 100)
  name?: string;

  @ApiPropertyOptional({
    description: 'false retires it: members no longer see it nor buy it (409 POLICY_RETIRED); what was bought stays valid',
  })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}
