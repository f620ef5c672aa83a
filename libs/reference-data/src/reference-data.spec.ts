import { loadReferenceData } from './file-loader';
import { ReferenceData } from './reference-data';
import type { ReferenceEntry, ReferenceTable } from './table';

const bundled = loadReferenceData();

describe('the bundled ECRIS tables', () => {
  it('has every table copied from shared/domain/reference-data, each with its provenance', () => {
    expect(bundled.tableNames()).toEqual([
      'countries',
      'currencies',
      'decision-change-types',
      'identification-document-categories',
      'languages',
      'member-states',
      'message-types',
      'notification-response-types',
      'offence-categories',
      'offence-completion-levels',
      'offence-participation-levels',
      'penalty-categories',
      'request-response-types',
      'sanction-alternative-types',
      'sanction-natures',
      'sanction-relation-types',
    ]);
    for (const name of bundled.tableNames()) {
      const table = bundled.table(name);
      expect(table.provenance.sources.length).toBeGreaterThan(0);
      expect(table.completenessNote.length).toBeGreaterThan(0);
    }
  });

  it('marks as complete only the tables the sources give in full', () => {
    const complete = bundled.tableNames().filter((name) => bundled.isComplete(name));
    expect(complete).toEqual(['member-states', 'message-types']);
  });

  it('finds an offence category by its code or by its ECRIS technical id', () => {
    const byCode = bundled.lookup('offence-categories', '0101 00', '2025-01-01');
    expect(byCode?.label).toBe('Genocide');
    expect(bundled.lookup('offence-categories', 'O-00-010100', '2025-01-01')).toBe(byCode);
  });

  it('keeps a code without a label as null rather than guessing one', () => {
    const entry = bundled.lookup('offence-categories', '0909 00', '2025-01-01');
    expect(entry).toMatchObject({ code: '0909 00', technicalId: 'O-00-090900', label: null });
  });

  it('answers undefined for a code it does not have (in a partial table that means a missing row)', () => {
    expect(bundled.lookup('offence-categories', '0501 00', '2025-01-01')).toBeUndefined();
    expect(bundled.isComplete('offence-categories')).toBe(false);
  });

  it('refuses a table that was never loaded', () => {
    expect(() => bundled.lookup('request-purposes', 'P-00-001000', '2025-01-01')).toThrow('no table named request-purposes');
  });
});

const entry = (code: string, label: string, validFrom: string, validTo: string | null): ReferenceEntry => ({
  code,
  label,
  labelLang: 'en',
  labelIsOfficial: false,
  validFrom,
  validTo,
});

const table = (version: number, entries: ReferenceEntry[]): ReferenceTable => ({
  table: 'demo-codes',
  version,
  title: 'Demo',
  completeness: 'complete',
  completenessNote: 'test table',
  provenance: { derivedFrom: 'test', sources: ['test'] },
  entries,
});

describe('versioned, effective-dated look-ups', () => {
  const v1 = table(1, [entry('X-1', 'old wording', '1800-01-01', null)]);
  const v2 = table(2, [
    entry('X-1', 'old wording', '1800-01-01', '2025-06-30'),
    entry('X-1', 'new wording', '2025-07-01', null),
    entry('X-2', 'new code', '2025-07-01', null),
  ]);
  const data = ReferenceData.fromTables([v2, v1]);

  it('uses the newest version of a table', () => {
    expect(data.table('demo-codes').version).toBe(2);
    expect(data.versions('demo-codes')).toEqual([1, 2]);
  });

  it('reads a code as it was on the given day', () => {
    expect(data.lookup('demo-codes', 'X-1', '2025-06-30')?.label).toBe('old wording');
    expect(data.lookup('demo-codes', 'X-1', '2025-07-01')?.label).toBe('new wording');
    expect(data.lookup('demo-codes', 'X-2', '2025-06-30')).toBeUndefined();
    expect(data.lookup('demo-codes', 'X-2', '2025-07-01')?.label).toBe('new code');
  });

  it('refuses two entries of one code in force on the same day', () => {
    const overlapping = table(3, [entry('X-1', 'a', '1800-01-01', '2025-07-01'), entry('X-1', 'b', '2025-07-01', null)]);
    expect(() => ReferenceData.fromTables([overlapping])).toThrow('X-1 has overlapping validity periods');
  });

  it('refuses malformed dates and repeated versions', () => {
    expect(() => ReferenceData.fromTables([table(1, [entry('X-1', 'a', '2025-13-01', null)])])).toThrow('entries[0].validFrom');
    expect(() => ReferenceData.fromTables([table(1, [entry('X-1', 'a', '2025-01-02', '2025-01-01')])])).toThrow('entries[0].validTo');
    expect(() => ReferenceData.fromTables([v1, v1])).toThrow('demo-codes v1 is given twice');
  });
});
