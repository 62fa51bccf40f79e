import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, QueryScopes, storedInstant } from '@app/core';
import { AuditLog } from '@app/identity';
import { OrderList } from '../entities/order-list.entity';
import { InvalidCsvError } from '../release.errors';
import { readOrderListCsv } from './order-list-csv.reader';

/** Rows per INSERT: 10,000 lines are 20 statements, each well under `max_allowed_packet`. */
export const IMPORT_BATCH_SIZE = 500;

export interface OrderListImport {
  created: number;
  /** The days the lines are for, sorted. */
  ymds: string[];
}

/**
 * Imports a file of order lines, all or nothing: every line is read and validated first (a bad line
 * anywhere refuses the whole file with every problem named), then one transaction inserts them in
 * batches and records the import in the audit log (`order-list.import`, with no single record:
 * `after` says how many lines and which days).
 */
@Injectable()
export class OrderListImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
  ) {}

  async import(actorId: number, csv: Readable): Promise<OrderListImport> {
    const { rows, errors, errorCount } = await readOrderListCsv(csv);
    if (errorCount > 0) throw new InvalidCsvError(errors, errorCount);
    const ymds = [...new Set(rows.map((row) => row.ymd))].sort();
    await inTransaction(this.em, async (em) => {
      // one INSERT per batch (the query builder sends the rows as given; em.insertMany would split them by
      // the ORM's batchSize, 300)
      const createdAt = storedInstant();
      await QueryScopes.inBatches(async () => {
        for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
          const batch = rows.slice(start, start + IMPORT_BATCH_SIZE).map((row) => ({ ...row, pallet: null, createdAt }));
          await em.createQueryBuilder(OrderList).insert(batch).execute();
        }
      });
      this.audit.record(em, actorId, {
        action: 'order-list.import',
        entity: 'order-list',
        entityId: null,
        after: { created: rows.length, ymds },
      });
      await em.flush();
    });
    return { created: rows.length, ymds };
  }
}
