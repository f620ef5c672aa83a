/**
 * The periodic overdue check: every REQUEST_OUT_OVERDUE_CHECK_MS it asks the deadlines projection for
 * clocks past due and lets the domain decide, one case per transaction (row lock, so two instances
 * never report the same request twice). "Now" is the injected clock: tests move it instead of waiting.
 */
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ukDateOf } from '@ecris/deadlines';
import type { Logger } from '@ecris/logging';
import { insertOutboxRecords, uuidV5, type SqlDatabase } from '@ecris/messaging';
import { DATABASE, PeriodicTask, SERVICE_LOGGER, type Clock } from '@ecris/service-kit';
import type { DecisionContext } from '../domain/context';
import { markOverdue } from '../domain/overdue';
import type { RequestOutSettings } from '../config/settings';
import { CASE_STORE, DECISION_CONTEXT, REQUEST_OUT_CLOCK, REQUEST_OUT_SETTINGS, type CaseStore } from '../ports';
import { ExactlyOnce } from './exactly-once';
import { originMeta, toOutbound } from './outbound';
import { RequestOutMetrics } from './request-out-metrics';

const CASES_PER_ROUND = 200;

@Injectable()
export class OverdueWatch implements OnModuleInit, OnModuleDestroy {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(CASE_STORE) private readonly store: CaseStore,
    @Inject(DECISION_CONTEXT) private readonly context: DecisionContext,
    @Inject(REQUEST_OUT_SETTINGS) settings: RequestOutSettings,
    @Inject(REQUEST_OUT_CLOCK) clock: Clock,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly exactlyOnce: ExactlyOnce,
    private readonly metrics: RequestOutMetrics,
  ) {
    this.task = new PeriodicTask('overdue check', settings.overdueCheckEveryMs, async () => {
      const found = await this.checkAt(clock());
      if (found > 0) this.logger.info({ found }, 'overdue requests reported');
    }, logger);
  }

  onModuleInit(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** One round at `now`; returns how many requests to member states it found newly overdue. */
  async checkAt(now: Date): Promise<number> {
    const today = ukDateOf(now);
    const detectedAt = now.toISOString();
    let found = 0;
    for (const requestId of await this.store.casesPastDue(this.db, today, CASES_PER_ROUND)) {
      found += await this.db.transaction(async (tx) => {
        const requestCase = await this.store.lockCase(tx, requestId);
        if (!requestCase) return 0;
        const decision = markOverdue(requestCase, today, detectedAt, this.context);
        if (decision.emits.length === 0) return 0;
        await this.store.save(tx, decision.requestCase);
        const cause = originMeta(uuidV5(`${requestId}/overdue/${today}`), detectedAt, requestId);
        const records = decision.emits.map((emit) => this.exactlyOnce.encode(toOutbound(cause, emit, detectedAt, requestId)));
        await insertOutboxRecords(tx, records);
        const newlyOverdue = decision.emits.filter((emit) => emit.schema === 'uk.ecris.exchange.DeadlineOverdue').length;
        this.metrics.overdue(newlyOverdue);
        return newlyOverdue;
      });
    }
    return found;
  }
}
