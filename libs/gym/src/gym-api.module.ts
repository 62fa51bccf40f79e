import { Module } from '@nestjs/common';
import { GymModule } from './gym.module';
import { GymClockController } from './calendar/gym-clock.controller';
import { CreditController } from './credits/credit.controller';
import { LessonController } from './lessons/lesson.controller';
import { MemberController } from './members/member.controller';
import { PricePolicyController } from './price-policies/price-policy.controller';
import { ReservationController } from './bookings/reservation.controller';

@Module({
  imports: [GymModule],
  controllers: [GymClockController, PricePolicyController, CreditController, LessonController, ReservationController, MemberController],
})
export class GymApiModule {}
