/**
 * Settings from the environment, and the tables in data/. Read once when the service starts; a
 * missing or invalid table stops the start (a service that cannot classify must not run).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { YesNoUnknown } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import { ecrisSenderCountry, loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { Classifier, type OffenceTable, type SentenceTable } from '../domain/classification';
import { DEFAULT_RESPONSE_TYPES } from '../domain/decide-answers';
import type { NotificationOutSettings } from '../ports';

export const BUNDLED_CLASSIFICATION_DIR = join(__dirname, '..', '..', 'data');

const YES_NO_UNKNOWN: readonly YesNoUnknown[] = ['Yes', 'No', 'UNKNOWN'];
const ART = /^ART-[0-9]{2}-[0-9]{2}$/;

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new Error(`notification-out: cannot read ${path}`, { cause });
  }
}

function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function artCode(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  if (!ART.test(value)) throw new Error(`${name} must be an additional-info response type ART-NN-NN`);
  return value;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): NotificationOutSettings {
  const reference = loadReferenceData(referenceDataDirs(env));
  const dir = env.NOTIFICATION_OUT_CLASSIFICATION_DIR?.trim() || BUNDLED_CLASSIFICATION_DIR;
  const classifier = Classifier.fromTables(
    readJson<OffenceTable>(join(dir, 'uk-offence-categories.json')),
    readJson<SentenceTable>(join(dir, 'uk-sentence-categories.json')),
  );
  const lockTimeoutMs = Number(env.NOTIFICATION_OUT_LOCK_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(lockTimeoutMs) || lockTimeoutMs < 1) throw new Error('NOTIFICATION_OUT_LOCK_TIMEOUT_MS must be a whole number of milliseconds');
  return {
    sender: ecrisSenderCountry(env, reference, ukDateOf(now)),
    reference,
    classifier,
    isTransmittable: choice(env, 'NOTIFICATION_OUT_IS_TRANSMITTABLE', YES_NO_UNKNOWN, 'UNKNOWN'),
    responseTypes: {
      available: artCode(env, 'NOTIFICATION_OUT_ART_AVAILABLE', DEFAULT_RESPONSE_TYPES.available),
      notAvailable: artCode(env, 'NOTIFICATION_OUT_ART_NOT_AVAILABLE', DEFAULT_RESPONSE_TYPES.notAvailable),
    },
    lockTimeoutMs,
  };
}
