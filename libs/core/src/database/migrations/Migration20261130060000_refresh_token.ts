import { Migration } from '@mikro-orm/migrations';

/**
 * Refresh tokens (issue 19): only their SHA-256 is stored, unique; `family_id` groups the tokens of
 * one login so that a logout or a reused token revokes them together.
 */
export class Migration20261130060000_refresh_token extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`refresh_token\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`family_id\` char(32) collate ascii_bin not null, \`token_hash\` char(64) collate ascii_bin not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`revoked_at\` datetime null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`refresh_token\` add index \`refresh_token_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`refresh_token\` add index \`refresh_token_family_id_index\`(\`family_id\`);`);
    this.addSql(`alter table \`refresh_token\` add unique \`refresh_token_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(
      `alter table \`refresh_token\` add constraint \`refresh_token_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`refresh_token\`;`);
  }
}
