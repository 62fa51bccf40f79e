import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StaffMailingService } from './email/staff-mailing.service';
import { JobsController } from './http/jobs.controller';
import { JobsModule } from './jobs.module';

@Module({ imports: [JobsModule, IdentityModule], controllers: [JobsController], providers: [StaffMailingService] })
export class JobsApiModule {}
