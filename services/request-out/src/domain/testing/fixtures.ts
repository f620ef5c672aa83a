/** Shared inputs for the domain's unit tests: configuration as shipped, an agency request, answers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conviction, RequestResponse } from '@ecris/contracts';
import { DEFAULT_DEADLINE_RULES } from '@ecris/deadlines';
import { loadReferenceData } from '@ecris/reference-data';
import type { DecisionContext } from '../context';
import type { AgencyRequest } from '../model';
import { parseAgencies, parsePolicy, type Agency } from '../policy';

const CONFIG_DIR = join(__dirname, '..', '..', '..', 'config');
const SCHEMAS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'schemas');

export const policy = parsePolicy(JSON.parse(readFileSync(join(CONFIG_DIR, 'policy.json'), 'utf8')));
export const agencies = parseAgencies(JSON.parse(readFileSync(join(CONFIG_DIR, 'agencies.json'), 'utf8')));
export const gmp = agencies.find((agency) => agency.id === 'GMP') as Agency;
export const acro = agencies.find((agency) => agency.id === 'ACRO') as Agency;

export const context: DecisionContext = {
  senderCountry: 'GB',
  policy,
  referenceData: loadReferenceData(),
  deadlineRules: DEFAULT_DEADLINE_RULES,
};

export const CRIMINAL_PROCEEDINGS = 'P-00-001000';
export const OWN_RECORD = 'P-00-002000';
export const OTHER_PURPOSE = 'P-00-004000';

export function agencyRequest(overrides: Partial<AgencyRequest> = {}, person: Partial<AgencyRequest['person']> = {}): AgencyRequest {
  return {
    requestId: 'AR-TEST-1',
    requestedAt: '2026-03-02T09:00:00Z',
    agency: { agencyCode: 'GMP', agencyName: 'Greater Manchester Police', authorityTypeRef: 'RAT-00-A', officerId: 'GMP-OFFICER-0042' },
    purposeCategoryRef: CRIMINAL_PROCEEDINGS,
    purpose: 'Criminal proceedings for burglary',
    caseReference: 'GMP-2026-0001',
    person: {
      forenames: ['Marco'],
      surname: 'Esempio',
      formerNames: [],
      aliases: [],
      sex: 'MALE',
      dateOfBirth: { year: 1985, month: 11, day: 2 },
      placeOfBirthTown: 'Torino',
      placeOfBirthCountry: 'IT',
      nationalities: ['IT'],
      identityNumber: null,
      ...person,
    },
    urgency: 'NORMAL',
    consent: 'UNKNOWN',
    targetStates: [],
    ...overrides,
  };
}

function fixture<T>(relative: string): T {
  return JSON.parse(readFileSync(join(SCHEMAS_DIR, relative), 'utf8')) as T;
}

/** A conviction from the golden NOT fixture, with its own id and convicting country, its court and titles in Italian. */
export function conviction(convictionId: string, convictingCountryRef = 'CO-00-380-ITA'): Conviction {
  const base = fixture<{ conviction: Conviction }>('uk/ecris/message/fixtures/Notification.v1.json').conviction;
  const italian = (text: string) => [{ lang: 'it', translated: false, text }];
  return {
    ...base,
    convictionId,
    convictingCountryRef,
    decidingAuthority: { ...base.decidingAuthority, name: italian('Tribunale di Torino') },
    offences: base.offences.map((offence) => ({ ...offence, nationalTitle: italian('Furto aggravato') })),
    sanctions: base.sanctions.map((sanction) => ({ ...sanction, nationalTitle: italian('Reclusione') })),
  };
}

/** An RRS from `state` answering `requestMessageId`. */
export function rrs(requestMessageId: string, state: string, convictions: Conviction[], otherMemberStates: string[] = []): Omit<RequestResponse, 'meta'> {
  const base = fixture<RequestResponse>('uk/ecris/message/fixtures/RequestResponse.v1.json');
  const { meta: _meta, ...rest } = base;
  return {
    ...rest,
    header: { messageId: `${state}-GB-RRS-${requestMessageId.slice(-15)}`, timestamp: '2026-03-10T12:00:00Z', responseTo: requestMessageId, sender: state, receiver: 'GB' },
    convictions,
    otherMemberStates,
    responseTypeRef: 'RRT-00-00',
  };
}
