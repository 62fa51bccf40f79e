import { ApiProperty } from '@nestjs/swagger';

export class PalletResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 1 }) seq!: number;
}
