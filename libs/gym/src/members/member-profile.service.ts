import { Injectable } from '@nestjs/common';
import { type UserFields, UserService } from '@app/identity';
import { CreditLedgerService } from '../credits/credit-ledger.service';
import { type MemberReservationView, MemberReservationsReader } from './member-reservations.reader';

export interface MemberProfile {
  user: UserFields;
  creditBalance: number;
  reservations: MemberReservationView[];
}

/** A member's account as the gym sees it: three statements whatever their history. */
@Injectable()
export class MemberProfileService {
  constructor(
    private readonly reservations: MemberReservationsReader,
    private readonly users: UserService,
    private readonly ledger: CreditLedgerService,
  ) {}

  async get(viewer: { id: number; isStaff: boolean }, userId: number): Promise<MemberProfile> {
    const user = await this.users.getVisibleTo(viewer, userId);
    const { balance } = await this.ledger.balance(userId);
    const reservations = await this.reservations.forMember(userId);
    return { user, creditBalance: balance, reservations };
  }
}
