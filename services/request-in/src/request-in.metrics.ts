import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';
import { DAYS_LEFT_BUCKETS, type DeadlineReview } from './domain/deadline-review';

/** request-in's own metrics, beside the kit's consumed/produced/dead-lettered/latency. */
@Injectable()
export class RequestInMetrics {
  private readonly requests: Counter<'outcome'>;
  private readonly additionalInfo: Counter<'outcome'>;
  private readonly cancellations: Counter<'outcome'>;
  private readonly closedAtDeadline: Counter;
  private readonly open: Gauge<'days_left'>;
  private readonly overdue: Gauge;

  constructor(@Inject(SERVICE_METRICS) metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.requests = new Counter({
      name: 'ecris_request_in_requests_total',
      help: 'REQs received, by outcome: CONVICTIONS, NO_RECORD, DENIED, AWAITING_ADDITIONAL_INFO (RAI sent), REJECTED (FEM) or DUPLICATE.',
      labelNames: ['outcome'],
      registers,
    });
    this.additionalInfo = new Counter({
      name: 'ecris_request_in_additional_info_total',
      help: 'RARs received, by outcome (the final answer sent, REJECTED, NOT_OURS, NOT_WAITING, DUPLICATE).',
      labelNames: ['outcome'],
      registers,
    });
    this.cancellations = new Counter({
      name: 'ecris_request_in_cancellations_total',
      help: 'CANs received, by outcome (CANCELLED, ALREADY_ANSWERED, UNKNOWN_REQUEST, INVALID, ALREADY_CLOSED, NOT_OURS, DUPLICATE).',
      labelNames: ['outcome'],
      registers,
    });
    this.closedAtDeadline = new Counter({
      name: 'ecris_request_in_closed_at_deadline_total',
      help: 'Requests still waiting for identifiers on their due date, closed with "multiple people found".',
      registers,
    });
    this.open = new Gauge({
      name: 'ecris_request_in_open_requests',
      help: 'Requests still open (waiting for identifiers), by UK working days left to the legal deadline (overdue, 0, 1-5, 6-10, 11+). Set by the deadline check.',
      labelNames: ['days_left'],
      registers,
    });
    this.overdue = new Gauge({
      name: 'ecris_request_in_overdue_requests',
      help: 'Open requests past their legal deadline. Set by the deadline check.',
      registers,
    });
  }

  request(outcome: string): void {
    this.requests.inc({ outcome });
  }

  additionalInfoResponse(outcome: string): void {
    this.additionalInfo.inc({ outcome });
  }

  cancellation(outcome: string): void {
    this.cancellations.inc({ outcome });
  }

  deadlinesReviewed(review: DeadlineReview & { closed: readonly string[] }): void {
    for (const bucket of DAYS_LEFT_BUCKETS) this.open.set({ days_left: bucket }, review.openByDaysLeft[bucket]);
    this.overdue.set(review.overdue);
    this.closedAtDeadline.inc(review.closed.length);
  }
}
