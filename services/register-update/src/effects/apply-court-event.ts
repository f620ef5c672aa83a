/**
 * UK court events' effect on the register, inside the ledger's transaction. A recorded or amended
 * conviction carries the whole conviction as it now stands: the first one seen creates it (with its
 * person), later ones add versions. A removal marks it deleted. Court events of one conviction share a
 * key, so they arrive in order; the version guard protects against a concurrent writer.
 */
import type { ConvictionRecorded, ConvictionAmended, ConvictionRemoved } from '@ecris/contracts';
import { PoisonError, uuidV5, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import { matchPerson, type ConvictionKey, type MatchThresholds } from '@ecris/register';
import { courtContentOf, newPersonOfCourt, personQueryOfCourt } from '../domain/court-conviction';
import { decideContent, identify, reviewReason } from '../domain/decide';
import type { RegisterTables } from '../domain/tables';
import type { RegisterSession } from '../ports';
import type { EffectReport } from './apply-foreign-notification';
import { matchReview, registerConvictionId, registerUpdated, type ChangeApplied } from './outputs';

export interface CourtEffectContext {
  readonly cause: EventMeta;
  readonly tables: RegisterTables;
  readonly thresholds: MatchThresholds;
  readonly report: EffectReport;
}

const UK = 'GB';

export async function applyCourtConviction(
  session: RegisterSession,
  event: ConvictionRecorded | ConvictionAmended,
  context: CourtEffectContext,
): Promise<OutboundMessage[]> {
  const { cause } = context;
  const key: ConvictionKey = { origin: 'UK', courtReference: event.convictionReference };
  const content = courtContentOf(event.convictionReference, event.conviction, context.tables);
  const head = await session.writer.findConviction(key);
  const decision = decideContent(head, cause.id, content);

  if (head && decision.kind === 'new-version') {
    const version = await session.writer.addVersion({
      convictionId: head.convictionId,
      expectedVersion: head.version,
      change: decision.change,
      sourceMessageId: cause.id,
      sourceEventId: cause.id,
      at: event.recordedAt,
      content,
    });
    if (head.personId) await session.writer.addIdentifiers(head.personId, personQueryOfCourt(event.conviction.person).identifiers ?? []);
    return [changed(context, head.convictionId, event.convictionReference, decision.change, version)];
  }
  if (head) return [];

  const query = personQueryOfCourt(event.conviction.person);
  const candidates = await session.reader.findCandidates(query);
  const match = matchPerson(query, candidates, context.thresholds);
  const identified = identify(match, 'UK', session.reader.isTruncated(candidates));
  context.report.match = match.outcome;

  let personId: string | null = null;
  if (identified.kind === 'matched') {
    personId = identified.personId;
    await session.writer.addIdentifiers(personId, query.identifiers ?? []);
  } else if (identified.kind === 'new-person') {
    personId = uuidV5(`register/person\u0000${cause.id}`);
    await session.writer.createPerson(newPersonOfCourt(personId, event.conviction.person), event.recordedAt);
  }
  const convictionId = registerConvictionId(UK, event.convictionReference);
  await session.writer.createConviction({
    convictionId,
    key,
    personId,
    identification: personId ? 'MATCHED' : 'AWAITING_IDENTIFICATION',
    matchCandidates: match.matches,
    sourceMessageId: cause.id,
    sourceEventId: cause.id,
    at: event.recordedAt,
    content,
  });
  const messages = [changed(context, convictionId, event.convictionReference, 'CREATED', 1)];
  if (!personId) {
    // No RAI for a UK court record: an operator resolves it against the PNC.
    messages.push(matchReview(cause, event.convictionReference, cause.id, reviewReason(match, event.convictionReference, null)));
  }
  return messages;
}

export async function applyCourtRemoval(session: RegisterSession, event: ConvictionRemoved, context: CourtEffectContext): Promise<OutboundMessage[]> {
  const head = await session.writer.findConviction({ origin: 'UK', courtReference: event.convictionReference });
  if (!head) {
    // Same key as the conviction it removes, so the conviction would have come first; and a conviction
    // that was dead-lettered parks this removal behind it. Nothing can ever make this one applicable.
    throw new PoisonError('business', 'UNKNOWN_CONVICTION', 'a removal for a conviction the register never held');
  }
  if (head.deleted) return [];
  const version = await session.writer.markDeleted({
    convictionId: head.convictionId,
    expectedVersion: head.version,
    reason: event.reason,
    sourceMessageId: context.cause.id,
    sourceEventId: context.cause.id,
    at: event.recordedAt,
  });
  return [changed(context, head.convictionId, event.convictionReference, 'DELETED', version)];
}

function changed(context: CourtEffectContext, entryId: string, courtReference: string, change: ChangeApplied['change'], version: number): OutboundMessage {
  context.report.changes.push({ origin: 'UK', change });
  return registerUpdated(context.cause, {
    entryId,
    convictionRef: courtReference,
    convictingState: UK,
    sourceMessageId: context.cause.id,
    change,
    version,
    causeEventId: context.cause.id,
  });
}
