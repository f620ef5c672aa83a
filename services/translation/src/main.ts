import { join } from 'node:path';
import { loadMigrations } from '@ecris/messaging';
import { runServiceMain } from '@ecris/service-kit';
import { TranslationModule } from './translation.module';

runServiceMain({
  service: 'translation',
  module: TranslationModule,
  migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
  claimPartitions: true,
});
