import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ukDateOf } from '@ecris/deadlines';
import type { Logger } from '@ecris/logging';
import { CLOCK, SERVICE_LOGGER, SERVICE_METRICS, type Clock, type ServiceMetrics } from '@ecris/service-kit';
import type { Outcome } from '../domain/model';
import { NOTIFICATION_STATS, type NotificationStats, type OpenNotificationStats } from '../ports';

/**
 * notification-out's own metrics, beside the kit's (consumed, produced, dead-lettered, latency):
 * what each record led to, and the notifications not yet acknowledged, read from the database when
 * Prometheus scrapes, so every instance reports the same truth.
 */
@Injectable()
export class NotificationOutMetrics {
  private readonly outcomes: Counter<'outcome'>;
  /** The query in flight: a scrape collects the three gauges at once, and one query serves them all. */
  private inFlight: Promise<OpenNotificationStats> | undefined;

  constructor(
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    @Inject(NOTIFICATION_STATS) private readonly stats: NotificationStats,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    const registers = [metrics.registry];
    this.outcomes = new Counter({
      name: 'ecris_notification_out_outcomes_total',
      help: 'Records applied, by what they led to (notified, held-for-review, no-eu-nationality, acknowledged, rejected...).',
      labelNames: ['outcome'],
      registers,
    });
    const read = () => this.read();
    const now = () => this.clock().getTime();
    const gauge = (name: string, help: string, value: (stats: OpenNotificationStats, now: number) => number) =>
      new Gauge({
        name,
        help,
        registers,
        // prom-client calls collect with the gauge as `this`, at every scrape.
        async collect(this: Gauge) {
          const stats = await read();
          if (stats) this.set(value(stats, now()));
        },
      });
    gauge(
      'ecris_notifications_unacknowledged',
      'NOTs not yet acknowledged by the receiving state: held for an operator, sent and unanswered, rejected, or answered with a problem.',
      (s) => s.open,
    );
    gauge(
      'ecris_notifications_unacknowledged_oldest_age_seconds',
      'Age of the 28-day clock of the oldest NOT not yet acknowledged (0 when there is none).',
      (s, now) => (s.oldestClockStartedAt ? Math.max(0, (now - Date.parse(s.oldestClockStartedAt)) / 1000) : 0),
    );
    gauge('ecris_notifications_overdue', 'NOTs not yet acknowledged whose 28-day deadline has passed.', (s) => s.overdue);
  }

  countOutcome(outcome: Outcome): void {
    this.outcomes.inc({ outcome });
  }

  /** Undefined when the database cannot be read: the gauges keep their last values and the failure is logged. */
  private async read(): Promise<OpenNotificationStats | undefined> {
    this.inFlight ??= this.stats.openNotifications(ukDateOf(this.clock())).finally(() => {
      this.inFlight = undefined;
    });
    try {
      return await this.inFlight;
    } catch (err) {
      this.logger.warn({ err }, 'could not read open notifications for the metrics');
      return undefined;
    }
  }
}
