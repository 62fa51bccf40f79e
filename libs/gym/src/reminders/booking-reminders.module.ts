import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { GymModule } from '../gym.module';
import { BookingRemindersService } from './booking-reminders.service';
import { MemberDayBookingsReader } from './member-day-bookings.reader';

/**
 * The evening reminder of tomorrow's bookings. A module of its own because it enqueues mail: it
 * needs the queues (`JobsModule`, so the app also imports `QueueRootModule`), which the CLI, whose
 * process must exit when its command is done, does not import with `GymModule`.
 */
@Module({
  imports: [GymModule, JobsModule],
  providers: [MemberDayBookingsReader, BookingRemindersService],
  exports: [BookingRemindersService],
})
export class BookingRemindersModule {}
