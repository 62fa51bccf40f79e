import { ApiProperty } from '@nestjs/swagger';

export class PalletResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer', example: 1 }) seq!: number;
}
