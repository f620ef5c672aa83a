import { agencies } from '../domain/testing/fixtures';
import { presentedKey } from './agency-auth.guard';
import { agencyRequestFromBody, followUpStatesFromBody } from './submission-body';

const gmp = agencies.find((agency) => agency.id === 'GMP')!;
const body = {
  officerId: 'GMP-OFFICER-0042',
  purposeCategoryRef: 'P-00-001000',
  purpose: 'Criminal proceedings',
  person: {
    forenames: ['Marco'],
    surname: 'Esempio',
    sex: 'MALE',
    dateOfBirth: { year: 1985 },
    placeOfBirthTown: 'Torino',
    placeOfBirthCountry: 'IT',
    nationalities: ['IT'],
  },
};

describe('the body of POST /v1/requests', () => {
  it('becomes the agency request, the agency taken from the API key and defaults filled in', () => {
    expect(agencyRequestFromBody(body, gmp, 'AR-1', '2026-03-02T09:00:00.000Z')).toEqual({
      requestId: 'AR-1',
      requestedAt: '2026-03-02T09:00:00.000Z',
      agency: { agencyCode: 'GMP', agencyName: 'Greater Manchester Police', authorityTypeRef: 'RAT-00-A', officerId: 'GMP-OFFICER-0042' },
      purposeCategoryRef: 'P-00-001000',
      purpose: 'Criminal proceedings',
      caseReference: null,
      person: { ...body.person, formerNames: [], aliases: [], dateOfBirth: { year: 1985, month: null, day: null }, identityNumber: null },
      urgency: 'NORMAL',
      consent: 'UNKNOWN',
      targetStates: [],
    });
  });

  it.each([
    ['not an object', [], ['body: a JSON object']],
    ['a missing person', { ...body, person: undefined }, ['person: an object']],
    ['a wrongly typed field', { ...body, urgency: 'SOON', person: { ...body.person, sex: 'M', nationalities: 'IT' } }, ['person.sex: one of MALE, FEMALE, NOT_KNOWN', 'person.nationalities: an array of strings', 'urgency: one of NORMAL, HIGH']],
    ['a year that is not a number', { ...body, person: { ...body.person, dateOfBirth: { year: '1985' } } }, ['person.dateOfBirth.year: a whole number']],
  ])('lists what is wrong with %s, by path', (_name, input, problems) => {
    const result = agencyRequestFromBody(input, gmp, 'AR-1', '2026-03-02T09:00:00.000Z');
    expect('problems' in result ? [...result.problems].sort() : result).toEqual([...problems].sort());
  });

  it('gives follow-up states, or what is wrong', () => {
    expect(followUpStatesFromBody({ states: ['DE'] })).toEqual(['DE']);
    expect(followUpStatesFromBody({ states: 'DE' })).toEqual({ problems: ['states: an array of strings'] });
  });
});

describe('the API key presented', () => {
  it.each([
    [{ 'x-api-key': ' k1 ' }, 'k1'],
    [{ authorization: 'Bearer k2' }, 'k2'],
    [{ authorization: 'Basic k3' }, undefined],
    [{}, undefined],
  ])('%j gives %s', (headers, key) => {
    expect(presentedKey({ method: 'GET', path: '/', headers })).toBe(key);
  });
});
