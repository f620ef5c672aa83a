import type { ConvictionContent, ConvictionHead, MatchResult, PersonQuery } from '@ecris/register';
import { additionalInformationWanted, decideContent, identify, reviewReason } from './decide';

const content = (duration: string, title = 'Theft'): ConvictionContent => ({
  convictionDate: '2025-01-01',
  finalDate: null,
  decidingAuthority: 'Court',
  fileNumber: null,
  isTransmittable: 'Yes',
  nonCriminalRuling: 'No',
  offences: [
    {
      offenceId: 'O-00001',
      ecrisCategoryRef: null,
      offenceCode: null,
      title,
      titles: [],
      legalProvisions: 'x',
      committedFrom: null,
      committedTo: null,
      childSexualOffence: false,
      recordableEquivalent: 'YES',
      onRegister: true,
    },
  ],
  sanctions: [
    {
      sanctionId: 'S-00001',
      ecrisCategoryRef: null,
      sanctionCode: null,
      kind: 'CUSTODY',
      title: 'Imprisonment',
      titles: [],
      duration,
      suspendedFor: null,
      startDate: null,
      endDate: null,
      fineAmount: null,
      fineCurrency: null,
      offenceIds: ['O-00001'],
    },
  ],
  received: { any: duration },
});

const head = (c: ConvictionContent, sourceMessageId = 'NOT-1'): ConvictionHead => ({
  convictionId: 'c1',
  personId: 'p1',
  identification: 'MATCHED',
  version: 1,
  deleted: false,
  sourceMessageId,
  content: c,
});

describe('decideContent', () => {
  it.each([
    ['nothing held: create', undefined, 'NOT-2', content('P3Y'), { kind: 'create' }],
    ['the same message again: unchanged', head(content('P3Y')), 'NOT-1', content('P18M'), { kind: 'unchanged' }],
    ['only the sanctions differ: a variation', head(content('P3Y')), 'NOT-2', content('P18M'), { kind: 'new-version', change: 'SANCTIONS_VARIED' }],
    ['the offences differ: a replacement', head(content('P3Y')), 'NOT-2', content('P3Y', 'Robbery'), { kind: 'new-version', change: 'REPLACED' }],
    ['identical content from another message: still a new version', head(content('P3Y')), 'NOT-2', content('P3Y'), { kind: 'new-version', change: 'REPLACED' }],
  ])('%s', (_name, held, source, next, expected) => {
    expect(decideContent(held, source, next)).toEqual(expected);
  });

  it('compares content whatever the key order it came back from jsonb in', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
          : value;
    const held = reversed(content('P3Y')) as ConvictionContent;
    expect(Object.keys(held)[0]).toBe('received');
    expect(decideContent(head(held), 'NOT-2', content('P18M'))).toEqual({ kind: 'new-version', change: 'SANCTIONS_VARIED' });
  });
});

describe('identify', () => {
  const one: MatchResult = { outcome: 'one', matches: [{ personId: 'p1', confidence: 0.9, reasons: [] }] };
  const none: MatchResult = { outcome: 'none', matches: [] };
  const several: MatchResult = { outcome: 'several', matches: [] };
  it.each([
    ['one match', one, 'FOREIGN', false, { kind: 'matched', personId: 'p1' }],
    ['one match from a truncated candidate list is not trusted', one, 'FOREIGN', true, { kind: 'needs-review', outcome: 'several' }],
    ['nobody, from abroad: review, never a new person', none, 'FOREIGN', false, { kind: 'needs-review', outcome: 'none' }],
    ['nobody, from a UK court: a new person', none, 'UK', false, { kind: 'new-person' }],
    ['several, from a UK court: review', several, 'UK', false, { kind: 'needs-review', outcome: 'several' }],
  ] as const)('%s', (_name, match, origin, truncated, expected) => {
    expect(identify(match, origin, truncated)).toEqual(expected);
  });
});

describe('additionalInformationWanted and reviewReason', () => {
  const person: PersonQuery = { forenames: ['Sam'], surname: 'Sample', birthDate: { year: 1990, month: 5, day: null }, birthPlace: { country: 'GB', town: 'Leeds' } };

  it('asks for identifiers, the missing parts, and what tells candidates apart', () => {
    expect(additionalInformationWanted(person, 'several')).toEqual(['IdentityNumber', 'IdentificationDocument', 'BirthDate', 'Fingerprints', 'MotherName', 'FatherName']);
    expect(additionalInformationWanted({ ...person, birthDate: { year: 1990, month: 5, day: 1 } }, 'none')).toEqual([
      'IdentityNumber',
      'IdentificationDocument',
      'FormerName',
      'Alias',
      'Address',
    ]);
  });

  it('says why without personal data', () => {
    const reason = reviewReason({ outcome: 'several', matches: [{ personId: 'p1', confidence: 0.85, reasons: [] }, { personId: 'p2', confidence: 0.85, reasons: [] }] }, 'ES-C-1', 'GB-ES-RAI-1');
    expect(reason).toBe('Identity of conviction ES-C-1: 2 candidate(s) need a decision (confidence 0.85, 0.85); stored awaiting identification; additional information requested with GB-ES-RAI-1.');
    expect(reason).not.toMatch(/Sam|Sample|1990/);
  });
});
