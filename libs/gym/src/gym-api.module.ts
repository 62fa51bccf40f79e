import { Module } from '@nestjs/common';
import { GymModule } from './gym.module';
import { CreditController } from './credits/credit.controller';
import { LessonController } from './lessons/lesson.controller';
import { MemberController } from './members/member.controller';
import { PricePolicyController } from './price-policies/price-policy.controller';
import { ReservationController } from './bookings/reservation.controller';

@Module({
  imports: [GymModule],
  controllers: [PricePolicyController, CreditController, LessonController, ReservationController, MemberController],
})
export class GymApiModule {}
