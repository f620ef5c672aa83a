import { join } from 'node:path';

/** The messaging tables (inbox, partition_progress, outbox); pass to `loadMigrations`, then `migrate`. */
export const messagingMigrationsDir = join(__dirname, '..', '..', 'migrations');
