import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { executePrepared, inTransaction, NotFoundError } from '@app/core';
import { AuditLog } from '@app/identity';
import { PricePolicy } from './price-policy.entity';

export type NewPricePolicy = Pick<PricePolicy, 'name' | 'price' | 'creditCount' | 'periodDays'>;

/** What staff may change on a policy: its name and whether it is on sale. Its terms never change. */
export interface PricePolicyChanges {
  name?: string;
  isActive?: boolean;
}

export type PricePolicyFields = NewPricePolicy & Pick<PricePolicy, 'id' | 'isActive'>;

/** The policies a reader may see, and whether the database says the reader is staff (then retired ones are included). */
export interface PricePolicyListing {
  policies: PricePolicyFields[];
  readerIsStaff: boolean;
}

/**
 * Cheapest first; retired policies only for staff, decided by the database in the same statement
 * (`?` twice: the reader's id, 0 without a token: no user has it). An empty answer says nothing about
 * the reader, and needs not.
 */
const POLICIES_FOR_READER = `select p.id, p.name, p.price, p.credit_count as creditCount, p.period_days as periodDays,
       p.is_active as isActive, s.id is not null as readerIsStaff
  from price_policy p
  left join \`user\` s on s.id = ? and s.is_staff = 1
 where p.is_active = 1 or s.id is not null
 order by p.price, p.id`;

interface PolicyRow extends Omit<PricePolicyFields, 'isActive'> {
  isActive: number;
  readerIsStaff: number;
}

const EDITABLE = ['name', 'isActive'] as const;

@Injectable()
export class PricePolicyService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
  ) {}

  /** What `reader` may see, in one statement: members and anonymous readers the policies on sale, staff all. */
  async list(reader: { id: number } | null): Promise<PricePolicyListing> {
    const rows = await executePrepared<PolicyRow>(this.em, POLICIES_FOR_READER, [reader?.id ?? 0]);
    return {
      policies: rows.map(({ readerIsStaff: _staff, isActive, ...policy }) => ({ ...policy, isActive: Number(isActive) === 1 })),
      readerIsStaff: rows.some((row) => Number(row.readerIsStaff) === 1),
    };
  }

  /**
   * Puts a membership on sale. `actorId`: the staff member who did, recorded in the audit log
   * (`price-policy.create`) in the same transaction; null for what is no staff change (the demo seed).
   */
  async create(input: NewPricePolicy, actorId: number | null): Promise<PricePolicy> {
    if (actorId === null) {
      const policy = new PricePolicy(input);
      await this.em.persistAndFlush(policy);
      return policy;
    }
    return inTransaction(this.em, async (em) => {
      const policy = new PricePolicy(input);
      await em.persist(policy).flush(); // the audit entry names its id
      const { name, price, creditCount, periodDays, isActive } = policy;
      this.audit.record(em, actorId, {
        action: 'price-policy.create',
        entity: 'price-policy',
        entityId: policy.id,
        after: { name, price, creditCount, periodDays, isActive },
      });
      return policy;
    });
  }

  /** Renames a policy or takes it off sale (or back on), recorded in the audit log with the changed fields. */
  update(actorId: number, id: number, changes: PricePolicyChanges): Promise<PricePolicy> {
    return inTransaction(
      this.em,
      async (em) => {
        const policy = await em.findOne(PricePolicy, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!policy) throw new NotFoundError('Price policy', id);
        const changed = EDITABLE.filter((field) => changes[field] !== undefined && changes[field] !== policy[field]);
        if (changed.length === 0) return policy;
        const before = Object.fromEntries(changed.map((field) => [field, policy[field]]));
        policy.revise(changes);
        this.audit.record(em, actorId, {
          action: 'price-policy.update',
          entity: 'price-policy',
          entityId: policy.id,
          before,
          after: Object.fromEntries(changed.map((field) => [field, policy[field]])),
        });
        return policy;
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }
}
