import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReservationUserResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() username!: string;
  @ApiPropertyOptional({ description: 'Staff only' }) phoneNumber?: string;
}
