import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126040404_identity } from './Migration20261126040404_identity';
import { Migration20261126042822_gym } from './Migration20261126042822_gym';
import { Migration20261126044011_feed } from './Migration20261126044011_feed';
import { Migration20261126044608_poll } from './Migration20261126044608_poll';
import { Migration20261126045600_release } from './Migration20261126045600_release';
import { Migration20261126053406_idempotency } from './Migration20261126053406_idempotency';
import { Migration20261130004329_email_delivery } from './Migration20261130004329_email_delivery';
import { Migration20261130044500_user_email } from './Migration20261130044500_user_email';
import { Migration20261130054655_waitlist } from './Migration20261130054655_waitlist';
import { Migration20261130060000_refresh_token } from './Migration20261130060000_refresh_token';
import { Migration20261130062813_audit } from './Migration20261130062813_audit';
import { Migration20261130064000_gym_staff } from './Migration20261130064000_gym_staff';
import { Migration20261130070000_user_status } from './Migration20261130070000_user_status';

/**
 * Every migration, in order. `npm run migration:create` writes new files; add them here.
 * Review what it writes: it proposes single-column indexes that a composite index already covers
 * (the release's `pallet (car_id)` beside the unique `(car_id, seq)`) and re-declares the generated
 * columns; leave those lines out (the idempotency migration kept only its own table).
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126040404_identity', class: Migration20261126040404_identity },
  { name: 'Migration20261126042822_gym', class: Migration20261126042822_gym },
  { name: 'Migration20261126044011_feed', class: Migration20261126044011_feed },
  { name: 'Migration20261126044608_poll', class: Migration20261126044608_poll },
  { name: 'Migration20261126045600_release', class: Migration20261126045600_release },
  { name: 'Migration20261126053406_idempotency', class: Migration20261126053406_idempotency },
  { name: 'Migration20261130004329_email_delivery', class: Migration20261130004329_email_delivery },
  { name: 'Migration20261130044500_user_email', class: Migration20261130044500_user_email },
  { name: 'Migration20261130054655_waitlist', class: Migration20261130054655_waitlist },
  { name: 'Migration20261130060000_refresh_token', class: Migration20261130060000_refresh_token },
  { name: 'Migration20261130062813_audit', class: Migration20261130062813_audit },
  { name: 'Migration20261130064000_gym_staff', class: Migration20261130064000_gym_staff },
  { name: 'Migration20261130070000_user_status', class: Migration20261130070000_user_status },
];
