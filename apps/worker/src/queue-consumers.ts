import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { EmailDelivery } from '@app/jobs';
import { EmailProcessor } from './processors/email.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import type { QueueProcessor } from './processors/queue-processor';

/**
 * Starts the processors once the worker knows MySQL and Redis answer (main.ts calls `start`).
 * On shutdown the queues are closed first, before the mail transport and the database: Bull's
 * `close()` stops taking jobs and waits for the one in hand. A mailing in hand is parked first:
 * it stops after the recipient being sent and goes back to the queue, where the next worker
 * resumes it, so a shutdown takes one message's time however long the list (see
 * docs/jobs-reliability.md).
 */
@Injectable()
export class QueueConsumers implements BeforeApplicationShutdown {
  private readonly logger = new Logger('QueueConsumers');
  private readonly processors: QueueProcessor[];

  constructor(
    email: EmailProcessor,
    maintenance: MaintenanceProcessor,
    private readonly delivery: EmailDelivery,
  ) {
    this.processors = [email, maintenance];
  }

  start(): void {
    for (const processor of this.processors) {
      processor.register().catch((error: unknown) => {
        // Bull rejects the processing loop when the queue closes mid-start; that is shutdown, not a failure
        if (!(processor.queue as Queue & { closing?: Promise<void> }).closing)
          this.logger.error(`Queue ${processor.queue.name} stopped: ${String(error)}`);
      });
    }
    this.logger.log(`Consuming ${this.processors.map((processor) => processor.queue.name).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.delivery.park();
    await Promise.all(this.processors.map((processor) => processor.queue.close()));
    this.logger.log('Queues closed; the job in hand has finished or is parked');
  }
}
