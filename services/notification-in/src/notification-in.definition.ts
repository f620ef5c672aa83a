import { join } from 'node:path';
import { loadMigrations } from '@ecris/messaging';
import type { ServiceDefinition } from '@ecris/service-kit';
import { NotificationInModule } from './notification-in.module';

/** How the kit starts notification-in: by main.ts, and in-process by the one-command local run (tools/local-system). */
export const definition: ServiceDefinition = {
  service: 'notification-in',
  module: NotificationInModule,
  migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
  claimPartitions: true,
  // A partition's fetched NOTs share one ledger transaction (one inbox read, multi-row inbox and outbox
  // inserts); anything failing in it sends them one by one, where a poison NOT is dead-lettered alone.
  applyInBatches: true,
};
