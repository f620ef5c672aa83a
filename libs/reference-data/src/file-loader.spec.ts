import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_REFERENCE_DATA_DIR, loadReferenceData, referenceDataDirs, ReloadableReferenceData } from './file-loader';
import type { ReferenceTable } from './table';

describe('loading reference data from folders at run time', () => {
  let operatorDir: string;
  beforeEach(() => {
    operatorDir = mkdtempSync(join(tmpdir(), 'reference-data-'));
  });
  afterEach(() => rmSync(operatorDir, { recursive: true, force: true }));

  const bundledTable = (name: string) =>
    JSON.parse(readFileSync(join(BUNDLED_REFERENCE_DATA_DIR, `${name}.v1.json`), 'utf8')) as ReferenceTable;

  /** Version 2 of the offence categories: 0911 00 gets an English label from 2026-01-01. */
  function offenceCategoriesV2(): ReferenceTable {
    const v1 = bundledTable('offence-categories');
    const entries = v1.entries.flatMap((e) =>
      e.code === '0911 00'
        ? [{ ...e, validTo: '2025-12-31' }, { ...e, label: 'Infringement of private life', labelLang: 'en', validFrom: '2026-01-01' }]
        : [e],
    );
    return { ...v1, version: 2, entries };
  }

  it('loads a newer version dropped into a folder, without a restart', () => {
    const store = new ReloadableReferenceData([BUNDLED_REFERENCE_DATA_DIR, operatorDir]);
    expect(store.current.table('offence-categories').version).toBe(1);

    writeFileSync(join(operatorDir, 'offence-categories.v2.json'), JSON.stringify(offenceCategoriesV2()));
    const result = store.reload();

    expect(result).toMatchObject({ reloaded: true, versions: expect.objectContaining({ 'offence-categories': 2 }) });
    expect(store.current.lookup('offence-categories', '0911 00', '2026-01-01')?.label).toBe('Infringement of private life');
    // A message dated before the change keeps the code's old meaning.
    expect(store.current.lookup('offence-categories', 'O-00-091100', '2025-06-01')?.labelLang).toBe('bg');
  });

  it('keeps the tables in use when a new file is broken, and says why', () => {
    const store = new ReloadableReferenceData([BUNDLED_REFERENCE_DATA_DIR, operatorDir]);
    const before = store.current;
    writeFileSync(join(operatorDir, 'offence-categories.v2.json'), '{"table": "offence-categories", "version": 2, "entr');

    const result = store.reload();

    expect(result.reloaded).toBe(false);
    expect(result.error).toContain('offence-categories.v2.json is not valid JSON');
    expect(store.current).toBe(before);
  });

  it('refuses a file whose content is not the table and version its name says', () => {
    cpSync(join(BUNDLED_REFERENCE_DATA_DIR, 'languages.v1.json'), join(operatorDir, 'languages.v2.json'));
    expect(() => loadReferenceData([operatorDir])).toThrow('holds languages v1, not what its name says');
  });

  it('adds the operator folder from ECRIS_REFERENCE_DATA_DIR after the bundled one', () => {
    expect(referenceDataDirs({})).toEqual([BUNDLED_REFERENCE_DATA_DIR]);
    expect(referenceDataDirs({ ECRIS_REFERENCE_DATA_DIR: operatorDir })).toEqual([BUNDLED_REFERENCE_DATA_DIR, operatorDir]);
  });
});
