import { Migration } from '@mikro-orm/migrations';

export class Migration20261126042822_gym extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`lesson\` (\`id\` int unsigned not null auto_increment primary key, \`gym\` enum('seoul', 'busan') not null, \`type\` enum('weight', 'crossfit', 'swim', 'yoga') not null, \`credit_count\` int not null, \`max_capacity\` int not null, \`reserved_count\` int not null default 0, \`start_date\` date not null, \`start_time\` char(5) not null, \`end_time\` char(5) not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP, constraint lesson_capacity_check check (reserved_count between 0 and max_capacity)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`lesson\` add index \`lesson_start_date_start_time_id_index\`(\`start_date\`, \`start_time\`, \`id\`);`);

    this.addSql(
      `create table \`price_policy\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(100) not null, \`price\` int not null, \`credit_count\` int not null, \`period_days\` int not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`reservation\` (\`id\` int unsigned not null auto_increment primary key, \`type\` enum('reserve', 'cancel') not null, \`user_id\` int unsigned not null, \`lesson_id\` int unsigned not null, \`cancels_id\` int unsigned null, \`canceled_at\` datetime null, \`active_flag\` tinyint generated always as (case when \`type\` = 'reserve' and \`canceled_at\` is null then 1 end) virtual, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`reservation\` add index \`reservation_lesson_id_index\`(\`lesson_id\`);`);
    this.addSql(`alter table \`reservation\` add unique \`reservation_cancels_unique\`(\`cancels_id\`);`);
    this.addSql(`alter table \`reservation\` add index \`reservation_user_id_created_at_index\`(\`user_id\`, \`created_at\`);`);
    this.addSql(
      `alter table \`reservation\` add unique \`reservation_one_active_per_member\`(\`lesson_id\`, \`user_id\`, \`active_flag\`);`,
    );

    this.addSql(
      `create table \`credit\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`type\` enum('purchase', 'use', 'refund', 'expire') not null, \`count\` int not null, \`start_date\` date not null, \`end_date\` date null, \`price_policy_id\` int unsigned null, \`reservation_id\` int unsigned null, \`purchase_id\` int unsigned null, \`expired_purchase_id\` int unsigned generated always as (case when \`type\` = 'expire' then \`purchase_id\` end) virtual, \`message\` varchar(255) not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`credit\` add index \`credit_price_policy_id_index\`(\`price_policy_id\`);`);
    this.addSql(`alter table \`credit\` add index \`credit_reservation_id_index\`(\`reservation_id\`);`);
    this.addSql(`alter table \`credit\` add index \`credit_purchase_id_index\`(\`purchase_id\`);`);
    this.addSql(`alter table \`credit\` add index \`credit_user_id_type_end_date_index\`(\`user_id\`, \`type\`, \`end_date\`);`);
    this.addSql(`alter table \`credit\` add unique \`credit_one_expiry_per_purchase\`(\`expired_purchase_id\`);`);

    this.addSql(
      `alter table \`reservation\` add constraint \`reservation_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`reservation\` add constraint \`reservation_lesson_id_foreign\` foreign key (\`lesson_id\`) references \`lesson\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`reservation\` add constraint \`reservation_cancels_id_foreign\` foreign key (\`cancels_id\`) references \`reservation\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`credit\` add constraint \`credit_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`credit\` add constraint \`credit_price_policy_id_foreign\` foreign key (\`price_policy_id\`) references \`price_policy\` (\`id\`) on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table \`credit\` add constraint \`credit_reservation_id_foreign\` foreign key (\`reservation_id\`) references \`reservation\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`credit\` add constraint \`credit_purchase_id_foreign\` foreign key (\`purchase_id\`) references \`credit\` (\`id\`) on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`reservation\` drop foreign key \`reservation_lesson_id_foreign\`;`);

    this.addSql(`alter table \`credit\` drop foreign key \`credit_price_policy_id_foreign\`;`);

    this.addSql(`alter table \`reservation\` drop foreign key \`reservation_cancels_id_foreign\`;`);

    this.addSql(`alter table \`credit\` drop foreign key \`credit_reservation_id_foreign\`;`);

    this.addSql(`alter table \`credit\` drop foreign key \`credit_purchase_id_foreign\`;`);

    this.addSql(`drop table if exists \`lesson\`;`);

    this.addSql(`drop table if exists \`price_policy\`;`);

    this.addSql(`drop table if exists \`reservation\`;`);

    this.addSql(`drop table if exists \`credit\`;`);
  }
}
