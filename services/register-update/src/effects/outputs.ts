/**
 * The records register-update emits, all through the outbox: RegisterUpdated for every change, a match
 * review work item, and an RAI to the sender of a notification whose person could not be identified.
 * Ids and times derive from the input event, so a replay rebuilds the same records.
 */
import { SchemaNames, type AdditionalInformationItem, type RegisterChange } from '@ecris/contracts';
import { derivedMessageId } from '@ecris/ecris-model';
import { deriveMeta, uuidV5, type EventMeta, type OutboundMessage } from '@ecris/messaging';

export const SOURCE = '/ecris-exchange/register-update';
const REGISTER_UPDATED_TOPIC = 'register.register-update.register-updated.v1';
const MATCH_REVIEWS_TOPIC = 'register.register-update.match-reviews.v1';
const OUTBOUND_TOPIC = 'ecris.outbound.v1';

/** A change as the RegisterUpdated v1 enum can say it (a sanctions variation is a replacement there). */
function registerChangeOf(change: 'CREATED' | 'REPLACED' | 'SANCTIONS_VARIED' | 'DELETED'): RegisterChange {
  return change === 'SANCTIONS_VARIED' ? 'REPLACED' : change;
}

export interface ChangeApplied {
  readonly entryId: string;
  /** The ECRIS conviction id (foreign) or the court reference (UK): also the record key. */
  readonly convictionRef: string;
  readonly convictingState: string;
  readonly sourceMessageId: string;
  readonly change: 'CREATED' | 'REPLACED' | 'SANCTIONS_VARIED' | 'DELETED';
  readonly version: number;
  /** The event that caused it: the input itself, or a deferred update applied now. */
  readonly causeEventId: string;
}

export function registerUpdated(cause: EventMeta, applied: ChangeApplied): OutboundMessage {
  return {
    topic: REGISTER_UPDATED_TOPIC,
    key: applied.convictionRef,
    schema: SchemaNames.registerUpdated,
    value: {
      entryId: applied.entryId,
      convictionId: applied.convictionRef,
      convictingState: applied.convictingState,
      sourceMessageId: applied.sourceMessageId,
      change: registerChangeOf(applied.change),
      entryVersion: applied.version,
      appliedAt: cause.time,
    },
    meta: deriveMeta(cause, {
      step: `register-updated/${applied.causeEventId}/${applied.entryId}/${applied.version}`,
      source: SOURCE,
      type: 'uk.ecris.register.register-updated.v1',
      time: cause.time,
      subject: applied.convictionRef,
    }),
  };
}

export function matchReview(cause: EventMeta, exchangeId: string, sourceMessageId: string, reason: string): OutboundMessage {
  return {
    topic: MATCH_REVIEWS_TOPIC,
    key: exchangeId,
    schema: SchemaNames.reviewTaskRaised,
    value: {
      taskId: `IDM-${uuidV5(`match-review\u0000${cause.id}`)}`,
      kind: 'IDENTITY_MATCH',
      sourceMessageId,
      reason,
      dueBy: null,
      texts: [],
    },
    meta: deriveMeta(cause, {
      step: 'match-review',
      source: SOURCE,
      type: 'uk.ecris.register.match-review-raised.v1',
      time: cause.time,
      subject: exchangeId,
    }),
  };
}

/**
 * Our RAI's ECRIS id, derived from the NOT it answers (libs/ecris-model): the same NOT always gets the
 * same RAI id, so a replay or re-translation re-sends the same message, which the gateway dedupes.
 */
export function raiMessageId(ourState: string, senderState: string, notMessageId: string): string {
  return derivedMessageId(ourState, senderState, 'RAI', notMessageId, 'register-update/rai');
}

export function requestAdditionalInfo(
  cause: EventMeta,
  rai: { messageId: string; ourState: string; senderState: string; notMessageId: string; wanted: AdditionalInformationItem[] },
): OutboundMessage {
  return {
    topic: OUTBOUND_TOPIC,
    key: rai.notMessageId,
    schema: SchemaNames.requestAdditionalInfo,
    value: {
      header: { messageId: rai.messageId, timestamp: cause.time, responseTo: rai.notMessageId, sender: rai.ourState, receiver: rai.senderState },
      contactPerson: null,
      remarks: [],
      informationRequested: rai.wanted,
      binaryIdRequested: null,
    },
    meta: deriveMeta(cause, {
      step: 'rai',
      source: SOURCE,
      type: 'uk.ecris.additional-info.sent.v1',
      time: cause.time,
      subject: rai.notMessageId,
    }),
  };
}

/** The register's own id of a conviction, from its identity: the same conviction always gets the same id. */
export function registerConvictionId(convictingState: string, ref: string): string {
  return uuidV5(`register/conviction\u0000${convictingState}\u0000${ref}`);
}
