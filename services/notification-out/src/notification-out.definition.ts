import { join } from 'node:path';
import { loadMigrations } from '@ecris/messaging';
import type { ServiceDefinition } from '@ecris/service-kit';
import { NotificationOutModule } from './notification-out.module';

/** How the kit starts notification-out, in main.ts and in the integration tests alike. */
export const NOTIFICATION_OUT: ServiceDefinition = {
  service: 'notification-out',
  module: NotificationOutModule,
  migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
  // Exactly-once effects: each assigned partition is claimed (epoch fencing, resume from the stored offset).
  claimPartitions: true,
  // Every handler applies through NotificationFlow, which joins the record's batch and counts after commit.
  applyInBatches: true,
};
