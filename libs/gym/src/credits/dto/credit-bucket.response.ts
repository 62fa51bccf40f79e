import { ApiProperty } from '@nestjs/swagger';

export class CreditBucketResponse {
  @ApiProperty({ type: 'integer', description: 'The purchase' }) creditId!: number;
  @ApiProperty({ type: 'integer' }) remaining!: number;
  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First day it can be spent on' }) startDate!: string;
  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'From this day on it no longer counts' }) endDate!: string;
}
