import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /credits` and `GET /credits/balance`. */
export class CreditQueryDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Staff only: whose ledger (or balance) to read' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  userId?: number;
}
