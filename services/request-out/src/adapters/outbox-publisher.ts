/** Runs the shared outbox relay while the service runs: what our transactions wrote goes to the broker. */
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from '@ecris/logging';
import { OutboxRelay, type RecordSender, type SqlDatabase } from '@ecris/messaging';
import { DATABASE, Readiness, RECORD_SENDER, SERVICE_LOGGER } from '@ecris/service-kit';

/** The relay also polls; a short interval keeps an answer's way to the agency quick when no NOTIFY wakes it. */
const POLL_INTERVAL_MS = 200;

@Injectable()
export class OutboxPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly relay: OutboxRelay;
  private started = false;

  constructor(
    @Inject(DATABASE) db: SqlDatabase,
    @Inject(RECORD_SENDER) sender: RecordSender,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly readiness: Readiness,
  ) {
    this.relay = new OutboxRelay(db, sender, {
      pollIntervalMs: POLL_INTERVAL_MS,
      onError: (err, info) => this.logger.warn({ err, ...info }, 'outbox relay failed; retrying'),
    });
  }

  /** Nest calls init hooks once for the HTTP app and once more for the connected microservice. */
  onModuleInit(): void {
    if (this.started) return;
    this.started = true;
    this.relay.start().catch((err: unknown) => {
      // Nothing is lost (the rows stay in the outbox), but nothing more goes out: say so loudly.
      this.logger.fatal({ err }, 'outbox relay stopped on an error it cannot retry');
      this.readiness.markNotReady('outbox relay stopped');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
