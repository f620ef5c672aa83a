import { join } from 'node:path';
import { loadMigrations } from '@ecris/messaging';
import type { ServiceDefinition } from '@ecris/service-kit';
import { AuditIndexModule } from './audit-index.module';

/**
 * How the kit starts the audit index: by main.ts, and in-process by the one-command local run.
 * Raw transport: every record reaches the one handler undecoded, garbage included, so nothing can
 * escape the index by failing to decode, and no personal data is ever read here. No partition claims:
 * the rows are idempotent by coordinates (adapters/pg-audit-store.ts), so Kafka's committed offsets suffice.
 * It reads some twenty topics of six partitions: the more partitions it works on at once, the more rows
 * share one insert (adapters/coalescing-writer.ts): 16 gave 4.2 rows per insert where 8 gave 3.0 (bench/index.bench.ts).
 */
export const definition: ServiceDefinition = {
  service: 'audit-index',
  module: AuditIndexModule,
  migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
  transport: { raw: true, partitionsConsumedConcurrently: 16 },
};
