import { Migration } from '@mikro-orm/migrations';

export class Migration20261130004329_email_delivery extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`email_delivery\` (\`id\` bigint unsigned not null auto_increment primary key, \`task_id\` varchar(64) collate ascii_bin not null, \`recipient\` varchar(320) collate utf8mb4_bin not null, \`status\` enum('sending', 'sent', 'rejected') not null default 'sending', \`error\` varchar(1000) null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`email_delivery\` add unique \`email_delivery_task_id_recipient_unique\`(\`task_id\`, \`recipient\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`email_delivery\`;`);
  }
}
