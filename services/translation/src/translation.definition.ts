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
  // Not applyInBatches: a batch's transaction stays open while its handlers run, and a request may wait
  // on the machine-translation server (up to TRANSLATION_MT_TIMEOUT_MS) before its effect; one record per
  // transaction keeps that wait outside any transaction.
};
