/**
 * A foreign notification's effect on the register, inside the ledger's transaction: store a new
 * conviction (matched to its person, or awaiting identification with a review and an RAI), or apply
 * an update (a new version, or the deletion) to the one it changes, or hold the update until that
 * conviction arrives. Updates held for a conviction are applied as soon as it is stored.
 */
import type { EventMeta, OutboundMessage } from '@ecris/messaging';
import { matchPerson, type ConvictionHead, type ConvictionKey, type MatchThresholds } from '@ecris/register';
import { additionalInformationWanted, decideContent, identify, reviewReason } from '../domain/decide';
import type { ForeignNotification } from '../domain/foreign-notification';
import type { RegisterSession } from '../ports';
import { matchReview, raiMessageId, registerConvictionId, registerUpdated, requestAdditionalInfo, type ChangeApplied } from './outputs';

export interface ForeignEffectContext {
  readonly cause: EventMeta;
  readonly ourState: string;
  readonly thresholds: MatchThresholds;
  /** Told what was applied, for metrics once the transaction has committed. */
  readonly report: EffectReport;
}

export interface EffectReport {
  changes: { origin: 'UK' | 'FOREIGN'; change: string }[];
  match?: string;
}

/** Where a notification came from: the event and the ECRIS message. */
interface Source {
  readonly eventId: string;
  readonly messageId: string;
  readonly at: string;
}

export async function applyForeignNotification(
  session: RegisterSession,
  notification: ForeignNotification,
  context: ForeignEffectContext,
): Promise<OutboundMessage[]> {
  const source: Source = { eventId: context.cause.id, messageId: notification.messageId, at: context.cause.time };
  const target = notification.updates ?? notification.ecrisConvictionId;
  const key: ConvictionKey = { origin: 'FOREIGN', convictingState: notification.senderState, ecrisConvictionId: target };
  const head = await session.writer.findConviction(key);

  if (head) return applyToHeld(session, head, key, notification, source, context);
  if (notification.updates) {
    // The conviction it changes is not here yet (its NOT has another key and may still be in translation).
    await session.writer.deferUpdate({
      convictingState: notification.senderState,
      ecrisConvictionId: notification.updates,
      sourceMessageId: notification.messageId,
      sourceEventId: source.eventId,
      receivedAt: source.at,
      payload: notification,
    });
    context.report.changes.push({ origin: 'FOREIGN', change: 'DEFERRED' });
    return [];
  }
  return storeNew(session, key, notification, source, context);
}

async function storeNew(
  session: RegisterSession,
  key: Extract<ConvictionKey, { origin: 'FOREIGN' }>,
  notification: ForeignNotification,
  source: Source,
  context: ForeignEffectContext,
): Promise<OutboundMessage[]> {
  const { cause } = context;
  const candidates = await session.reader.findCandidates(notification.person);
  const match = matchPerson(notification.person, candidates, context.thresholds);
  const identified = identify(match, 'FOREIGN', session.reader.isTruncated(candidates));
  context.report.match = match.outcome;

  const convictionId = registerConvictionId(key.convictingState, key.ecrisConvictionId);
  await session.writer.createConviction({
    convictionId,
    key,
    personId: identified.kind === 'matched' ? identified.personId : null,
    identification: identified.kind === 'matched' ? 'MATCHED' : 'AWAITING_IDENTIFICATION',
    matchCandidates: match.matches,
    sourceMessageId: source.messageId,
    sourceEventId: source.eventId,
    at: source.at,
    content: notification.content,
  });
  const messages = [changed(context, { convictionId, key, source, change: 'CREATED', version: 1 })];

  if (identified.kind === 'needs-review') {
    const raiId = raiMessageId(context.ourState, notification.senderState, notification.messageId);
    messages.push(
      requestAdditionalInfo(cause, {
        messageId: raiId,
        ourState: context.ourState,
        senderState: notification.senderState,
        notMessageId: notification.messageId,
        wanted: additionalInformationWanted(notification.person, identified.outcome),
      }),
      matchReview(cause, notification.messageId, notification.messageId, reviewReason(match, key.ecrisConvictionId, raiId)),
    );
  }

  // A first notification that already deletes, then the updates that overtook it, in arrival order.
  const deferred = await session.writer.takeDeferredUpdates(key.convictingState, key.ecrisConvictionId);
  const followUps = [
    ...(notification.deleteFromRegister === 'Yes' ? [{ update: notification, source }] : []),
    ...deferred.map((d) => ({
      update: d.payload as ForeignNotification,
      source: { eventId: d.sourceEventId, messageId: d.sourceMessageId, at: d.receivedAt },
    })),
  ];
  for (const { update, source: updateSource } of followUps) {
    const head = await session.writer.findConviction(key);
    if (head) messages.push(...(await applyToHeld(session, head, key, update, updateSource, context)));
  }
  return messages;
}

/** A notification about a conviction the register holds: its deletion, or a new version of it. */
async function applyToHeld(
  session: RegisterSession,
  head: ConvictionHead,
  key: Extract<ConvictionKey, { origin: 'FOREIGN' }>,
  notification: ForeignNotification,
  source: Source,
  context: ForeignEffectContext,
): Promise<OutboundMessage[]> {
  const base = { convictionId: head.convictionId, key, source };
  if (notification.deleteFromRegister === 'Yes') {
    // Kept for audit with its history, never disclosed again; a second deletion changes nothing.
    if (head.deleted) return [];
    const version = await session.writer.markDeleted({
      convictionId: head.convictionId,
      expectedVersion: head.version,
      reason: 'DELETE_FROM_REGISTER',
      sourceMessageId: source.messageId,
      sourceEventId: source.eventId,
      at: source.at,
    });
    return [changed(context, { ...base, change: 'DELETED', version })];
  }
  const decision = decideContent(head, source.messageId, notification.content);
  if (decision.kind !== 'new-version') return [];
  const version = await session.writer.addVersion({
    convictionId: head.convictionId,
    expectedVersion: head.version,
    change: decision.change,
    sourceMessageId: source.messageId,
    sourceEventId: source.eventId,
    at: source.at,
    content: notification.content,
  });
  return [changed(context, { ...base, change: decision.change, version })];
}

function changed(
  context: ForeignEffectContext,
  applied: { convictionId: string; key: Extract<ConvictionKey, { origin: 'FOREIGN' }>; source: Source; change: ChangeApplied['change']; version: number },
): OutboundMessage {
  context.report.changes.push({ origin: 'FOREIGN', change: applied.change });
  return registerUpdated(context.cause, {
    entryId: applied.convictionId,
    convictionRef: applied.key.ecrisConvictionId,
    convictingState: applied.key.convictingState,
    sourceMessageId: applied.source.messageId,
    change: applied.change,
    version: applied.version,
    causeEventId: applied.source.eventId,
  });
}
