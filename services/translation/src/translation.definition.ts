import { join } from 'node:path';
import { loadMigrations } from '@ecris/messaging';
import type { ServiceDefinition } from '@ecris/service-kit';
import { TranslationModule } from './translation.module';

/** How the kit starts translation: by main.ts, and in-process by the one-command local run (tools/local-system). */
export const definition: ServiceDefinition = {
  service: 'translation',
  module: TranslationModule,
  migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
  claimPartitions: true,
  // A partition's fetched records share one ledger transaction; anything failing in it sends them one by one.
  applyInBatches: true,
};
