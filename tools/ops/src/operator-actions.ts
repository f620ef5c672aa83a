/**
 * Every operator action (who, what, why) goes on ops.actions.v1 as an OperatorAction
 * (schemas/uk/ecris/ops), before the action itself: if the tool dies half-way, the log still says who
 * started what and why. The records an action produces carry its id (replay-id).
 */
import { randomUUID } from 'node:crypto';
import { SchemaNames, type OperatorAction, type OperatorActionKind } from '@ecris/contracts';
import { encodeOutbound, type EventMeta } from '@ecris/messaging';
import type { OpsContext } from './context';
import type { Coordinates } from './positions';

export const OPS_SOURCE = '/ecris-exchange/ops-tools';

export interface ActionInput {
  readonly action: OperatorActionKind;
  /** CloudEvents type, e.g. uk.ecris.ops.replay.v1. */
  readonly type: string;
  readonly actor: string;
  readonly reason: string;
  readonly exchangeId?: string | null;
  readonly targets?: readonly Coordinates[];
  readonly details?: Readonly<Record<string, string>>;
  readonly ticketReference?: string | null;
}

/**
 * One action record stays far below the broker's 1 MiB: a replay of thousands of dead letters lists the
 * first ones and says how many there were.
 */
const MAX_TARGETS = 1000;

export async function recordAction(context: OpsContext, input: ActionInput): Promise<OperatorAction> {
  const actionId = randomUUID();
  const at = context.now().toISOString();
  const targets = input.targets ?? [];
  const details: Record<string, string> = { ...input.details, tool: 'ecris-ops' };
  if (targets.length > MAX_TARGETS) details.targetsTotal = String(targets.length);
  const key = input.exchangeId ?? actionId;
  const meta: EventMeta = {
    // An action is an original event, like a court result: its id is its own, not derived from an input.
    id: actionId,
    source: OPS_SOURCE,
    type: input.type,
    time: at,
    subject: input.exchangeId ?? null,
    correlationId: key,
    causationId: null,
    traceparent: null,
  };
  const value: Omit<OperatorAction, 'meta'> = {
    actionId,
    actor: input.actor,
    action: input.action,
    reason: input.reason,
    exchangeId: input.exchangeId ?? null,
    targets: targets.slice(0, MAX_TARGETS).map((t) => ({ topic: t.topic, partition: t.partition, offset: t.offset })),
    details,
    at,
    ticketReference: input.ticketReference ?? null,
  };
  const record = encodeOutbound(context.codec, { topic: context.topic('ops.actions.v1'), key, schema: SchemaNames.operatorAction, value, meta });
  await (await context.sender()).send([record]);
  return { ...value, meta };
}
