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
  // Three partitions' batches in flight, each up to 500 records and fetched 512 KiB at a time: fewer, larger
  // transactions than the defaults give. Six in flight ran no faster once the relay stopped reading back
  // what it publishes, and peaked 20-30 MB higher, over the 200 MB bound (bench/README.md has the figures).
  transport: { partitionsConsumedConcurrently: 3, maxBatchRecords: 500, maxBytesPerPartition: 512 * 1024, maxFetchBytes: 1536 * 1024 },
};
