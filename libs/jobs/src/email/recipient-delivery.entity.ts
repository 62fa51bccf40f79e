import { Entity, EntityRepositoryType, Enum, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { RecipientDeliveryRepository } from './recipient-delivery.repository';

/**
 * `sending`: claimed, handed to the mail server, outcome not yet recorded. A worker killed there
 * leaves the row as it is, and no later run sends to that recipient again (at most once).
 */
export type DeliveryStatus = 'sending' | 'sent' | 'rejected';

/**
 * One recipient of one mailing (a send-email task). The row is written before the message goes
 * out, and the unique key (task, recipient) decides which run sends it: a retried, stalled or
 * concurrently running job skips every recipient that already has a row.
 */
@Entity({ tableName: 'email_delivery', repository: () => RecipientDeliveryRepository })
@Unique({ name: 'email_delivery_task_id_recipient_unique', properties: ['taskId', 'recipient'] })
export class RecipientDelivery {
  [EntityRepositoryType]?: RecipientDeliveryRepository;

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The Bull job id, `email-<uuid>`. */
  @Property({ columnType: 'varchar(64) collate ascii_bin' })
  taskId: string;

  /** As listed in the mailing; compared byte for byte, like the dispatcher's de-duplication. */
  @Property({ columnType: 'varchar(320) collate utf8mb4_bin' })
  recipient: string;

  @Enum({ items: ['sending', 'sent', 'rejected'] })
  status: DeliveryStatus & Opt = 'sending';

  /** The server's refusal, for `rejected`. */
  @Property({ length: 1000, nullable: true })
  error: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(taskId: string, recipient: string) {
    this.taskId = taskId;
    this.recipient = recipient;
  }
}
