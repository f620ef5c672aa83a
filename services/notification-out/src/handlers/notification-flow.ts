import { Inject, Injectable } from '@nestjs/common';
import { consumerGroup, SchemaNames, type CourtConviction } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import { deriveMeta, PoisonError, type LedgerEntry, type OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import { NotificationOutMetrics } from '../adapters/notification-out-metrics';
import type { AnswerEnv } from '../domain/decide-answers';
import { categoryCodesOf } from '../domain/classification';
import type { Existing } from '../domain/decide-court-events';
import { isRefusal, type Plan, type PlannedOutput, type Refusal } from '../domain/model';
import type { DecisionEnv } from '../domain/notifications';
import {
  EXACTLY_ONCE_EFFECTS,
  NOTIFICATION_OUT_SETTINGS,
  type ExactlyOnceEffects,
  type NotificationOutSettings,
  type NotificationStore,
} from '../ports';

const SOURCE = '/ecris-exchange/notification-out';
const OUTBOUND = 'ecris.outbound.v1';
const WORK_ITEMS = 'exchange.notification-out.work-items.v1';

/** Topic, record type and CloudEvents type of each kind of output. */
const ROUTES: Record<PlannedOutput['type'], { topic: string; schema: string; type: string }> = {
  notification: { topic: OUTBOUND, schema: SchemaNames.notification, type: 'uk.ecris.notification.sent.v1' },
  'additional-info-response': { topic: OUTBOUND, schema: SchemaNames.requestAdditionalInfoResponse, type: 'uk.ecris.additional-info.sent.v1' },
  'functional-error': { topic: OUTBOUND, schema: SchemaNames.functionalError, type: 'uk.ecris.functional-error.sent.v1' },
  'work-item': { topic: WORK_ITEMS, schema: SchemaNames.reviewTaskRaised, type: 'uk.ecris.exchange.review-task-raised.v1' },
};

/** What a decision reads before it decides: the state, and the settings that apply to this record. */
export type Decide = (store: NotificationStore, env: DecisionEnv & AnswerEnv) => Promise<Plan | Refusal>;

/**
 * The one way a handler applies a record: decide inside the exactly-once transaction, write the state
 * the decision changed, queue its outputs in the outbox, then count and log what happened (without
 * personal data). A refusal becomes a PoisonError: the record goes to the DLQ and its key is parked.
 */
@Injectable()
export class NotificationFlow {
  private readonly group: string;

  constructor(
    @Inject(EXACTLY_ONCE_EFFECTS) private readonly effects: ExactlyOnceEffects,
    @Inject(NOTIFICATION_OUT_SETTINGS) private readonly settings: NotificationOutSettings,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly metrics: NotificationOutMetrics,
  ) {
    this.group = `${config.namespace}${consumerGroup('notification-out').group}`;
  }

  async apply(ctx: EcrisContext, decide: Decide): Promise<void> {
    let applied: Plan | undefined;
    const result = await this.effects.apply(this.entryOf(ctx), async (store) => {
      const decision = await decide(store, this.envOf(ctx));
      if (isRefusal(decision)) throw new PoisonError('business', decision.code, decision.message);
      await store.write(decision);
      applied = decision;
      return decision.outputs.map((output) => this.toOutbound(output, ctx));
    });
    if (result === 'duplicate' || !applied) {
      ctx.log.info('record already applied; nothing done again');
      return;
    }
    const plan = applied;
    // Counted once committed: a batch that rolls back is applied again record by record.
    ctx.message.afterCommit(() => {
      this.metrics.countOutcome(plan.outcome);
      ctx.log.info(
        {
          outcome: plan.outcome,
          notifications: [...plan.inserted, ...plan.updated].map((row) => ({ messageId: row.messageId, status: row.status })),
          outputs: plan.outputs.length,
        },
        'record applied',
      );
    });
  }

  /** The data tables plus whatever operators decided about these convictions' codes. */
  async classifierFor(store: NotificationStore, convictions: readonly (CourtConviction | null)[]): Promise<DecisionEnv['classifier']> {
    const { offenceCodes, disposalCodes } = categoryCodesOf(convictions);
    return this.settings.classifier.withDecisions(await store.categoryDecisions(offenceCodes, disposalCodes));
  }

  get sender(): string {
    return this.settings.sender;
  }

  private entryOf(ctx: EcrisContext): LedgerEntry {
    const { record, partitionEpoch, batch } = ctx.message;
    if (partitionEpoch === undefined) throw new Error('notification-out needs claimed partitions (claimPartitions: true)');
    return { group: this.group, topic: record.topic, partition: record.partition, offset: record.offset, eventId: ctx.meta.id, epoch: partitionEpoch, batch };
  }

  private envOf(ctx: EcrisContext): DecisionEnv & AnswerEnv {
    const { sender, reference, classifier, isTransmittable, responseTypes } = this.settings;
    return {
      sender,
      reference,
      classifier,
      isTransmittable,
      responseTypes,
      // The input's own time, never the clock: a replay must produce the very same messages.
      time: ctx.meta.time,
      onDate: ukDateOf(ctx.meta.time),
      causeId: ctx.meta.id,
    };
  }

  private toOutbound(output: PlannedOutput, ctx: EcrisContext): OutboundMessage {
    const route = ROUTES[output.type];
    const subject = output.type === 'work-item' ? output.value.taskId : output.value.header.messageId;
    const meta = deriveMeta(ctx.meta, { step: output.step, source: SOURCE, type: route.type, time: ctx.meta.time, subject });
    // The exchange, not the cause's: everything about one conviction and state shares one correlation.
    return { topic: route.topic, key: output.key, schema: route.schema, value: output.value, meta: { ...meta, correlationId: output.key } };
  }
}

/** The conviction (locked) and all its NOTs. */
export async function existingOf(store: NotificationStore, convictionReference: string): Promise<Existing> {
  const state = await store.conviction(convictionReference);
  return { state, rows: state ? await store.notificationsOf(convictionReference) : [] };
}
