import { Migration } from '@mikro-orm/migrations';

/**
 * Waitlists (issue 19). `waiting_flag` is 1 while an entry waits: the unique key keeps one waiting
 * entry per member and lesson, and the queue index reads a lesson's waiting entries in order.
 */
export class Migration20261130054655_waitlist extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`waitlist_entry\` (\`id\` int unsigned not null auto_increment primary key, \`lesson_id\` int unsigned not null, \`user_id\` int unsigned not null, \`status\` enum('waiting', 'promoted', 'passed', 'expired') not null default 'waiting', \`reason\` varchar(40) null, \`reservation_id\` int unsigned null, \`waiting_flag\` tinyint generated always as (case when \`status\` = 'waiting' then 1 end) virtual, \`created_at\` datetime not null default CURRENT_TIMESTAMP, \`closed_at\` datetime null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_reservation_id_index\`(\`reservation_id\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_user_id_id_index\`(\`user_id\`, \`id\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_lesson_queue\`(\`lesson_id\`, \`waiting_flag\`, \`id\`);`);
    this.addSql(
      `alter table \`waitlist_entry\` add unique \`waitlist_entry_one_waiting_per_member\`(\`lesson_id\`, \`user_id\`, \`waiting_flag\`);`,
    );
    this.addSql(
      `alter table \`waitlist_entry\` add constraint \`waitlist_entry_lesson_id_foreign\` foreign key (\`lesson_id\`) references \`lesson\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`waitlist_entry\` add constraint \`waitlist_entry_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`waitlist_entry\` add constraint \`waitlist_entry_reservation_id_foreign\` foreign key (\`reservation_id\`) references \`reservation\` (\`id\`) on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`waitlist_entry\`;`);
  }
}
