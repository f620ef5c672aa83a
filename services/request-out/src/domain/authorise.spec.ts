import { HTTP_STATUS_OF, mayRead, submissionRefusal } from './authorise';
import { submittedCase } from './submit';
import { agencyRequest, agencies, context, gmp, OWN_RECORD } from './testing/fixtures';

const ON = '2026-03-02';

describe('authorisation of a submission', () => {
  it.each([
    ['an authorised agency, purpose and valid request', gmp, agencyRequest(), null, null],
    ['an agency we do not know', undefined, agencyRequest(), 'UNKNOWN_AGENCY', 401],
    ['a purpose the agency is not authorised for', gmp, agencyRequest({ purposeCategoryRef: OWN_RECORD }), 'PURPOSE_NOT_AUTHORISED', 403],
    ['an authorised agency sending an invalid request', gmp, agencyRequest({ purpose: '' }), 'INVALID_REQUEST', 400],
  ])('%s', (_name, agency, request, reason, status) => {
    const refusal = submissionRefusal(agency, request, context, ON);
    expect(refusal?.reason ?? null).toBe(reason);
    if (reason) expect(HTTP_STATUS_OF[refusal!.reason]).toBe(status);
  });

  it('checks the purpose before the content: an unauthorised agency learns nothing about validation', () => {
    const refusal = submissionRefusal(gmp, agencyRequest({ purposeCategoryRef: OWN_RECORD, purpose: '' }), context, ON);
    expect(refusal?.reason).toBe('PURPOSE_NOT_AUTHORISED');
  });
});

describe('validation of a request, as field paths and rules without values', () => {
  it.each([
    ['a request id unfit for a URL', agencyRequest({ requestId: 'a b/c' }), 'requestId'],
    ['a purpose over 400 characters', agencyRequest({ purpose: 'x'.repeat(401) }), 'purpose: at most 400 characters'],
    ['a case reference over 50 characters', agencyRequest({ caseReference: 'x'.repeat(51) }), 'caseReference: at most 50 characters'],
    ['no forename', agencyRequest({}, { forenames: [] }), 'person.forenames: at least one'],
    ['a day without a month', agencyRequest({}, { dateOfBirth: { year: 1980, month: null, day: 3 } }), 'person.dateOfBirth.day: only with a month'],
    ['30 February', agencyRequest({}, { dateOfBirth: { year: 1980, month: 2, day: 30 } }), 'person.dateOfBirth.day: a day of that month'],
    ['a birth country we have no code for', agencyRequest({}, { placeOfBirthCountry: 'US' }), 'person.placeOfBirthCountry'],
    ['a nationality that is not a code', agencyRequest({}, { nationalities: ['Italy'] }), 'person.nationalities[0]: ISO 3166-1 alpha-2'],
    ['a one-word alias', agencyRequest({}, { aliases: ['Marcuzzo'] }), 'person.aliases[0]: a forename and a surname'],
    ['a target state outside the EU', agencyRequest({ targetStates: ['GB'] }), 'targetStates[0]'],
    ['a purpose code not configured', agencyRequest({ purposeCategoryRef: 'P-99-999999' }), 'purposeCategoryRef'],
  ])('%s', (_name, request, expected) => {
    const agency = { ...gmp, purposes: [...gmp.purposes, request.purposeCategoryRef] };
    const refusal = submissionRefusal(agency, request, context, ON);
    expect(refusal?.reason).toBe('INVALID_REQUEST');
    expect(refusal?.problems.some((problem) => problem.startsWith(expected))).toBe(true);
    // Never the offending value.
    expect(refusal?.problems.join(' ')).not.toMatch(/Marcuzzo|Italy/);
  });
});

describe('reading a request', () => {
  it('is for the agency that made it only', () => {
    const requestCase = submittedCase(agencyRequest(), '2026-03-02T09:00:00Z', null);
    const mps = agencies.find((agency) => agency.id === 'MPS')!;
    expect(mayRead(gmp, requestCase)).toBe(true);
    expect(mayRead(mps, requestCase)).toBe(false);
    expect(mayRead(gmp, undefined)).toBe(false);
  });
});
