import { Migration } from '@mikro-orm/migrations';

/**
 * Staff manage accounts (issue 20): `is_active` (a deactivated member cannot log in, and their
 * tokens stop working), an index for the directory's phone-number prefix search (the username
 * prefix uses the unique key), and `(is_staff, is_active)`, which the "last active staff member"
 * check locks instead of the whole table.
 */
export class Migration20261130070000_user_status extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`user\` add \`is_active\` tinyint(1) not null default true after \`is_staff\`;`);
    this.addSql(`alter table \`user\` add index \`user_phone_number_index\`(\`phone_number\`);`);
    this.addSql(`alter table \`user\` add index \`user_is_staff_is_active_index\`(\`is_staff\`, \`is_active\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`user\` drop index \`user_is_staff_is_active_index\`;`);
    this.addSql(`alter table \`user\` drop index \`user_phone_number_index\`;`);
    this.addSql(`alter table \`user\` drop column \`is_active\`;`);
  }
}
