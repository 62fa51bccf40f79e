import { Migration } from '@mikro-orm/migrations';

export class Migration20261126040404_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`image\` (\`id\` int unsigned not null auto_increment primary key, \`image_url\` varchar(512) not null) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`user\` (\`id\` int unsigned not null auto_increment primary key, \`username\` varchar(150) not null, \`password_hash\` varchar(255) not null, \`phone_number\` varchar(32) not null, \`is_staff\` tinyint(1) not null default false, \`image_id\` int unsigned null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`user\` add unique \`user_username_unique\`(\`username\`);`);
    this.addSql(`alter table \`user\` add unique \`user_image_id_unique\`(\`image_id\`);`);

    this.addSql(
      `alter table \`user\` add constraint \`user_image_id_foreign\` foreign key (\`image_id\`) references \`image\` (\`id\`) on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`user\` drop foreign key \`user_image_id_foreign\`;`);

    this.addSql(`drop table if exists \`image\`;`);

    this.addSql(`drop table if exists \`user\`;`);
  }
}
