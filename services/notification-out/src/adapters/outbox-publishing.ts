import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from '@ecris/logging';
import { OutboxRelay, type RecordSender, type SqlDatabase } from '@ecris/messaging';
import { DATABASE, Readiness, RECORD_SENDER, SERVICE_LOGGER, SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';

/** Lower than the relay's 1 s default: a NOT should reach the gateway promptly even when no NOTIFY wakes the relay. */
const POLL_INTERVAL_MS = 250;

/**
 * Publishes what the handlers wrote to the outbox (NOTs, RARs, FEMs, work items) while the service runs.
 * Records it publishes count as produced, as the runner's own publishes do. If the relay stops on an
 * error it cannot retry, the service reports not ready, so the supervisor replaces it.
 */
@Injectable()
export class OutboxPublishing implements OnModuleInit, OnModuleDestroy {
  private readonly relay: OutboxRelay;
  private started = false;

  constructor(
    @Inject(DATABASE) database: SqlDatabase,
    @Inject(RECORD_SENDER) sender: RecordSender,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    private readonly readiness: Readiness,
  ) {
    const counting: RecordSender = {
      send: async (records) => {
        await sender.send(records);
        metrics.countPublished(records.length);
      },
    };
    this.relay = new OutboxRelay(database, counting, {
      pollIntervalMs: POLL_INTERVAL_MS,
      onError: (err, info) => this.logger.warn({ err, ...info }, 'outbox relay failed; retrying'),
    });
  }

  onModuleInit(): void {
    // Nest may call this twice in a hybrid application (once for the HTTP side, once for the deferred
    // microservice): one relay is enough.
    if (this.started) return;
    this.started = true;
    this.relay.start().catch((err: unknown) => {
      this.logger.fatal({ err }, 'outbox relay stopped on an error it cannot retry');
      this.readiness.markNotReady('outbox relay stopped');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
