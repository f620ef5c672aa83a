import { REQUEST_PURPOSES, type RequestPurpose } from '@ecris/deadlines';
import rulesFile from './rules/disclosure-rules.json';
import categoriesFile from './rules/purpose-categories.json';

export type SpentHandling = 'disclose' | 'child-sexual-offences-only' | 'withhold';

export type PurposeRule =
  | {
      readonly purpose: RequestPurpose;
      readonly answer: true;
      readonly ukNationalsOnly: boolean;
      readonly spentConvictions: SpentHandling;
      readonly foreignNotTransmittable: 'disclose' | 'withhold';
      readonly source: string;
    }
  | { readonly purpose: RequestPurpose; readonly answer: false; readonly denialReason: string; readonly source: string };

export interface DisclosureRules {
  readonly purposes: readonly PurposeRule[];
  readonly unrecognisedPurpose: { readonly denialReason: string };
  readonly notAUkNational: { readonly denialReason: string };
  /** IsTransmittable = UNKNOWN is read as this (R23: only a clear Yes lets a conviction go on for other purposes). */
  readonly isTransmittableUnknownTreatedAs: 'Yes' | 'No';
  /** A conviction whose spent status cannot be worked out from the register is treated as this. */
  readonly spentStatusUndeterminedTreatedAs: 'spent' | 'unspent';
}

/** P-code -> purpose class. */
export type PurposeCategories = Readonly<Record<string, RequestPurpose>>;

export class InvalidDisclosureRulesError extends Error {}

/** Checks a rules table (the shipped file, or a test's) and returns it typed: one row per purpose, no gaps. */
export function parseDisclosureRules(raw: unknown): DisclosureRules {
  const rules = raw as DisclosureRules;
  const problems: string[] = [];
  const rows = Array.isArray(rules?.purposes) ? rules.purposes : [];
  for (const purpose of REQUEST_PURPOSES) {
    const matching = rows.filter((row) => row.purpose === purpose);
    if (matching.length !== 1) problems.push(`purpose '${purpose}' must have exactly one row (has ${matching.length})`);
  }
  for (const row of rows) {
    if (!REQUEST_PURPOSES.includes(row.purpose)) problems.push(`unknown purpose '${String(row.purpose)}'`);
    if (!row.source) problems.push(`row '${row.purpose}' must say where it comes from (source)`);
    if (row.answer === true) {
      if (!['disclose', 'child-sexual-offences-only', 'withhold'].includes(row.spentConvictions)) problems.push(`row '${row.purpose}': bad spentConvictions`);
      if (!['disclose', 'withhold'].includes(row.foreignNotTransmittable)) problems.push(`row '${row.purpose}': bad foreignNotTransmittable`);
      if (typeof row.ukNationalsOnly !== 'boolean') problems.push(`row '${row.purpose}': ukNationalsOnly must be true or false`);
    } else if (row.answer === false) {
      if (!row.denialReason) problems.push(`row '${row.purpose}': a denial needs a reason`);
    } else {
      problems.push(`row '${String(row.purpose)}': answer must be true or false`);
    }
  }
  if (!rules?.unrecognisedPurpose?.denialReason) problems.push('unrecognisedPurpose.denialReason is required');
  if (!rules?.notAUkNational?.denialReason) problems.push('notAUkNational.denialReason is required');
  if (!['Yes', 'No'].includes(rules?.isTransmittableUnknownTreatedAs)) problems.push('isTransmittableUnknownTreatedAs must be Yes or No');
  if (!['spent', 'unspent'].includes(rules?.spentStatusUndeterminedTreatedAs)) problems.push('spentStatusUndeterminedTreatedAs must be spent or unspent');
  if (problems.length > 0) throw new InvalidDisclosureRulesError(`invalid disclosure rules: ${problems.join('; ')}`);
  return rules;
}

const PURPOSE_CODE = /^P-[0-9]{2}-[0-9]{6}$/;

/** The shipped P-code map with `overrides` (JSON object text, from configuration) merged over it. */
export function parsePurposeCategories(overrides?: string): PurposeCategories {
  const extra = overrides ? (JSON.parse(overrides) as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...categoriesFile.categories, ...extra };
  for (const [code, purpose] of Object.entries(merged)) {
    if (!PURPOSE_CODE.test(code)) throw new InvalidDisclosureRulesError(`purpose category '${code}' is not a P-NN-NNNNNN reference`);
    if (!REQUEST_PURPOSES.includes(purpose as RequestPurpose)) {
      throw new InvalidDisclosureRulesError(`purpose category '${code}' maps to '${String(purpose)}', not one of ${REQUEST_PURPOSES.join(', ')}`);
    }
  }
  return merged as PurposeCategories;
}

export const DISCLOSURE_RULES = parseDisclosureRules(rulesFile);
