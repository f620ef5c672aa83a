import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from '@ecris/logging';
import { OutboxRelay, type RecordSender, type SqlDatabase } from '@ecris/messaging';
import { DATABASE, Readiness, RECORD_SENDER, SERVICE_LOGGER, SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';

/**
 * Publishes what request-in queued in the outbox (RDL, RRS, RAI, FEM) while the service runs. If the
 * relay stops on an error it cannot retry, the service reports not ready.
 */
@Injectable()
export class OutboxRelayLifecycle implements OnModuleInit, OnModuleDestroy {
  private readonly relay: OutboxRelay;
  private started = false;

  constructor(
    @Inject(DATABASE) db: SqlDatabase,
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
    this.relay = new OutboxRelay(db, counting, { onError: (err, info) => this.logger.warn({ err, ...info }, 'outbox relay failed; retrying') });
  }

  onModuleInit(): void {
    // Nest runs init hooks once for the HTTP app and once for the connected microservice, on the same instance.
    if (this.started) return;
    this.started = true;
    this.relay.start().catch((err: unknown) => {
      this.logger.error({ err }, 'outbox relay stopped');
      this.readiness.markNotReady('outbox relay stopped');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
