import { Migration } from '@mikro-orm/migrations';

/** A member's optional email address: where notifications go (issue 19). */
export class Migration20261130044500_user_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`user\` add \`email\` varchar(254) null after \`phone_number\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`user\` drop column \`email\`;`);
  }
}
