import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { ReleaseSheet } from '../../release-sheet.service';
import { IsYmd } from '../../ymd';
import { ReleaseRowResponse, toReleaseRowResponse } from './order-list.dto';
import { toIdParam } from './query-params';

export class ReleaseReportQueryDto {
  @ApiProperty({ example: 1 })
  @Transform(toIdParam)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  carId!: number;

  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;
}

export class ReleaseSheetResponse {
  @ApiProperty({ example: '12월 01일 출하지시서' }) title!: string;
  @ApiProperty({ type: [ReleaseRowResponse], description: 'By pallet seq, then location name' }) rows!: ReleaseRowResponse[];
}

export const toReleaseSheetResponse = (sheet: ReleaseSheet): ReleaseSheetResponse => ({
  title: sheet.title,
  rows: sheet.rows.map(toReleaseRowResponse),
});
