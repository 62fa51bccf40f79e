import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { GymModule } from './gym.module';
import { GymClockController } from './calendar/gym-clock.controller';
import { CreditController } from './credits/credit.controller';
import { LessonController } from './lessons/lesson.controller';
import { MemberController } from './members/member.controller';
import { MemberDirectoryController } from './members/member-directory/member-directory.controller';
import { PricePolicyController } from './price-policies/price-policy.controller';
import { ReservationController } from './bookings/reservation.controller';
import { PromotionMailer } from './waitlist/promotion-mailer';
import { LessonCancellationMailer } from './lessons/lesson-cancellation-mailer';
import { WaitlistController } from './waitlist/waitlist.controller';

@Module({
  imports: [GymModule, JobsModule],
  controllers: [
    GymClockController,
    PricePolicyController,
    CreditController,
    LessonController,
    ReservationController,
    WaitlistController,
    MemberController,
    MemberDirectoryController,
  ],
  providers: [PromotionMailer, LessonCancellationMailer],
})
export class GymApiModule {}
