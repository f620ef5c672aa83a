/**
 * request-out's own settings, read once at start-up: a bad file stops the service with every problem
 * listed, rather than refusing requests one at a time later.
 *
 * REQUEST_OUT_AGENCIES_FILE      agencies and their API key hashes (default config/agencies.json)
 * REQUEST_OUT_POLICY_FILE        purposes, legal basis, ECRIS code placeholders (default config/policy.json)
 * REQUEST_OUT_DEADLINE_RULES_FILE  optional: rows added to the shipped deadline rules (per state, per purpose)
 * REQUEST_OUT_OVERDUE_CHECK_MS   how often the overdue check runs (default 60000)
 * ECRIS_SENDER_COUNTRY, ECRIS_REFERENCE_DATA_DIR  as for every service
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEADLINE_RULES, parseDeadlineRules, type DeadlineRules } from '@ecris/deadlines';
import { ecrisSenderCountry, loadReferenceData, referenceDataDirs, type ReferenceData } from '@ecris/reference-data';
import { parseAgencies, parsePolicy, type Agency, type RequestOutPolicy } from '../domain/policy';

export const CONFIG_DIR = join(__dirname, '..', '..', 'config');

export interface RequestOutSettings {
  readonly agencies: readonly Agency[];
  readonly policy: RequestOutPolicy;
  readonly deadlineRules: DeadlineRules;
  readonly referenceData: ReferenceData;
  readonly senderCountry: string;
  readonly overdueCheckEveryMs: number;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`request-out: cannot read ${file} as JSON`, { cause });
  }
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env, today: string = new Date().toISOString().slice(0, 10)): RequestOutSettings {
  const agenciesFile = env.REQUEST_OUT_AGENCIES_FILE || join(CONFIG_DIR, 'agencies.json');
  const policyFile = env.REQUEST_OUT_POLICY_FILE || join(CONFIG_DIR, 'policy.json');
  const rulesFile = env.REQUEST_OUT_DEADLINE_RULES_FILE;
  const referenceData = loadReferenceData(referenceDataDirs(env));
  const every = Number(env.REQUEST_OUT_OVERDUE_CHECK_MS ?? 60_000);
  if (!Number.isInteger(every) || every < 10) throw new Error('REQUEST_OUT_OVERDUE_CHECK_MS must be a whole number of milliseconds >= 10');
  return {
    agencies: parseAgencies(readJson(agenciesFile), agenciesFile),
    policy: parsePolicy(readJson(policyFile), policyFile),
    deadlineRules: rulesFile ? DEFAULT_DEADLINE_RULES.withOverrides(parseDeadlineRules(readJson(rulesFile))) : DEFAULT_DEADLINE_RULES,
    referenceData,
    senderCountry: ecrisSenderCountry(env, referenceData, today),
    overdueCheckEveryMs: every,
  };
}
