import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecrisSenderCountry, iso2OfCountryRef, type ReferenceData } from '@ecris/reference-data';
import { DEFAULT_MATCH_THRESHOLDS, type MatchThresholds } from '@ecris/register';
import type { ChildSexualOffences, RecordableEquivalents, RegisterTables } from '../domain/tables';
import type { RegisterSettings } from '../ports';

/** The tables shipped with the service; operators point the env settings at their own files. */
export const DATA_DIR = join(__dirname, '..', '..', 'data');

interface RecordableFile {
  rows: { category: string; recordable: boolean }[];
}

interface ChildSexualFile {
  ukOffenceCodes: string[];
  ukStatutePatterns: { pattern: string }[];
  ecrisCategories: string[];
}

const CATEGORY_CODE = /^[0-9]{4} [0-9]{2}$/;

export function loadRecordableEquivalents(file: string): RecordableEquivalents {
  const { rows } = JSON.parse(readFileSync(file, 'utf8')) as RecordableFile;
  const byCategory = new Map<string, boolean>();
  for (const row of rows) {
    if (!CATEGORY_CODE.test(row.category) || typeof row.recordable !== 'boolean') {
      throw new Error(`${file}: every row needs a category "NNNN NN" and recordable true/false`);
    }
    if (byCategory.has(row.category)) throw new Error(`${file}: category ${row.category} appears twice`);
    byCategory.set(row.category, row.recordable);
  }
  return { byCategory };
}

export function loadChildSexualOffences(file: string): ChildSexualOffences {
  const data = JSON.parse(readFileSync(file, 'utf8')) as ChildSexualFile;
  if (data.ecrisCategories.some((code) => !CATEGORY_CODE.test(code))) throw new Error(`${file}: ecrisCategories must be "NNNN NN" codes`);
  return {
    ukOffenceCodes: new Set(data.ukOffenceCodes.map((code) => code.trim().toUpperCase())),
    ukStatutePatterns: data.ukStatutePatterns.map(({ pattern }) => new RegExp(pattern, 'i')),
    ecrisCategories: new Set(data.ecrisCategories),
  };
}

/** REGISTER_MATCH_ACCEPT / _REVIEW / _MARGIN, each 0..1, with review <= accept. */
export function thresholdsFrom(env: Readonly<Record<string, string | undefined>>): MatchThresholds {
  const read = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${name} must be a number between 0 and 1`);
    return value;
  };
  const thresholds = {
    accept: read('REGISTER_MATCH_ACCEPT', DEFAULT_MATCH_THRESHOLDS.accept),
    review: read('REGISTER_MATCH_REVIEW', DEFAULT_MATCH_THRESHOLDS.review),
    margin: read('REGISTER_MATCH_MARGIN', DEFAULT_MATCH_THRESHOLDS.margin),
  };
  if (thresholds.review > thresholds.accept) throw new Error('REGISTER_MATCH_REVIEW must not exceed REGISTER_MATCH_ACCEPT');
  return thresholds;
}

export function registerSettingsFrom(data: ReferenceData, env: Readonly<Record<string, string | undefined>>): RegisterSettings {
  const tables: RegisterTables = {
    recordable: loadRecordableEquivalents(env.REGISTER_RECORDABLE_EQUIVALENTS_FILE || join(DATA_DIR, 'recordable-equivalents.json')),
    childSexual: loadChildSexualOffences(env.REGISTER_CHILD_SEXUAL_OFFENCES_FILE || join(DATA_DIR, 'child-sexual-offences.json')),
  };
  return {
    tables,
    thresholds: thresholdsFrom(env),
    ourStateOn: (day) => ecrisSenderCountry(env, data, day),
    countryOfOn: (day) => (ref) => iso2OfCountryRef(data, ref, day),
  };
}

/** The day a message is read on: the first ten characters of an ISO instant, when they are a date. */
export function dayOf(...instants: (string | null | undefined)[]): string {
  for (const instant of instants) {
    const day = instant?.slice(0, 10);
    if (day && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) && !Number.isNaN(Date.parse(day))) return day;
  }
  return new Date(0).toISOString().slice(0, 10);
}
