/**
 * A reference table as stored in data/<table>.v<N>.json: one version of one ECRIS code table, with
 * where its rows came from and how complete it is. Entries are effective-dated, like the ECRIS
 * CommonReferenceTable (ValidFrom, ValidTo per entry), so a message is read with the codes in force
 * on its own date even after a newer table version is loaded (ecris.md §6 scenario 27).
 */
export type Completeness = 'complete' | 'partial';

export type AttributeValue = string | number | boolean | null;

export interface ReferenceEntry {
  /** The key: the code as messages carry it (e.g. `RRT-00-00`, `GB`, or `0909 00` for offence categories). */
  readonly code: string;
  /** A second key where the table has one: the ECRIS technical id (`O-00-090900` for category `0909 00`). */
  readonly technicalId?: string;
  /** Null when no source gave one: show the code and flag it, never guess a label. */
  readonly label: string | null;
  readonly labelLang: string | null;
  /** True only for labels read in an official ECRIS source. */
  readonly labelIsOfficial: boolean;
  /** First day in force, YYYY-MM-DD. */
  readonly validFrom: string;
  /** Last day in force, YYYY-MM-DD; null while open-ended. */
  readonly validTo: string | null;
  /** Anything else the source gave (flags, ISO codes, provenance notes). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface ReferenceTable {
  readonly table: string;
  readonly version: number;
  readonly title: string;
  /** `partial` tables lack rows that exist in the official table: an unknown code is not an error there. */
  readonly completeness: Completeness;
  readonly completenessNote: string;
  readonly provenance: { readonly derivedFrom: string; readonly sources: readonly string[]; readonly caveats?: readonly string[] };
  readonly entries: readonly ReferenceEntry[];
}

const DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Is the entry in force on that day (inclusive at both ends)? */
export function inForce(entry: ReferenceEntry, onDate: string): boolean {
  return entry.validFrom <= onDate && (entry.validTo === null || onDate <= entry.validTo);
}

/** What is wrong with a parsed table file; empty when it can be loaded. */
export function tableProblems(value: unknown): string[] {
  const table = value as Partial<ReferenceTable> | null;
  if (table === null || typeof table !== 'object') return ['not a JSON object'];
  const problems: string[] = [];
  if (typeof table.table !== 'string' || !/^[a-z][a-z-]*$/.test(table.table)) problems.push('table: a lower-case name is required');
  if (!Number.isInteger(table.version) || (table.version as number) < 1) problems.push('version: a positive whole number is required');
  if (table.completeness !== 'complete' && table.completeness !== 'partial') problems.push('completeness: must be complete or partial');
  if (!Array.isArray(table.entries)) return [...problems, 'entries: an array is required'];
  table.entries.forEach((entry, i) => {
    if (typeof entry?.code !== 'string' || entry.code === '') problems.push(`entries[${i}].code: required`);
    if (!isDay(entry?.validFrom)) problems.push(`entries[${i}].validFrom: a date YYYY-MM-DD is required`);
    if (entry?.validTo !== null && !(isDay(entry?.validTo) && entry.validTo >= entry.validFrom)) {
      problems.push(`entries[${i}].validTo: null or a date YYYY-MM-DD not before validFrom`);
    }
  });
  // One code, one meaning on any day: two entries of a code must not both be in force at once.
  const byCode = new Map<string, ReferenceEntry[]>();
  for (const entry of table.entries) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
  for (const [code, entries] of byCode) {
    const sorted = [...entries].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      if (previous.validTo === null || previous.validTo >= sorted[i].validFrom) {
        problems.push(`entries: ${code} has overlapping validity periods`);
      }
    }
  }
  return problems;
}
