import { ApiProperty } from '@nestjs/swagger';
import type { AuditTrailItem } from '../audit-trail.query';

export class AuditActorResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() username!: string;
}

export class AuditEntryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ example: 'lesson.cancel', description: '<entity>.<what was done>' }) action!: string;
  @ApiProperty({ example: 'lesson' }) entity!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null for a change of many records at once (an import)' })
  entityId!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The changed fields as they were' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The changed fields as they became' })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toAuditEntryResponse(item: AuditTrailItem): AuditEntryResponse {
  return { ...item, createdAt: item.createdAt.toISOString() };
}
