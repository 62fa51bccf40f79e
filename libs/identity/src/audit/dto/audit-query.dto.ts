import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '@app/core';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Only changes made by this staff member' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4_294_967_295)
  actorId?: number;

  @ApiPropertyOptional({ example: 'lesson', description: 'Only changes of this kind of record (user, credit, reservation, lesson, …)' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'entity must be a record kind such as lesson or price-policy' })
  entity?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'With `entity`: only changes of this record' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4_294_967_295)
  entityId?: number;
}
