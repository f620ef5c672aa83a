import { join } from 'node:path';
import { loadMigrations } from '@ecris/messaging';
import { runServiceMain } from '@ecris/service-kit';
import { NotificationInModule } from './notification-in.module';

runServiceMain({
  service: 'notification-in',
  module: NotificationInModule,
  migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
  claimPartitions: true,
});
