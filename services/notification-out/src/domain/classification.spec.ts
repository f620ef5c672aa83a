import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_CLASSIFICATION_DIR } from '../adapters/settings';
import { CLASSIFIER, REFERENCE } from '../testing/fixtures';
import { Classifier, offenceCategoryRef, openCategoryOf, sentenceCategoryRef, tableProblems, type OffenceTable, type SentenceTable } from './classification';
import type { CategoryDecision } from './model';

const decision = (scheme: CategoryDecision['scheme'], nationalCode: string, category: string): CategoryDecision => ({
  scheme,
  nationalCode,
  category,
  decidedBy: 'op-1',
  actionId: 'OA-1',
  decidedAt: '2025-03-06T09:00:00Z',
});

describe('UK offence code -> ECRIS offence category', () => {
  it.each([
    // code       outcome            category   basis
    ['SC15001', 'category', '0202 00', 'table'],
    ['TA06006', 'category', '0305 00', 'table'],
    ['sc15001', 'category', '0202 00', 'table'],
    // Listed with a group only: no sub-category fits, so the group's open category.
    ['MS15002', 'open-category', '0400 00', 'table-group'],
    // Not listed, but its act is wholly in one group.
    ['MS15099', 'open-category', '0400 00', 'act-group'],
    ['TA00099', 'open-category', '0300 00', 'act-group'],
  ])('%s -> %s %s (%s)', (code, outcome, category, basis) => {
    expect(CLASSIFIER.offence(code)).toEqual({ outcome, code: category, basis });
  });

  it.each(['TH68001', 'SC15076', 'XX99001', ''])('%s has not even a known group: unknown, for an operator', (code) => {
    expect(CLASSIFIER.offence(code)).toEqual({ outcome: 'unknown' });
  });

  it("takes an operator's decision over the table and over the unknown", () => {
    const classifier = CLASSIFIER.withDecisions([decision('offence', 'TH68001', '0909 00'), decision('offence', 'MS15002', '0401 00')]);
    expect(classifier.offence('TH68001')).toEqual({ outcome: 'category', code: '0909 00', basis: 'operator' });
    expect(classifier.offence('MS15002')).toEqual({ outcome: 'category', code: '0401 00', basis: 'operator' });
    // The original is unchanged.
    expect(CLASSIFIER.offence('TH68001')).toEqual({ outcome: 'unknown' });
  });

  it('builds open categories and technical references', () => {
    expect(openCategoryOf('04')).toBe('0400 00');
    expect(offenceCategoryRef('0202 00')).toBe('O-00-020200');
    expect(sentenceCategoryRef('1001')).toBe('S-00-001001');
    expect(sentenceCategoryRef('10011')).toBe('S-00-010011');
  });
});

describe('UK disposal code -> ECRIS penalty category', () => {
  it.each([
    ['1002', '1001'],
    ['1115', '1001'],
    ['1015', '8001'],
  ])('%s -> %s', (code, category) => {
    expect(CLASSIFIER.sentence(code)).toEqual({ outcome: 'category', code: category, natureRef: 'N-00-0', specificToMinor: false, basis: 'table' });
  });

  it('never guesses an unlisted disposal (Annex B has no open category to fall back to)', () => {
    expect(CLASSIFIER.sentence('1116')).toEqual({ outcome: 'unknown' });
    expect(CLASSIFIER.withDecisions([decision('sentence', '1116', '1000')]).sentence('1116')).toEqual({
      outcome: 'category',
      code: '1000',
      natureRef: 'N-00-0',
      specificToMinor: false,
      basis: 'operator',
    });
  });
});

describe('the shipped tables', () => {
  const read = <T>(name: string) => JSON.parse(readFileSync(join(BUNDLED_CLASSIFICATION_DIR, name), 'utf8')) as T;
  const offences = read<OffenceTable>('uk-offence-categories.json');
  const sentences = read<SentenceTable>('uk-sentence-categories.json');

  it('use only ECRIS categories present in the reference data', () => {
    const offenceCodes = [
      ...offences.offences.map((e) => e.category ?? openCategoryOf(e.group!)),
      ...offences.actGroups.map((a) => openCategoryOf(a.group)),
    ];
    for (const code of offenceCodes) expect({ code, known: REFERENCE.lookup('offence-categories', code, '2025-03-04') !== undefined }).toEqual({ code, known: true });
    for (const entry of sentences.sentences) {
      expect({ code: entry.category, known: REFERENCE.lookup('penalty-categories', entry.category, '2025-03-04') !== undefined }).toEqual({
        code: entry.category,
        known: true,
      });
      expect(REFERENCE.lookup('sanction-natures', entry.natureRef, '2025-03-04')).toBeDefined();
    }
  });

  it('are refused when malformed, with every problem named', () => {
    const bad: OffenceTable = {
      offences: [
        { ukOffenceCode: 'AA01001', category: '0202 00', group: '02' },
        { ukOffenceCode: 'AA01001', category: '0000 00' },
        { ukOffenceCode: 'AA01002', group: '4' },
      ],
      actGroups: [{ codePrefix: 'A1', group: '02' }],
    };
    const badSentences: SentenceTable = { sentences: [{ disposalCode: '1', category: '10', natureRef: 'N-0', specificToMinor: false }] };
    expect(tableProblems(bad, badSentences)).toEqual([
      'offence AA01001: give exactly one of category and group',
      'offence AA01001 is listed twice',
      'offence AA01001: category must be NNNN NN (groups from 01)',
      'offence AA01002: group must be two digits from 01',
      'act prefix "A1" is not two letters and two digits',
      'disposal 1: category must be 4 or 5 digits',
      'disposal 1: natureRef must be N-NN-X',
    ]);
    expect(() => Classifier.fromTables(bad, badSentences)).toThrow('classification tables refused');
  });
});
