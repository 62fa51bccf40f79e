import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { PricePolicy } from './price-policy.entity';

export type NewPricePolicy = Pick<PricePolicy, 'name' | 'price' | 'creditCount' | 'periodDays'>;

@Injectable()
export class PricePolicyService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<PricePolicy[]> {
    return this.em.find(PricePolicy, {}, { orderBy: { price: 'asc', id: 'asc' } });
  }

  async create(input: NewPricePolicy): Promise<PricePolicy> {
    const policy = new PricePolicy(input);
    await this.em.persistAndFlush(policy);
    return policy;
  }
}
