import { registerMigrations } from '@ecris/register';
import type { ServiceDefinition } from '@ecris/service-kit';
import { RegisterUpdateModule } from './register-update.module';

/**
 * register-update as the kit starts it: the register's tables (from @ecris/register; it keeps no
 * others), each partition claimed so the ledger can fence a zombie and resume from stored progress.
 */
export const registerUpdateDefinition: ServiceDefinition = {
  service: 'register-update',
  module: RegisterUpdateModule,
  migrations: registerMigrations,
  claimPartitions: true,
  // Every handler applies through RegisterEffects, which joins the record's batch and counts after commit.
  applyInBatches: true,
  // Each record is one short transaction; with more partitions in flight their commits share fsyncs.
  transport: { partitionsConsumedConcurrently: 6 },
};
