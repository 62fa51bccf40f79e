import { ApiProperty } from '@nestjs/swagger';

export class CreditBucketResponse {
  @ApiProperty({ description: 'The purchase' }) creditId!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ example: '2026-12-31' }) endDate!: string;
}
