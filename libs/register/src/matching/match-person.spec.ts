import type { PersonQuery, PersonRecord } from '../types';
import { DEFAULT_MATCH_THRESHOLDS, matchPerson } from './match-person';
import { looseKey, normaliseName } from './names';
import { searchKeys } from './search-keys';

/** Invented people only. */
function person(personId: string, fields: Partial<PersonRecord> = {}): PersonRecord {
  return {
    personId,
    forenames: ['John'],
    surname: 'Example',
    secondSurname: null,
    otherNames: [],
    sex: 'MALE',
    birthDate: { year: 1990, month: 5, day: 17 },
    birthPlace: { country: 'GB', town: 'Leeds' },
    nationalities: ['GB'],
    identifiers: [],
    version: 1,
    ...fields,
  };
}

const query = (fields: Partial<PersonQuery> = {}): PersonQuery => ({
  forenames: ['John'],
  surname: 'Example',
  birthDate: { year: 1990, month: 5, day: 17 },
  birthPlace: { country: 'GB', town: 'Leeds' },
  ...fields,
});

describe('normaliseName', () => {
  it.each([
    ['Ó Briain-García', 'o briain garcia'],
    ["D'Souza", 'd souza'],
    ['  MÜLLER   Straße ', 'muller strasse'],
    ['Παπαδόπουλος', 'papadopoulos'],
    ['Γεώργιος', 'georgios'],
    ['Щукин', 'shchukin'],
    ['Łukasz Øster', 'lukasz oster'],
  ])('%s -> %s', (raw, normalised) => {
    expect(normaliseName(raw)).toBe(normalised);
  });

  it('folds the usual romanisation variants onto one key', () => {
    const key = (name: string) => looseKey(normaliseName(name).replace(/ /g, ''));
    expect(key('Χρήστος')).toBe(key('Christos'));
    expect(key('Christos')).toBe(key('Hristos'));
    expect(key('Aleksandros')).toBe(key('Alexandros'));
    expect(key('Papadopulos')).toBe(key('Papadopoulos'));
    expect(key('Smith')).not.toBe(key('Smyth-Jones'));
  });
});

describe('searchKeys', () => {
  it('indexes every surname word, the second surname and the last word of former names', () => {
    expect(searchKeys({ surname: 'García López', secondSurname: 'Ruiz', otherNames: ['Ana Pérez'] })).toEqual(
      ['garcia', 'lopez', 'perez', 'ruiz'].map(looseKey).sort(),
    );
  });
});

describe('matchPerson', () => {
  const cases: {
    name: string;
    query: PersonQuery;
    candidates: PersonRecord[];
    outcome: 'one' | 'none' | 'several';
    matches?: string[];
    reasons?: string[];
  }[] = [
    {
      name: 'exact: names, full birth date and birth place equal',
      query: query(),
      candidates: [person('p1'), person('p2', { forenames: ['Peter'], birthDate: { year: 1990, month: 1, day: 2 } })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['SURNAME_EQUAL', 'FORENAME_EQUAL', 'BIRTH_DATE_EQUAL', 'BIRTH_PLACE_EQUAL'],
    },
    {
      name: 'accents, case and hyphens do not matter',
      query: query({ forenames: ['JOSÉ'], surname: 'Núñez-Ortega' }),
      candidates: [person('p1', { forenames: ['Jose'], surname: 'nunez ortega' })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['SURNAME_EQUAL', 'FORENAME_EQUAL'],
    },
    {
      name: 'a Greek name in Greek script finds its Latin record',
      query: query({ forenames: ['Γεώργιος'], surname: 'Παπαδόπουλος', birthPlace: { country: 'GR', town: 'Αθήνα' } }),
      candidates: [person('p1', { forenames: ['Georgios'], surname: 'Papadopoulos', birthPlace: { country: 'GR', town: 'Athina' } })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['SURNAME_EQUAL', 'FORENAME_EQUAL', 'BIRTH_DATE_EQUAL', 'BIRTH_PLACE_EQUAL'],
    },
    {
      name: 'a romanisation variant counts as the same name after transliteration',
      query: query({ forenames: ['Χρήστος'], surname: 'Papadopulos' }),
      candidates: [person('p1', { forenames: ['Hristos'], surname: 'Papadopoulos' })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['SURNAME_EQUAL_TRANSLITERATED', 'FORENAME_EQUAL_TRANSLITERATED'],
    },
    {
      name: 'two surnames on one side, one on the other',
      query: query({ forenames: ['Ana'], surname: 'García', secondSurname: 'López', birthPlace: null }),
      candidates: [person('p1', { forenames: ['Ana'], surname: 'Garcia', sex: 'FEMALE' })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['SURNAME_PARTIAL', 'FORENAME_EQUAL', 'BIRTH_DATE_EQUAL'],
    },
    {
      name: 'partial birth date (year only) with the birth place is enough',
      query: query({ birthDate: { year: 1990, month: null, day: null } }),
      candidates: [person('p1')],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['BIRTH_DATE_COMPATIBLE', 'BIRTH_PLACE_EQUAL'],
    },
    {
      name: 'partial birth date without a birth place needs a person to look',
      query: query({ birthDate: { year: 1990, month: 5, day: null }, birthPlace: null }),
      candidates: [person('p1')],
      outcome: 'several',
      matches: ['p1'],
    },
    {
      name: 'twins: same surname, birth date and place, only an initial to tell them apart',
      query: query({ forenames: ['J'] }),
      candidates: [person('twin-a', { forenames: ['John'] }), person('twin-b', { forenames: ['James'] })],
      outcome: 'several',
      matches: ['twin-a', 'twin-b'],
    },
    {
      name: 'twins with their forename given are told apart',
      query: query({ forenames: ['James'] }),
      candidates: [person('twin-a', { forenames: ['John'] }), person('twin-b', { forenames: ['James'] })],
      outcome: 'one',
      matches: ['twin-b'],
    },
    {
      name: 'missing: no candidate at all',
      query: query(),
      candidates: [],
      outcome: 'none',
    },
    {
      name: 'missing: same name, another birth date',
      query: query(),
      candidates: [person('p1', { birthDate: { year: 1990, month: 6, day: 17 } })],
      outcome: 'none',
    },
    {
      name: 'an equal PNC id wins over a changed surname',
      query: query({ surname: 'Married', identifiers: [{ kind: 'PNC_ID', value: '2001/0012345A', country: null }] }),
      candidates: [person('p1', { identifiers: [{ kind: 'PNC_ID', value: '20010012345A', country: null }] })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['IDENTIFIER_EQUAL', 'SURNAME_DIFFERENT'],
    },
    {
      name: 'an equal identifier with a conflicting birth date goes to review',
      query: query({ birthDate: { year: 1991, month: 5, day: 17 }, identifiers: [{ kind: 'PNC_ID', value: 'X1', country: null }] }),
      candidates: [person('p1', { identifiers: [{ kind: 'PNC_ID', value: 'X1', country: null }] })],
      outcome: 'several',
      matches: ['p1'],
    },
    {
      name: 'a different PNC id makes an exact namesake doubtful, not a match',
      query: query({ identifiers: [{ kind: 'PNC_ID', value: 'X1', country: null }] }),
      candidates: [person('p1', { identifiers: [{ kind: 'PNC_ID', value: 'X2', country: null }] })],
      outcome: 'several',
      reasons: ['IDENTIFIER_CONFLICT'],
    },
    {
      name: 'a different PNC id and another birth town rule a namesake out',
      query: query({ identifiers: [{ kind: 'PNC_ID', value: 'X1', country: null }], birthPlace: { country: 'GB', town: 'York' } }),
      candidates: [person('p1', { identifiers: [{ kind: 'PNC_ID', value: 'X2', country: null }] })],
      outcome: 'none',
    },
    {
      name: 'an alias surname matches',
      query: query({ surname: 'Sample' }),
      candidates: [person('p1', { otherNames: ['John Sample'] })],
      outcome: 'one',
      matches: ['p1'],
      reasons: ['OTHER_NAME_EQUAL'],
    },
  ];

  it.each(cases)('$name', ({ query: q, candidates, outcome, matches, reasons }) => {
    const result = matchPerson(q, candidates, DEFAULT_MATCH_THRESHOLDS);
    expect(result.outcome).toBe(outcome);
    if (matches) expect(result.matches.map((m) => m.personId).sort()).toEqual([...matches].sort());
    if (reasons) expect(result.matches[0]?.reasons).toEqual(expect.arrayContaining(reasons));
  });

  it('takes its thresholds from configuration', () => {
    const yearOnly = query({ birthDate: { year: 1990, month: null, day: null }, birthPlace: null });
    expect(matchPerson(yearOnly, [person('p1')]).outcome).toBe('several');
    expect(matchPerson(yearOnly, [person('p1')], { accept: 0.7, review: 0.5, margin: 0.15 }).outcome).toBe('one');
  });

  it('puts no personal data in its reasons', () => {
    const result = matchPerson(query(), [person('p1')]);
    expect(JSON.stringify(result)).not.toMatch(/Example|John|Leeds|1990/);
  });
});
