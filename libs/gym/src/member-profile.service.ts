import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { type User, UserService } from '@app/identity';
import { CreditLedgerService } from './credit-ledger.service';
import { Reservation } from './entities/reservation.entity';

export interface MemberProfile {
  user: User;
  creditBalance: number;
  reservations: Reservation[];
}

/** A member's account as the gym sees it: three statements whatever their history. */
@Injectable()
export class MemberProfileService {
  constructor(
    private readonly em: EntityManager,
    private readonly users: UserService,
    private readonly ledger: CreditLedgerService,
  ) {}

  async get(viewer: { id: number; isStaff: boolean }, userId: number): Promise<MemberProfile> {
    const user = await this.users.getVisibleTo(viewer, userId);
    const { balance } = await this.ledger.balance(userId);
    const reservations = await this.em.find(
      Reservation,
      { user: userId },
      // one joined statement for the reservations, their lessons and their credit entries
      { populate: ['lesson', 'credits'], strategy: 'joined', orderBy: { createdAt: 'desc', id: 'desc', credits: { id: 'asc' } } },
    );
    return { user, creditBalance: balance, reservations };
  }
}
