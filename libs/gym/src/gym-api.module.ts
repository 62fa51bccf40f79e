import { Module } from '@nestjs/common';
import { GymModule } from './gym.module';
import { CreditController } from './http/credit.controller';
import { LessonController } from './http/lesson.controller';
import { MemberController } from './http/member.controller';
import { PricePolicyController } from './http/price-policy.controller';
import { ReservationController } from './http/reservation.controller';

@Module({
  imports: [GymModule],
  controllers: [PricePolicyController, CreditController, LessonController, ReservationController, MemberController],
})
export class GymApiModule {}
