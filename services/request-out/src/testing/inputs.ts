/** What other parties publish in the integration tests, built from the golden fixtures with fresh ids. */
import { randomUUID } from 'node:crypto';
import {
  SchemaNames,
  type Conviction,
  type FunctionalError,
  type PreviousConvictionsRequest,
  type RequestAdditionalInfo,
  type RequestDeadline,
  type RequestResponse,
  type TextTranslated,
  type TranslationRequested,
} from '@ecris/contracts';
import type { EventMeta } from '@ecris/messaging';
import { loadFixture, uniqueSerials } from '@ecris/testing';
import { conviction } from '../domain/testing/fixtures';
import { englishRenderingOf } from '../domain/testing/translation';

export function meta(source: string, type: string, time: string, correlationId: string): EventMeta {
  return { id: randomUUID(), source, type, time, subject: correlationId, correlationId, causationId: null, traceparent: null };
}

/** Messages from "other states" must not collide across tests. */
export const serial = uniqueSerials();

export function submitBody(nationalities: string[], overrides: Record<string, unknown> = {}) {
  return {
    officerId: 'GMP-OFFICER-0042',
    purposeCategoryRef: 'P-00-001000',
    purpose: 'Criminal proceedings for aggravated burglary',
    caseReference: 'GMP-2026-0042',
    urgency: 'HIGH',
    consent: 'UNKNOWN',
    person: {
      forenames: ['Marco'],
      surname: 'Esempio',
      sex: 'MALE',
      dateOfBirth: { year: 1985, month: 11, day: 2 },
      placeOfBirthTown: 'Torino',
      placeOfBirthCountry: 'IT',
      nationalities,
      identityNumber: 'CA12345XY',
    },
    ...overrides,
  };
}

export function agencyRequestRecord(requestId: string, time: string, changes: Partial<PreviousConvictionsRequest> = {}, nationalities = ['IT']): PreviousConvictionsRequest {
  const base = loadFixture<PreviousConvictionsRequest>(SchemaNames.agencyRequest, 1);
  return {
    ...base,
    meta: meta('/uk-agencies/gmp', 'uk.ecris.agency.convictions-requested.v1', time, requestId),
    requestId,
    requestedAt: time,
    person: { ...base.person, nationalities },
    ...changes,
  };
}

const gateway = (type: string, messageId: string, time: string, requestMessageId: string) =>
  meta('/ecris-gateway', `uk.ecris.${type}.received.v1`, time, requestMessageId);

export function rdl(state: string, requestMessageId: string, deadline: string, time: string): RequestDeadline {
  const messageId = `${state}-GB-RDL-${serial()}`;
  return {
    ...loadFixture<RequestDeadline>(SchemaNames.requestDeadline, 1),
    meta: gateway('rdl', messageId, time, requestMessageId),
    header: { messageId, timestamp: time, responseTo: requestMessageId, sender: state, receiver: 'GB' },
    deadline,
  };
}

export function rrs(state: string, requestMessageId: string, convictions: Conviction[], time: string, otherMemberStates: string[] = []): RequestResponse {
  const messageId = `${state}-GB-RRS-${serial()}`;
  return {
    ...loadFixture<RequestResponse>(SchemaNames.requestResponse, 1),
    meta: gateway('rrs', messageId, time, requestMessageId),
    header: { messageId, timestamp: time, responseTo: requestMessageId, sender: state, receiver: 'GB' },
    convictions,
    otherMemberStates,
    responseTypeRef: 'RRT-00-00',
  };
}

export function rai(state: string, requestMessageId: string, items: RequestAdditionalInfo['informationRequested'], time: string): RequestAdditionalInfo {
  const messageId = `${state}-GB-RAI-${serial()}`;
  return {
    meta: gateway('rai', messageId, time, requestMessageId),
    header: { messageId, timestamp: time, responseTo: requestMessageId, sender: state, receiver: 'GB' },
    contactPerson: null,
    remarks: [],
    informationRequested: items,
    binaryIdRequested: null,
  };
}

export function fem(state: string, aboutMessageId: string, time: string): FunctionalError {
  const messageId = `${state}-GB-FEM-${serial()}`;
  return {
    meta: gateway('fem', messageId, time, aboutMessageId),
    header: { messageId, timestamp: time, responseTo: aboutMessageId, sender: state, receiver: 'GB' },
    contactPerson: null,
    remarks: [],
    errors: [{ code: 'FE-00012', additionalInformation: [{ lang: 'en', translated: null, text: 'person.birthPlace: unknown town' }] }],
  };
}

/** The translation service's answer to a TranslationRequested it read (see domain/testing/translation.ts). */
export function translated(request: TranslationRequested, time: string): TextTranslated {
  const { meta: cause, ...job } = request;
  return { ...englishRenderingOf(job), meta: { ...meta('/ecris-exchange/translation', 'uk.ecris.exchange.text-translated.v1', time, cause.correlationId), causationId: cause.id } };
}

export { conviction };
