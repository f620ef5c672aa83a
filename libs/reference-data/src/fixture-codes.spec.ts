/**
 * The golden fixtures in schemas/ use only codes the reference data has (ecris.md §4: test data
 * uses only codes present in the files), except for the tables of which no value was ever found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceData } from './file-loader';

const SCHEMAS_DIR = join(__dirname, '..', '..', '..', 'schemas');

/** Code prefix -> table; null for tables with no known value (fixtures use format-valid placeholders). */
const TABLE_OF: [RegExp, string | null][] = [
  [/^CO-[0-9]{2}-[0-9]{3}-[A-Z]{3}$/, 'countries'],
  [/^CX-[0-9]{2}-[0-9]{3}-[A-Z]{3}$/, 'currencies'],
  [/^O-[0-9]{2}-[0-9]{6}$/, 'offence-categories'],
  [/^S-[0-9]{2}-[0-9]{6}$/, 'penalty-categories'],
  [/^N-[0-9]{2}-[0A-Z]$/, 'sanction-natures'],
  [/^LC-[0-9]{2}-[0A-Z]$/, 'offence-completion-levels'],
  [/^LP-[0-9]{2}-[0A-Z]$/, 'offence-participation-levels'],
  [/^ID-[0-9]{2}-[0-9]{3}$/, 'identification-document-categories'],
  [/^DCH-[0-9]{2}-[A-Z]$/, 'decision-change-types'],
  [/^RRT-[0-9]{2}-[0-9]{2}$/, 'request-response-types'],
  [/^NRT-[0-9]{2}-[0-9]{2}$/, 'notification-response-types'],
  [/^SSR-[0-9]{2}-[0-9]{2}$/, 'sanction-relation-types'],
  [/^SAT-[0-9]{2}-[A-Z]$/, 'sanction-alternative-types'],
  [/^(P-[0-9]{2}-[0-9]{6}|RAT-[0-9]{2}-[A-Z]|ART-[0-9]{2}-[0-9]{2})$/, null],
];

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return dir.endsWith('fixtures') && entry.endsWith('.json') ? [path] : [];
  });
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('codes in the golden fixtures', () => {
  const data = loadReferenceData();
  const files = fixtureFiles(SCHEMAS_DIR);

  it('are all in the reference data', () => {
    expect(files.length).toBeGreaterThan(20);
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const value of strings(JSON.parse(readFileSync(file, 'utf8')))) {
        const table = TABLE_OF.find(([pattern]) => pattern.test(value))?.[1];
        if (!table) continue;
        checked += 1;
        if (!data.lookup(table, value, '2025-03-04')) missing.push(`${value} (${table})`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
