import { toBooleanParam, toIdParam } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsYmd } from '../../release-day';

export class OrderListQueryDto {
  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Only the lines loaded on this pallet' })
  @IsOptional()
  @Transform(toIdParam)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  palletId?: number;

  @ApiPropertyOptional({ description: 'true: only the lines on no pallet yet; false: only loaded lines. Not with palletId.' })
  @IsOptional()
  @Transform(toBooleanParam)
  @IsBoolean()
  unloaded?: boolean;
}
