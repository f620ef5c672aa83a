import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type OperatorAction } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import type { ConvictionState } from '../domain/model';
import {
  decideClassification,
  decideResend,
  notApplicable,
  parseOperatorAction,
  type HeldConviction,
} from '../domain/decide-operator-decisions';
import type { NotificationStore } from '../ports';
import { existingOf, NotificationFlow } from './notification-flow';

/** REVIEW_DECISIONs on our work items (classify a code, re-send a rejected NOT); other actions are not ours. */
@Controller()
export class OperatorActionHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.operatorAction)
  async handle(@Payload() action: OperatorAction, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    const parsed = parseOperatorAction(action);
    if (parsed.decision === 'not-ours') return [];
    await this.flow.apply(ctx, async (store, env) => {
      if (parsed.decision === 'invalid') return notApplicable(action, parsed.why);
      if (parsed.decision === 'classify') {
        const convictions = await heldConvictions(store);
        const classifier = await this.flow.classifierFor(store, convictions.map((c) => c.state.conviction));
        return decideClassification(parsed.category, convictions, { ...env, classifier: classifier.withDecisions([parsed.category]) });
      }
      const target = await store.notification(parsed.messageId);
      const existing = target ? await existingOf(store, target.convictionReference) : { state: undefined, rows: [] };
      const classifier = await this.flow.classifierFor(store, [existing.state?.conviction ?? null]);
      return decideResend(parsed, existing, action, { ...env, classifier });
    });
    return [];
  }
}

/** Every conviction with a NOT held for an operator, with those NOTs. */
async function heldConvictions(store: NotificationStore): Promise<HeldConviction[]> {
  const held = await store.heldNotifications();
  const result: HeldConviction[] = [];
  for (const reference of [...new Set(held.map((row) => row.convictionReference))]) {
    const state: ConvictionState | undefined = await store.conviction(reference);
    if (state) result.push({ state, held: held.filter((row) => row.convictionReference === reference) });
  }
  return result;
}
