import { ApiProperty } from '@nestjs/swagger';

export class CreditBucketResponse {
  @ApiProperty({ type: 'integer', description: 'The purchase' }) creditId!: number;
  @ApiProperty({ type: 'integer' }) remaining!: number;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) endDate!: string;
}
