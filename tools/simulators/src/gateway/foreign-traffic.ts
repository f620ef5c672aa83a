/**
 * What the simulated member states start on their own, through the ECRIS gateway onto `ecris.inbound.v1`:
 * notifications (NOT) of convictions of UK nationals in their courts, some updated (sentence varied) or
 * deleted (quashed) later, and requests (REQ) for UK nationals' records, some about people the court feed
 * has just convicted here (so the register has them), some about people it never heard of. A configurable
 * share is deliberately invalid, so our FEMs can be seen; another, off by default, is garbage bytes.
 */
import { SchemaNames, type Notification, type Request } from '@ecris/contracts';
import { childTraceparent, uuidV5, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import type { RecordedConviction } from '../court-feed/court-day';
import { profileOf } from '../data/member-state-profiles';
import {
  UK,
  addDays,
  changedConviction,
  convictionIdFor,
  dateOf,
  ecrisPerson,
  foreignConviction,
  header,
  messageIdFor,
  phraseIn,
  type ChangeKind,
} from '../ecris/ecris-parts';
import { EU_STATES, ukNational, type SimPerson } from '../population';
import { randomFor, type SeededRandom } from '../random';
import { timeAt, type ScheduledMessage } from '../schedule';

export const INBOUND_TOPIC = 'ecris.inbound.v1';
export const GATEWAY_SOURCE = '/ecris-gateway';

export interface ForeignTrafficOptions {
  readonly seed: string;
  readonly start: Date;
  readonly notifications: number;
  readonly requests: number;
  readonly notificationSpacingMs: number;
  readonly requestSpacingMs: number;
  readonly firstNotificationAtMs: number;
  readonly firstRequestAtMs: number;
  /** Share of NOTs updated later, and of NOTs whose conviction is later deleted. */
  readonly updatedShare: number;
  readonly deletedShare: number;
  /** Share of NOTs and REQs about someone the court feed convicted (when one was convicted early enough). */
  readonly knownPersonShare: number;
  /** Share of NOTs and REQs deliberately invalid (an offence category no ECRIS table has): answered by FEM. */
  readonly invalidShare: number;
  /** Share sent as undecodable bytes: dead letters in every consumer of ecris.inbound.v1. */
  readonly garbageShare: number;
  /** How long after a conviction is recorded here another state may ask or notify about the person. */
  readonly knownPersonLagMs: number;
}

/** UK nationals numbered from here were never convicted by the court feed (whose people are numbered from 0). */
const UNKNOWN_NOTIFIED_PERSON = 100_000;
const UNKNOWN_REQUESTED_PERSON = 150_000;

export function foreignTraffic(options: ForeignTrafficOptions, convicted: readonly RecordedConviction[]): ScheduledMessage[] {
  const ukConvicted = convicted.filter((c) => c.person.nationalities.includes(UK));
  const scheduled: ScheduledMessage[] = [];
  for (let i = 0; i < options.notifications; i++) {
    scheduled.push(...notificationAndFollowUps(options, i, ukConvicted));
  }
  for (let i = 0; i < options.requests; i++) {
    scheduled.push(request(options, i, ukConvicted));
  }
  return scheduled;
}

/** Someone convicted here early enough for the register to hold them, or a UK national it has never seen. */
function subject(options: ForeignTrafficOptions, random: SeededRandom, atMs: number, known: readonly RecordedConviction[], unknownIndex: number): SimPerson {
  const recordedBefore = known.filter((c) => c.atMs + options.knownPersonLagMs <= atMs);
  if (recordedBefore.length > 0 && random.chance(options.knownPersonShare)) return random.pick(recordedBefore).person;
  return ukNational(options.seed, unknownIndex);
}

function inboundMeta(seed: string, messageId: string, type: string, time: Date): EventMeta {
  const id = uuidV5(`simulation/${seed}/gateway/${messageId}`);
  return { id, source: GATEWAY_SOURCE, type, time: time.toISOString(), subject: messageId, correlationId: messageId, causationId: null, traceparent: childTraceparent(null, id) };
}

function notificationAndFollowUps(options: ForeignTrafficOptions, index: number, known: readonly RecordedConviction[]): ScheduledMessage[] {
  const { seed } = options;
  const random = randomFor(seed, 'foreign-not', index);
  const state = random.pick(EU_STATES);
  const profile = profileOf(state);
  const atMs = options.firstNotificationAtMs + index * options.notificationSpacingMs;
  const sentAt = timeAt(options.start, atMs);
  const person = subject(options, random, atMs, known, UNKNOWN_NOTIFIED_PERSON + index);
  // A UK national convicted abroad is often a national of that state too.
  const withState = random.chance(0.3) && !person.nationalities.includes(state) ? { ...person, nationalities: [...person.nationalities, state] } : person;
  const convictionId = convictionIdFor(seed, state, 'not', String(index));
  const conviction = foreignConviction({ convictionId, profile, decisionDate: addDays(dateOf(sentAt), -random.int(15, 60)), random });
  const messageId = messageIdFor(seed, state, UK, 'NOT', String(index));
  const notification: Omit<Notification, 'meta'> = {
    header: header(messageId, sentAt, state, UK),
    contactPerson: null,
    remarks: [],
    person: ecrisPerson(withState, dateOf(sentAt)),
    conviction,
    updatedConvictionReference: null,
    otherAffectedConvictions: null,
    fingerprints: null,
  };
  const invalid = random.chance(options.invalidShare);
  const first: ScheduledMessage = {
    atMs,
    garbage: random.chance(options.garbageShare),
    message: inbound(SchemaNames.notification, messageId, invalid ? withUnknownCategory(notification) : notification, inboundMeta(seed, messageId, 'uk.ecris.notification.received.v1', sentAt)),
  };
  if (invalid || first.garbage) return [first];

  const change = random.weighted<ChangeKind | 'none'>({
    'sentence-changed': options.updatedShare,
    quashed: options.deletedShare,
    none: Math.max(0, 1 - options.updatedShare - options.deletedShare),
  });
  if (change === 'none') return [first];
  const laterMs = atMs + random.int(3, 8) * options.notificationSpacingMs;
  const laterAt = timeAt(options.start, laterMs);
  const updateId = messageIdFor(seed, state, UK, 'NOT', String(index), change);
  const update: Omit<Notification, 'meta'> = {
    ...notification,
    header: header(updateId, laterAt, state, UK),
    conviction: changedConviction(conviction, profile, change, dateOf(laterAt)),
    updatedConvictionReference: { ecrisConvictionId: convictionId, njrConvictionReference: null, externalConviction: null },
  };
  return [first, { atMs: laterMs, message: inbound(SchemaNames.notification, updateId, update, inboundMeta(seed, updateId, 'uk.ecris.notification.received.v1', laterAt)) }];
}

function request(options: ForeignTrafficOptions, index: number, known: readonly RecordedConviction[]): ScheduledMessage {
  const { seed } = options;
  const random = randomFor(seed, 'foreign-req', index);
  const state = random.pick(EU_STATES);
  const profile = profileOf(state);
  const atMs = options.firstRequestAtMs + index * options.requestSpacingMs;
  const sentAt = timeAt(options.start, atMs);
  const person = subject(options, random, atMs, known, UNKNOWN_REQUESTED_PERSON + index);
  const court = random.pick(profile.courts);
  // Most ask for criminal proceedings; some for a job with children, which our policy may refuse.
  const forChildren = random.chance(0.15);
  const messageId = messageIdFor(seed, state, UK, 'REQ', String(index));
  const value: Omit<Request, 'meta'> = {
    header: header(messageId, sentAt, state, UK),
    contactPerson: null,
    remarks: [],
    person: ecrisPerson(person, dateOf(sentAt)),
    purposeCategoryRef: forChildren ? 'P-00-003000' : 'P-00-001000',
    purpose: phraseIn(profile, forChildren ? profile.workWithChildren : profile.criminalProceedings),
    accusationOffenceCategoryRefs: [],
    accusation: [],
    requestingAuthority: { typeRef: 'RAT-00-A', code: null, name: phraseIn(profile, court) },
    caseReferenceNumber: `${state}-${dateOf(sentAt).slice(0, 4)}-${messageId.slice(-5)}`,
    concernedPersonConsent: 'UNKNOWN',
    urgency: 'No',
    fingerprints: null,
  };
  const invalid = random.chance(options.invalidShare);
  return {
    atMs,
    garbage: random.chance(options.garbageShare),
    message: inbound(SchemaNames.request, messageId, invalid ? { ...value, purposeCategoryRef: 'P-1' } : value, inboundMeta(seed, messageId, 'uk.ecris.request.received.v1', sentAt)),
  };
}

function inbound<T>(schema: string, key: string, value: T, meta: EventMeta): OutboundMessage<T> {
  return { topic: INBOUND_TOPIC, key, schema, value, meta };
}

/** Deliberately invalid: `O-00-000000` has the reference's shape but names no Annex A category (groups start at 01). */
function withUnknownCategory(notification: Omit<Notification, 'meta'>): Omit<Notification, 'meta'> {
  const [first, ...rest] = notification.conviction.offences;
  return { ...notification, conviction: { ...notification.conviction, offences: [{ ...first!, commonCategoryRef: 'O-00-000000' }, ...rest] } };
}
