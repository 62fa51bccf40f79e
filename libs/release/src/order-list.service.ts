import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { ValidationFailedError } from '@app/core';
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
  constructor(private readonly em: EntityManager) {}

  /** Records a batch of order lines, unloaded, in one multi-row insert. */
  async create(inputs: NewOrderList[]): Promise<OrderList[]> {
    const orders = inputs.map((input) => new OrderList(input));
    await this.em.persistAndFlush(orders);
    return orders;
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
