import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from '@ecris/logging';
import { OutboxRelay, type RecordSender, type SqlDatabase } from '@ecris/messaging';
import { DATABASE, Readiness, RECORD_SENDER, SERVICE_LOGGER, SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';

/**
 * Publishes what the handlers queued in the outbox (the NRS or FEM, the translation request) for as
 * long as the service runs. A relay that stops on an error it cannot retry marks the service not
 * ready, so the supervisor sees it.
 */
@Injectable()
export class OutboxRelayLifecycle implements OnModuleInit, OnModuleDestroy {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(DATABASE) db: SqlDatabase,
    @Inject(RECORD_SENDER) sender: RecordSender,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    private readonly readiness: Readiness,
  ) {
    const counted: RecordSender = {
      async send(records) {
        await sender.send(records);
        metrics.countPublished(records.length);
      },
    };
    this.relay = new OutboxRelay(db, counted, {
      onError: (err, info) => this.logger.warn({ err, ...info }, 'outbox relay failed; retrying'),
    });
  }

  onModuleInit(): void {
    this.relay.start().catch((err: unknown) => {
      this.logger.error({ err }, 'outbox relay stopped on an error it cannot retry');
      this.readiness.markNotReady('outbox relay stopped');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
