import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { GymModule } from '../gym.module';
import { GymDemoSeeder } from './gym-demo-seeder';

/** The demo gym: members, memberships, a month of lessons and bookings. Imported by the CLI and the tests, never by the API or the worker. */
@Module({
  imports: [GymModule, IdentityModule],
  providers: [GymDemoSeeder],
  exports: [GymDemoSeeder],
})
export class GymDemoModule {}
