import { Migration } from '@mikro-orm/migrations';

export class Migration20261126044608_poll extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`poll\` (\`id\` int unsigned not null auto_increment primary key, \`owner_id\` int unsigned not null, \`head\` varchar(50) not null, \`message\` varchar(128) not null, \`end_time\` datetime null, \`is_anonymous_vote\` tinyint(1) not null, \`is_multiple_vote\` tinyint(1) not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`poll\` add index \`poll_owner_id_index\`(\`owner_id\`);`);

    this.addSql(
      `create table \`poll_question\` (\`id\` int unsigned not null auto_increment primary key, \`poll_id\` int unsigned not null, \`content\` varchar(512) not null, \`ordering\` int not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`poll_question\` add index \`poll_question_poll_id_index\`(\`poll_id\`);`);

    this.addSql(
      `create table \`poll_vote\` (\`id\` int unsigned not null auto_increment primary key, \`poll_id\` int unsigned not null, \`question_id\` int unsigned not null, \`owner_id\` int unsigned not null, \`exclusive\` tinyint(1) not null, \`exclusive_owner_id\` int unsigned generated always as (case when \`exclusive\` then \`owner_id\` end) virtual, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`poll_vote\` add index \`poll_vote_owner_id_index\`(\`owner_id\`);`);
    this.addSql(`alter table \`poll_vote\` add unique \`poll_vote_one_per_single_choice_poll\`(\`poll_id\`, \`exclusive_owner_id\`);`);
    this.addSql(`alter table \`poll_vote\` add unique \`poll_vote_one_per_question\`(\`question_id\`, \`owner_id\`);`);

    this.addSql(
      `alter table \`poll\` add constraint \`poll_owner_id_foreign\` foreign key (\`owner_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`poll_question\` add constraint \`poll_question_poll_id_foreign\` foreign key (\`poll_id\`) references \`poll\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`poll_vote\` add constraint \`poll_vote_poll_id_foreign\` foreign key (\`poll_id\`) references \`poll\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`poll_vote\` add constraint \`poll_vote_question_id_foreign\` foreign key (\`question_id\`) references \`poll_question\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`poll_vote\` add constraint \`poll_vote_owner_id_foreign\` foreign key (\`owner_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`poll_question\` drop foreign key \`poll_question_poll_id_foreign\`;`);

    this.addSql(`alter table \`poll_vote\` drop foreign key \`poll_vote_poll_id_foreign\`;`);

    this.addSql(`alter table \`poll_vote\` drop foreign key \`poll_vote_question_id_foreign\`;`);

    this.addSql(`drop table if exists \`poll\`;`);

    this.addSql(`drop table if exists \`poll_question\`;`);

    this.addSql(`drop table if exists \`poll_vote\`;`);
  }
}
