import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EmailDelivery } from './email/email-delivery.service';
import { MailTransport } from './email/mail-transport';
import { RecipientDelivery } from './email/recipient-delivery.entity';

/** What the worker needs to send mail: the transport and the per-recipient delivery ledger. */
@Module({
  imports: [MikroOrmModule.forFeature([RecipientDelivery])],
  providers: [MailTransport, EmailDelivery],
  exports: [EmailDelivery],
})
export class EmailSendingModule {}
