import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, ValidationFailedError } from '@app/core';
import { AuditLog } from '@app/identity';
import { type NewOrderList, OrderList } from './entities/order-list.entity';
import type { Ymd } from './release-day';

export interface OrderListQuery {
  ymd: Ymd;
  /** Only the lines loaded on this pallet. */
  palletId?: number;
  /** Only the lines on no pallet yet. */
  unloaded?: boolean;
}

@Injectable()
export class OrderListService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Records a batch of order lines, unloaded, in one multi-row insert, with its audit entry (none
   * for `actorId` null: the demo seeder's data, which no staff member entered).
   */
  create(inputs: NewOrderList[], actorId: number | null): Promise<OrderList[]> {
    return inTransaction(this.em, async (em) => {
      const orders = inputs.map((input) => new OrderList(input));
      em.persist(orders);
      await em.flush();
      if (actorId === null) return orders;
      this.audit.record(em, actorId, {
        action: 'order-list.create',
        entity: 'order-list',
        entityId: orders.length === 1 ? orders[0].id : null,
        after: { ids: orders.map((order) => order.id), ymds: [...new Set(orders.map((order) => order.ymd))] },
      });
      return orders;
    });
  }

  /** One day's lines in the order they were entered, optionally by pallet or only the unloaded. */
  list(query: OrderListQuery): Promise<OrderList[]> {
    if (query.palletId !== undefined && query.unloaded === true) {
      throw new ValidationFailedError([{ field: 'unloaded', messages: ['unloaded=true cannot be combined with palletId'] }]);
    }
    const where: FilterQuery<OrderList> = { ymd: query.ymd };
    if (query.palletId !== undefined) where.pallet = query.palletId;
    if (query.unloaded === true) where.pallet = null;
    if (query.unloaded === false && query.palletId === undefined) where.pallet = { $ne: null };
    return this.em.find(OrderList, where, { orderBy: { id: 'asc' } });
  }
}
