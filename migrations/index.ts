import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000_workforce_model } from './Migration20261125000000_workforce_model';

/**
 * Migrations in the order they run. Committed migrations are never edited; a change is a new
 * file appended here. Listing them keeps the compiled server and ts-jest on the same code.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125000000_workforce_model', class: Migration20261125000000_workforce_model },
];
