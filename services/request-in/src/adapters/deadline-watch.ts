import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from '@ecris/logging';
import { CLOCK, PeriodicTask, SERVICE_LOGGER, type Clock } from '@ecris/service-kit';
import type { RequestExchange } from '../application/request-exchange';
import { REQUEST_EXCHANGE } from '../ports';
import { RequestInMetrics } from '../request-in.metrics';
import { REQUEST_IN_CONFIG } from './tokens';
import type { RequestInConfig } from './settings-from-env';

/**
 * The periodic deadline check: every `deadlineCheckIntervalMs` (0: never by itself), at the injected
 * clock's time. `checkAt(now)` is the same check at a time of the caller's choosing (tests, operators).
 */
@Injectable()
export class DeadlineWatch implements OnModuleInit, OnModuleDestroy {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(REQUEST_EXCHANGE) private readonly exchange: RequestExchange,
    @Inject(REQUEST_IN_CONFIG) config: RequestInConfig,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly metrics: RequestInMetrics,
  ) {
    this.task = new PeriodicTask('deadline check', config.deadlineCheckIntervalMs, () => this.checkAt(clock()), logger);
  }

  onModuleInit(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async checkAt(now: Date, closeOnDueDate?: boolean): Promise<Awaited<ReturnType<RequestExchange['reviewDeadlines']>>> {
    const review = await this.exchange.reviewDeadlines(now, closeOnDueDate);
    this.metrics.deadlinesReviewed(review);
    if (review.newlyOverdue.length > 0) this.logger.warn({ requests: review.newlyOverdue }, 'requests past their legal deadline');
    if (review.closed.length > 0) this.logger.info({ requests: review.closed }, 'requests closed on their due date: multiple people found');
    return review;
  }
}
