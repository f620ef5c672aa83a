/**
 * Test inputs built from the golden fixtures in schemas/ (ids changed per test), and a decision
 * environment over the bundled reference data and the service's own data tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SchemaNames,
  type ConvictionAmended,
  type ConvictionRecorded,
  type ConvictionRemoved,
  type CourtConviction,
  type FunctionalError,
  type NotificationResponse,
  type OperatorAction,
  type RequestAdditionalInfo,
} from '@ecris/contracts';
import { loadReferenceData } from '@ecris/reference-data';
import { loadFixture } from '@ecris/testing';
import { BUNDLED_CLASSIFICATION_DIR } from '../adapters/settings';
import { Classifier, type OffenceTable, type SentenceTable } from '../domain/classification';
import { DEFAULT_RESPONSE_TYPES, type AnswerEnv } from '../domain/decide-answers';
import type { DecisionEnv } from '../domain/notifications';

export const REFERENCE = loadReferenceData();

export const CLASSIFIER = Classifier.fromTables(
  JSON.parse(readFileSync(join(BUNDLED_CLASSIFICATION_DIR, 'uk-offence-categories.json'), 'utf8')) as OffenceTable,
  JSON.parse(readFileSync(join(BUNDLED_CLASSIFICATION_DIR, 'uk-sentence-categories.json'), 'utf8')) as SentenceTable,
);

export function decisionEnv(overrides: Partial<DecisionEnv & AnswerEnv> = {}): DecisionEnv & AnswerEnv {
  return {
    sender: 'GB',
    reference: REFERENCE,
    classifier: CLASSIFIER,
    isTransmittable: 'UNKNOWN',
    responseTypes: DEFAULT_RESPONSE_TYPES,
    causeId: '0c1f2d3e-4a5b-5c6d-8e7f-000000000001',
    time: '2025-03-04T10:15:00.000Z',
    onDate: '2025-03-04',
    ...overrides,
  };
}

type ConvictionChanges = Partial<Omit<CourtConviction, 'person'>> & { person?: Partial<CourtConviction['person']> };

function convictionWith(base: CourtConviction, changes: ConvictionChanges = {}): CourtConviction {
  const { person, ...rest } = changes;
  return { ...base, ...rest, person: { ...base.person, ...person } };
}

/** The court fixture (a FR+IE national) with a reference and event id of the test's own. */
export function recorded(reference: string, changes: ConvictionChanges = {}, eventId = `evt-${reference}-recorded`): ConvictionRecorded {
  const base = loadFixture<ConvictionRecorded>(SchemaNames.convictionRecorded, 1);
  return {
    ...base,
    meta: { ...base.meta, id: eventId, subject: reference, correlationId: reference },
    convictionReference: reference,
    conviction: convictionWith(base.conviction, changes),
  };
}

/** The amendment fixture (a sentence variation: 3 years' custody -> 18 months suspended). */
export function amended(
  reference: string,
  changes: ConvictionChanges = {},
  fields: Partial<Pick<ConvictionAmended, 'kind' | 'recordedAt' | 'decisionDate'>> = {},
  eventId = `evt-${reference}-amended`,
): ConvictionAmended {
  const base = loadFixture<ConvictionAmended>(SchemaNames.convictionAmended, 1);
  return {
    ...base,
    ...fields,
    meta: { ...base.meta, id: eventId, subject: reference, correlationId: reference },
    convictionReference: reference,
    conviction: convictionWith(base.conviction, changes),
  };
}

/** The removal fixture (quashed on appeal). */
export function removed(reference: string, eventId = `evt-${reference}-removed`): ConvictionRemoved {
  const base = loadFixture<ConvictionRemoved>(SchemaNames.convictionRemoved, 1);
  return { ...base, meta: { ...base.meta, id: eventId, subject: reference, correlationId: reference }, convictionReference: reference };
}

const answerMeta = (id: string, notId: string) => ({
  id,
  source: '/ecris-gateway',
  type: 'uk.ecris.answer.v1',
  time: '2025-03-05T08:00:00.000Z',
  subject: null,
  correlationId: notId,
  causationId: null,
  traceparent: null,
});

/** An ECRIS id of `type` from `sender` to GB, unique per serial. */
export function inboundId(sender: string, type: 'NRS' | 'FEM' | 'RAI', serial: number | string): string {
  return `${sender}-GB-${type}-${String(serial).padStart(15, '0')}`;
}

export function nrs(notId: string, messageId: string, responseTypeRef = 'NRT-00-00'): NotificationResponse {
  const base = loadFixture<NotificationResponse>(SchemaNames.notificationResponse, 1);
  const sender = notId.slice(3, 5);
  return {
    ...base,
    meta: answerMeta(`evt-${messageId}`, notId),
    header: { ...base.header, messageId, responseTo: notId, sender, receiver: 'GB' },
    responseTypeRef,
  };
}

export function fem(notId: string, messageId: string, codes: string[] = ['FE-90003']): FunctionalError {
  const base = loadFixture<FunctionalError>(SchemaNames.functionalError, 1);
  const sender = notId.slice(3, 5);
  return {
    ...base,
    meta: answerMeta(`evt-${messageId}`, notId),
    header: { ...base.header, messageId, responseTo: notId, sender, receiver: 'GB' },
    errors: codes.map((code) => ({ code, additionalInformation: [{ lang: 'fr', translated: false, text: 'conviction.offences[0]: code inconnu' }] })),
  };
}

export function rai(notId: string, messageId: string, items: RequestAdditionalInfo['informationRequested']): RequestAdditionalInfo {
  const base = loadFixture<RequestAdditionalInfo>(SchemaNames.requestAdditionalInfo, 1);
  const sender = notId.slice(3, 5);
  return {
    ...base,
    meta: answerMeta(`evt-${messageId}`, notId),
    header: { ...base.header, messageId, responseTo: notId, sender, receiver: 'GB' },
    informationRequested: items,
    binaryIdRequested: null,
  };
}

export function operatorAction(actionId: string, details: Record<string, string>, exchangeId: string | null = null): OperatorAction {
  const base = loadFixture<OperatorAction>(SchemaNames.operatorAction, 2);
  return {
    ...base,
    meta: { ...base.meta, id: `evt-${actionId}`, correlationId: exchangeId ?? actionId },
    actionId,
    actor: 'op-0042',
    action: 'REVIEW_DECISION',
    reason: 'classification review',
    exchangeId,
    targets: [],
    details,
    at: '2025-03-06T09:00:00Z',
  };
}
