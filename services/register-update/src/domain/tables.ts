/**
 * The two configurable tables register-update decides with, as plain data (the adapter reads the JSON
 * files in data/). Pure lookups; nothing here reads a file.
 */
import type { RecordableEquivalent } from '@ecris/register';

/** Annex A category code (`NNNN NN`) -> does E&W have a recordable equivalent offence? */
export interface RecordableEquivalents {
  readonly byCategory: ReadonlyMap<string, boolean>;
}

export interface ChildSexualOffences {
  readonly ukOffenceCodes: ReadonlySet<string>;
  readonly ukStatutePatterns: readonly RegExp[];
  /** Annex A category codes (`NNNN NN`). */
  readonly ecrisCategories: ReadonlySet<string>;
}

export interface RegisterTables {
  readonly recordable: RecordableEquivalents;
  readonly childSexual: ChildSexualOffences;
}

const OFFENCE_CATEGORY_REF = /^O-[0-9]{2}-([0-9]{4})([0-9]{2})$/;

/**
 * `O-00-020200` -> `0202 00`: the reference's last six digits, split 4 + 2 (the mapping shared with
 * @ecris/ecris-model's offenceCategoryCodeOf, an inference from the XSD patterns and examples).
 */
export function offenceCategoryCode(ref: string | null): string | undefined {
  const match = ref ? OFFENCE_CATEGORY_REF.exec(ref) : null;
  return match ? `${match[1]} ${match[2]}` : undefined;
}

/**
 * A foreign offence goes on the register proper only where the table says a recordable equivalent
 * exists. No row (or no readable category) is UNKNOWN: kept as received, never guessed onto the register.
 */
export function recordableEquivalentOf(table: RecordableEquivalents, categoryRef: string | null): Exclude<RecordableEquivalent, 'NOT_APPLICABLE'> {
  const code = offenceCategoryCode(categoryRef);
  const row = code === undefined ? undefined : table.byCategory.get(code);
  if (row === undefined) return 'UNKNOWN';
  return row ? 'YES' : 'NO';
}

export function isChildSexualUkOffence(table: ChildSexualOffences, offenceCode: string, statute: string): boolean {
  return table.ukOffenceCodes.has(offenceCode.trim().toUpperCase()) || table.ukStatutePatterns.some((pattern) => pattern.test(statute));
}

export function isChildSexualEcrisOffence(table: ChildSexualOffences, categoryRef: string | null): boolean {
  const code = offenceCategoryCode(categoryRef);
  return code !== undefined && table.ecrisCategories.has(code);
}
