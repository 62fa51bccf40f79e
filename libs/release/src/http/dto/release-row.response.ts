import { ApiProperty } from '@nestjs/swagger';
import type { ReleaseRow } from '../../car.repository';
import { OrderListResponse } from './order-list.response';

export class ReleaseRowResponse extends OrderListResponse {
  @ApiProperty({ type: 'integer', example: 1, description: "The pallet's number on the car" }) palletSeq!: number;
}

export const toReleaseRowResponse = (row: ReleaseRow): ReleaseRowResponse => ({
  id: row.id,
  ymd: row.ymd,
  code: row.code,
  codeName: row.codeName,
  locationName: row.locationName,
  count: row.count,
  palletId: row.palletId,
  palletSeq: row.palletSeq,
});
