import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import type { Page } from '@app/core';
import { type AuditTrailFilter, type AuditTrailItem, readAuditTrail } from './audit-trail.query';

/** Reads the audit log for `GET /audit`. Nothing writes it but `AuditLog.record`, inside the change's own transaction. */
@Injectable()
export class AuditTrailReader {
  constructor(private readonly em: EntityManager) {}

  page(filter: AuditTrailFilter): Promise<Page<AuditTrailItem>> {
    return readAuditTrail(this.em, filter);
  }
}
