import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';

/** notification-in's own metric, beside the kit's consumed/produced/dead-lettered/latency. */
@Injectable()
export class NotificationInMetrics {
  private readonly notifications: Counter<'outcome'>;

  constructor(@Inject(SERVICE_METRICS) metrics: ServiceMetrics) {
    this.notifications = new Counter({
      name: 'ecris_notifications_received_total',
      help: 'NOTs received, by outcome: ACKNOWLEDGED, NOT_A_NATIONAL, REJECTED (FEM sent) or DUPLICATE (already held).',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
  }

  received(outcome: string): void {
    this.notifications.inc({ outcome });
  }
}
