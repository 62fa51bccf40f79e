import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '@app/core';
import { IdentityModule } from '@app/identity';
import { BookingService } from './bookings/booking.service';
import { CreditExpiryService } from './credits/credit-expiry.service';
import { CreditGrantService } from './credits/credit-grant.service';
import { CreditLedgerService } from './credits/credit-ledger.service';
import { Credit } from './credits/credit.entity';
import { Lesson } from './lessons/lesson.entity';
import { PricePolicy } from './price-policies/price-policy.entity';
import { Reservation } from './bookings/reservation.entity';
import { GymCalendar } from './gym-calendar';
import { LessonService } from './lessons/lesson.service';
import { LessonCancellationService } from './lessons/lesson-cancellation.service';
import { LessonUpdateService } from './lessons/lesson-update.service';
import { MemberProfileService } from './members/member-profile.service';
import { MemberBookingsReader } from './members/member-bookings.reader';
import { MemberDirectoryReader } from './members/member-directory/member-directory.reader';
import { MemberReservationsReader } from './members/member-reservations.reader';
import { PricePolicyService } from './price-policies/price-policy.service';
import { WaitlistEntry } from './waitlist/waitlist-entry.entity';
import { WaitlistPromoter } from './waitlist/waitlist-promoter';
import { WaitlistService } from './waitlist/waitlist.service';

const services = [
  BookingService,
  CreditExpiryService,
  CreditGrantService,
  CreditLedgerService,
  LessonCancellationService,
  LessonService,
  LessonUpdateService,
  MemberBookingsReader,
  MemberDirectoryReader,
  MemberProfileService,
  MemberReservationsReader,
  PricePolicyService,
  WaitlistPromoter,
  WaitlistService,
];

/** The gym's rules: memberships, the credit ledger, lessons, bookings and waitlists. No HTTP. */
@Module({
  imports: [MikroOrmModule.forFeature([PricePolicy, Lesson, Reservation, Credit, WaitlistEntry]), IdentityModule, TimeModule],
  providers: [GymCalendar, ...services],
  exports: [GymCalendar, ...services],
})
export class GymModule {}
