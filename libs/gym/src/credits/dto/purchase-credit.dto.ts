import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/core';

export class PurchaseCreditDto {
  @ApiProperty({ type: 'integer', example: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  pricePolicyId!: number;

  @ApiProperty({ example: '2026-12-01', description: 'First day the credits are valid (YYYY-MM-DD), today or later' })
  @IsCalendarDate()
  startDate!: string;
}
