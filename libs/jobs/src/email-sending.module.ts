import { Module } from '@nestjs/common';
import { EmailDelivery } from './email/email-delivery.service';
import { MailTransport } from './email/mail-transport';

/** What the worker needs to send mail. */
@Module({
  providers: [MailTransport, EmailDelivery],
  exports: [EmailDelivery],
})
export class EmailSendingModule {}
