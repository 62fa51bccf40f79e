import { Migration } from '@mikro-orm/migrations';

/**
 * The gym's staff operations (issue 20): credits granted by staff (`credit.type` gains `grant`,
 * a purchase without a price policy), lessons cancelled by the gym (when, and why), and price
 * policies retired from sale (`is_active`; those already bought keep their terms).
 */
export class Migration20261130064000_gym_staff extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`credit\` modify \`type\` enum('purchase', 'use', 'refund', 'expire', 'grant') not null;`);
    this.addSql(`alter table \`lesson\` add \`canceled_at\` datetime null, add \`cancel_reason\` varchar(500) null;`);
    this.addSql(`alter table \`price_policy\` add \`is_active\` tinyint(1) not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`price_policy\` drop column \`is_active\`;`);
    this.addSql(`alter table \`lesson\` drop column \`canceled_at\`, drop column \`cancel_reason\`;`);
    this.addSql(`delete from \`credit\` where \`type\` = 'grant';`);
    this.addSql(`alter table \`credit\` modify \`type\` enum('purchase', 'use', 'refund', 'expire') not null;`);
  }
}
