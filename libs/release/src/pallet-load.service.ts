import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode, ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { AuditLog } from '@app/identity';
import { OrderList } from './entities/order-list.entity';
import { Pallet } from './entities/pallet.entity';
import { InvalidOrderListError } from './release.errors';
import type { Ymd } from './release-day';

/**
 * Loading a pallet. One transaction locks the pallet row (so two loads of one pallet run one
 * after the other and the last one wins whole), locks the requested order lines, checks that they
 * exist and are of that day, unloads the pallet's other lines of that day and loads these.
 * A line loaded on another pallet moves to this one.
 */
@Injectable()
export class PalletLoadService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Makes `ymd`'s load of the pallet exactly these order lines; returns them by id. Audited as
   * `pallet.load` (not for `actorId` null: demo data).
   */
  load(palletId: number, ymd: Ymd, orderListIds: number[], actorId: number | null): Promise<OrderList[]> {
    return inTransaction(
      this.em,
      async (em) => {
        const orders = await this.loadIn(em, palletId, ymd, orderListIds);
        if (actorId !== null)
          this.audit.record(em, actorId, { action: 'pallet.load', entity: 'pallet', entityId: palletId, after: { ymd, orderListIds } });
        return orders;
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }

  private async loadIn(em: EntityManager, palletId: number, ymd: Ymd, ids: number[]): Promise<OrderList[]> {
    const pallet = await em.findOne(Pallet, palletId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!pallet) throw new NotFoundError('Pallet', palletId);
    const orders =
      ids.length > 0
        ? await em.find(OrderList, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })
        : [];
    const found = new Set(orders.map((order) => order.id));
    const unknown = ids.filter((id) => !found.has(id));
    const otherDay = orders.filter((order) => order.ymd !== ymd).map((order) => order.id);
    if (unknown.length > 0 || otherDay.length > 0) throw new InvalidOrderListError({ unknown, otherDay });

    await em.nativeUpdate(OrderList, { ymd, pallet: palletId, ...(ids.length > 0 ? { id: { $nin: ids } } : {}) }, { pallet: null });
    // Lines not on this pallet yet change in one batched update when the transaction flushes.
    for (const order of orders) order.pallet = ref(pallet);
    return orders;
  }
}
