import type { INestApplication, Type } from '@nestjs/common';
import type { ServiceName } from '@ecris/contracts';
import type { EcrisTransportOptions } from '@ecris/messaging-nest';
import type { Migration } from '@ecris/messaging';

/** What a service tells the kit about itself; everything else (topics, group, DLQ) comes from the registry. */
export interface ServiceDefinition {
  readonly service: ServiceName;
  /** The service's own module: its handlers (controllers with `@EventPattern`), adapters and HTTP API. */
  readonly module: Type<unknown>;
  /**
   * Services that keep state name their migrations; the kit then opens the database (PostgreSQL at
   * DATABASE_URL, else embedded PGlite), applies the messaging tables and these, and provides it as DATABASE.
   */
  readonly migrations?: () => Promise<readonly Migration[]>;
  /** With a database: claim each assigned partition (epoch fencing, resume from the stored offset). */
  readonly claimPartitions?: boolean;
  /**
   * With claimed partitions: apply consecutive records of a partition in one ledger transaction
   * (ConsumerRunnerOptions.batches). Only for a service whose every effect goes through the ledger with
   * the record's `MessageContext.batch`, and whose handlers count and log through `afterCommit`.
   */
  readonly applyInBatches?: boolean;
  /** Called once the app exists, before it listens: e.g. to serve an OpenAPI document. */
  readonly configureApp?: (app: INestApplication) => void | Promise<void>;
  readonly transport?: Partial<
    Pick<EcrisTransportOptions, 'backoff' | 'isTransient' | 'unhandled' | 'partitionsConsumedConcurrently' | 'raw' | 'sessionTimeoutMs' | 'maxBatchRecords' | 'maxBytesPerPartition' | 'maxFetchBytes'>
  >;
}
