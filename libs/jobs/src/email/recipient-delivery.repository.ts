import { EntityRepository, UniqueConstraintViolationException } from '@mikro-orm/mysql';
import type { DeliveryStatus, RecipientDelivery } from './recipient-delivery.entity';

export interface DeliveryOutcome {
  status: DeliveryStatus;
  error: string | null;
}

/** The per-recipient ledger of a mailing. Each call is one statement, committed at once. */
export class RecipientDeliveryRepository extends EntityRepository<RecipientDelivery> {
  /** Every recipient of the task that has a row, with its outcome so far. */
  async outcomesByTask(taskId: string): Promise<Map<string, DeliveryOutcome>> {
    const rows = await this.em.execute<{ recipient: string; status: DeliveryStatus; error: string | null }[]>(
      'select recipient, status, error from email_delivery where task_id = ?',
      [taskId],
    );
    return new Map(rows.map((row) => [row.recipient, { status: row.status, error: row.error }]));
  }

  /** Claims the recipient for this run; false when another run (or an earlier one) has it. */
  async claim(taskId: string, recipient: string): Promise<boolean> {
    try {
      await this.em.execute(`insert into email_delivery (task_id, recipient, status) values (?, ?, 'sending')`, [taskId, recipient]);
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  async settle(taskId: string, recipient: string, status: 'sent' | 'rejected', error: string | null = null): Promise<void> {
    await this.em.execute('update email_delivery set status = ?, error = ? where task_id = ? and recipient = ?', [
      status,
      error?.slice(0, 1000) ?? null,
      taskId,
      recipient,
    ]);
  }

  /** Gives a claim back after the server said "not now" (4xx): the retry sends to it again. */
  async release(taskId: string, recipient: string): Promise<void> {
    await this.em.execute(`delete from email_delivery where task_id = ? and recipient = ? and status = 'sending'`, [taskId, recipient]);
  }
}
