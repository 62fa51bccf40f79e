import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction } from '@app/core';
import { AuditLog } from '@app/identity';
import { EmailDispatcher, type EmailRequest } from './email-dispatcher.service';

/**
 * A mailing a staff member sends (`POST /emails`), on the record: the audit entry and the enqueue
 * share one transaction, so a mailing Redis refused leaves no entry, and an entry names its task.
 */
@Injectable()
export class StaffMailingService {
  constructor(
    private readonly em: EntityManager,
    private readonly emails: EmailDispatcher,
    private readonly audit: AuditLog,
  ) {}

  send(actorId: number, request: EmailRequest): Promise<string> {
    return inTransaction(this.em, async (em) => {
      const taskId = await this.emails.enqueue(request);
      this.audit.record(em, actorId, {
        action: 'mailing.send',
        entity: 'mailing',
        entityId: null,
        after: { taskId, recipients: new Set(request.recipients).size, subject: request.subject },
      });
      return taskId;
    });
  }
}
