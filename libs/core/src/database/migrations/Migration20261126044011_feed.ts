import { Migration } from '@mikro-orm/migrations';

export class Migration20261126044011_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`feed\` (\`id\` int unsigned not null auto_increment primary key, \`dtype\` enum('post', 'game', 'team') not null, \`author_id\` int unsigned not null, \`like_count\` int not null default 0, \`joined_count\` int not null default 0, \`created_at\` datetime not null default CURRENT_TIMESTAMP, \`game_name\` varchar(128) null, \`game_location\` varchar(128) null, \`title\` varchar(128) null, \`body\` text null, \`room_name\` varchar(128) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`feed\` add index \`feed_dtype_index\`(\`dtype\`);`);
    this.addSql(`alter table \`feed\` add index \`feed_author_id_index\`(\`author_id\`);`);
    this.addSql(`alter table \`feed\` add index \`feed_dtype_id_index\`(\`dtype\`, \`id\`);`);

    this.addSql(
      `create table \`feed_like\` (\`feed_id\` int unsigned not null, \`user_id\` int unsigned not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP, primary key (\`feed_id\`, \`user_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`feed_like\` add index \`feed_like_user_id_index\`(\`user_id\`);`);

    this.addSql(
      `create table \`feed_join\` (\`feed_id\` int unsigned not null, \`user_id\` int unsigned not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP, primary key (\`feed_id\`, \`user_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`feed_join\` add index \`feed_join_user_id_index\`(\`user_id\`);`);

    this.addSql(
      `alter table \`feed\` add constraint \`feed_author_id_foreign\` foreign key (\`author_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`feed_like\` add constraint \`feed_like_feed_id_foreign\` foreign key (\`feed_id\`) references \`feed\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`feed_like\` add constraint \`feed_like_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`feed_join\` add constraint \`feed_join_feed_id_foreign\` foreign key (\`feed_id\`) references \`feed\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`feed_join\` add constraint \`feed_join_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`feed_like\` drop foreign key \`feed_like_feed_id_foreign\`;`);

    this.addSql(`alter table \`feed_join\` drop foreign key \`feed_join_feed_id_foreign\`;`);

    this.addSql(`drop table if exists \`feed\`;`);

    this.addSql(`drop table if exists \`feed_like\`;`);

    this.addSql(`drop table if exists \`feed_join\`;`);
  }
}
