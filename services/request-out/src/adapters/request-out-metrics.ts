/**
 * request-out's own Prometheus metrics, beside the kit's: open requests by days left and the overdue
 * count (read from the deadlines projection at scrape time, "today" from the injected clock), and
 * counters of requests opened, refused and found overdue.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ukDateOf, type UkJurisdiction } from '@ecris/deadlines';
import type { SqlDatabase } from '@ecris/messaging';
import { DATABASE, SERVICE_METRICS, type Clock, type ServiceMetrics } from '@ecris/service-kit';
import { DAYS_LEFT_BUCKETS, daysLeftBucket } from '../domain/overdue';
import { CASE_STORE, REQUEST_OUT_CLOCK, type CaseStore } from '../ports';

@Injectable()
export class RequestOutMetrics {
  private readonly requests: Counter<'channel' | 'outcome'>;
  private readonly statesAsked: Counter;
  private readonly refusals: Counter<'reason' | 'channel'>;
  private readonly overdueRaised: Counter;

  constructor(
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    @Inject(DATABASE) db: SqlDatabase,
    @Inject(CASE_STORE) store: CaseStore,
    @Inject(REQUEST_OUT_CLOCK) clock: Clock,
  ) {
    const registers = [metrics.registry];
    this.requests = new Counter({
      name: 'ecris_request_out_requests_total',
      help: 'Agency requests taken in, by channel (HTTP, KAFKA) and outcome (opened: REQs sent; refused).',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.statesAsked = new Counter({ name: 'ecris_request_out_reqs_sent_total', help: 'REQs sent to member states.', registers });
    this.refusals = new Counter({
      name: 'ecris_request_out_refusals_total',
      help: 'Refusals of what an agency asked (unauthenticated, purpose not authorised, invalid, not found...), by reason and channel.',
      labelNames: ['reason', 'channel'],
      registers,
    });
    this.overdueRaised = new Counter({
      name: 'ecris_request_out_deadlines_overdue_total',
      help: 'Requests to member states found overdue (DeadlineOverdue raised, chaser task created).',
      registers,
    });
    new Gauge({
      name: 'ecris_request_out_open_requests',
      help: 'Requests to member states still awaiting an answer, by UK working days left on our deadline (overdue included).',
      labelNames: ['days_left'],
      registers,
      async collect() {
        const today = ukDateOf(clock());
        const counts = new Map<string, number>(DAYS_LEFT_BUCKETS.map((bucket) => [bucket, 0]));
        for (const open of await store.openDeadlines(db)) {
          const bucket = daysLeftBucket({ dueDate: open.dueDate, rule: { unit: open.unit as 'working-days', calendar: open.calendar as UkJurisdiction } }, today);
          counts.set(bucket, (counts.get(bucket) ?? 0) + open.count);
        }
        for (const [bucket, count] of counts) this.set({ days_left: bucket }, count);
      },
    });
    new Gauge({
      name: 'ecris_request_out_overdue_requests',
      help: 'Requests to member states past our deadline and still unanswered (as reported by the overdue check).',
      registers,
      async collect() {
        const open = await store.openDeadlines(db);
        this.set(open.filter((row) => row.overdue).reduce((sum, row) => sum + row.count, 0));
      },
    });
  }

  opened(channel: string, statesAsked: number): void {
    this.requests.inc({ channel, outcome: 'opened' });
    this.statesAsked.inc(statesAsked);
  }

  refused(reason: string, channel: string): void {
    this.refusals.inc({ reason, channel });
    this.requests.inc({ channel, outcome: 'refused' });
  }

  /** Refused reads and unauthenticated calls: counted, but they are not requests taken in. */
  refusedAccess(reason: string): void {
    this.refusals.inc({ reason, channel: 'HTTP' });
  }

  overdue(count: number): void {
    this.overdueRaised.inc(count);
  }
}
