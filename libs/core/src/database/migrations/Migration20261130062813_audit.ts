import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log of staff changes (issue 20). Entries are only ever inserted: a trigger refuses an
 * UPDATE from anyone, the API has no route that writes them, and an actor cannot be deleted while
 * their entries exist (restrict). Keyset reads newest first by the actor or by the record.
 */
export class Migration20261130062813_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_entry\` (\`id\` bigint unsigned not null auto_increment primary key, \`actor_id\` int unsigned not null, \`action\` varchar(64) not null, \`entity\` varchar(40) not null, \`entity_id\` int unsigned null, \`before\` json null, \`after\` json null, \`reason\` varchar(500) null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_actor\`(\`actor_id\`, \`id\`);`);
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_record\`(\`entity\`, \`entity_id\`, \`id\`);`);
    this.addSql(
      `alter table \`audit_entry\` add constraint \`audit_entry_actor_id_foreign\` foreign key (\`actor_id\`) references \`user\` (\`id\`) on update cascade on delete restrict;`,
    );
    this.addSql(
      `create trigger \`audit_entry_is_append_only\` before update on \`audit_entry\` for each row signal sqlstate '45000' set message_text = 'audit entries cannot be changed';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`audit_entry\`;`);
  }
}
