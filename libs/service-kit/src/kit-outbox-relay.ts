import { OutboxRelay, type OutboxMemory, type RecordSender, type SqlDatabase } from '@ecris/messaging';
import type { Logger } from '@ecris/logging';

/**
 * Every service with a database publishes its outbox through one relay the kit runs, so no service
 * writes its own start/stop lifecycle. The outbox table is shared by the services of one database; each
 * relay publishes its own group's rows (and unowned ones), one relay per owner at a time, in id order.
 */
export class KitOutboxRelay {
  private readonly relay: OutboxRelay;
  private running: Promise<void> | undefined;

  constructor(
    database: SqlDatabase,
    sender: RecordSender,
    owner: string,
    private readonly logger: Logger,
    /** Where the service's ledger hands over the outbox rows it commits (PgLedgerBatches). */
    readonly memory: OutboxMemory,
  ) {
    this.relay = new OutboxRelay(database, sender, {
      owner,
      memory,
      // A batch of a partition commits a couple of hundred rows at once; the relay takes them as one send.
      batchSize: 250,
      // NOTIFY wakes it at once on PostgreSQL; the poll only bounds the wait when a notification is lost.
      pollIntervalMs: 250,
      onError: (error, info) => logger.warn({ err: error, ...info }, 'outbox relay failed; retrying'),
    });
  }

  start(onFatal: (error: unknown) => void): void {
    this.running = this.relay.start().catch((error: unknown) => {
      this.logger.fatal({ err: error }, 'outbox relay stopped on a fatal error');
      onFatal(error);
    });
  }

  async stop(): Promise<void> {
    await this.relay.stop();
    await this.running;
  }
}
