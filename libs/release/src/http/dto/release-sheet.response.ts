import { ApiProperty } from '@nestjs/swagger';
import type { ReleaseSheet } from '../../release-sheet.service';
import { ReleaseRowResponse, toReleaseRowResponse } from './release-row.response';

export class ReleaseSheetResponse {
  @ApiProperty({ example: '12월 01일 출하지시서' }) title!: string;
  @ApiProperty({ type: [ReleaseRowResponse], description: 'By pallet seq, then location name' }) rows!: ReleaseRowResponse[];
}

export const toReleaseSheetResponse = (sheet: ReleaseSheet): ReleaseSheetResponse => ({
  title: sheet.title,
  rows: sheet.rows.map(toReleaseRowResponse),
});
