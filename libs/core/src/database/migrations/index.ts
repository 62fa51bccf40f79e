import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126040404_identity } from './Migration20261126040404_identity';
import { Migration20261126042822_gym } from './Migration20261126042822_gym';

/** Every migration, in order. `npm run migration:create` writes new files; add them here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126040404_identity', class: Migration20261126040404_identity },
  { name: 'Migration20261126042822_gym', class: Migration20261126042822_gym },
];
