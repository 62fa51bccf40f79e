import { toIdParam } from '@app/core';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsYmd } from '../../release-day';

export class ReleaseReportQueryDto {
  @ApiProperty({ type: 'integer', example: 1 })
  @Transform(toIdParam)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  carId!: number;

  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;
}
