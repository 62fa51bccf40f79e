import { Injectable } from '@nestjs/common';
import { type UserFields, UserService } from '@app/identity';
import type { Page } from '@app/core';
import type { BookingListStatus, BookingView } from '../bookings/booking-view';
import { CreditLedgerService } from '../credits/credit-ledger.service';
import { MemberBookingsReader } from './member-bookings.reader';
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
    private readonly bookings: MemberBookingsReader,
  ) {}

  async get(viewer: { id: number; isStaff: boolean }, userId: number): Promise<MemberProfile> {
    const user = await this.users.getVisibleTo(viewer, userId);
    const { balance } = await this.ledger.balance(userId);
    const reservations = await this.reservations.forMember(userId);
    return { user, creditBalance: balance, reservations };
  }

  /**
   * `GET /users/:id/bookings`: the page `GET /users/me/bookings` shows, for the member themselves
   * (one statement) or staff (one more: the user's row, for 404 on an unknown id); another member
   * is 403.
   */
  async bookingsVisibleTo(
    viewer: { id: number; isStaff: boolean },
    userId: number,
    query: { status: BookingListStatus; limit: number; cursor?: string },
  ): Promise<Page<BookingView>> {
    if (userId !== viewer.id) await this.users.getVisibleTo(viewer, userId);
    return this.bookings.page(userId, query);
  }
}
