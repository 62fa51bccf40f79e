import { Migration } from '@mikro-orm/migrations';

export class Migration20261126053406_idempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`idempotency_key\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`key\` varchar(255) collate ascii_bin not null, \`request_hash\` char(64) not null, \`status_code\` smallint unsigned null, \`response_body\` mediumtext null, \`created_at\` datetime not null default CURRENT_TIMESTAMP, \`expires_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`idempotency_key\` add index \`idempotency_key_expires_at_index\`(\`expires_at\`);`);
    this.addSql(`alter table \`idempotency_key\` add unique \`idempotency_key_user_id_key_unique\`(\`user_id\`, \`key\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`idempotency_key\`;`);
  }
}
