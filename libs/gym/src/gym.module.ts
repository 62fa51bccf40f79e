import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '@app/core';
import { IdentityModule } from '@app/identity';
import { BookingService } from './booking.service';
import { CreditExpiryService } from './credit-expiry.service';
import { CreditLedgerService } from './credit-ledger.service';
import { GymDemoSeeder } from './demo/gym-demo-seeder';
import { Credit } from './entities/credit.entity';
import { Lesson } from './entities/lesson.entity';
import { PricePolicy } from './entities/price-policy.entity';
import { Reservation } from './entities/reservation.entity';
import { GymCalendar } from './gym-calendar';
import { LessonService } from './lesson.service';
import { MemberProfileService } from './member-profile.service';
import { MemberReservationsReader } from './member-reservations.reader';
import { PricePolicyService } from './price-policy.service';

const services = [
  BookingService,
  CreditExpiryService,
  CreditLedgerService,
  GymDemoSeeder,
  LessonService,
  MemberProfileService,
  MemberReservationsReader,
  PricePolicyService,
];

/** The gym's rules: memberships, the credit ledger, lessons and bookings. No HTTP. */
@Module({
  imports: [MikroOrmModule.forFeature([PricePolicy, Lesson, Reservation, Credit]), IdentityModule, TimeModule],
  providers: [GymCalendar, ...services],
  exports: [GymCalendar, ...services],
})
export class GymModule {}
