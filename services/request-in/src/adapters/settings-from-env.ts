import type { AdditionalInformationItem } from '@ecris/contracts';
import { DEFAULT_DEADLINE_RULES, parseDeadlineRules } from '@ecris/deadlines';
import { countryRefOf, ecrisSenderCountry, isMemberStateWireCode, iso2OfCountryRef, type ReferenceData } from '@ecris/reference-data';
import { DEFAULT_MATCH_THRESHOLDS, type MatchThresholds } from '@ecris/register';
import { DISCLOSURE_RULES, parsePurposeCategories } from '../domain/disclosure-rules';
import type { RequestInSettings } from '../domain/settings';
import responseTypes from '../domain/rules/response-types.json';
import type { Iso2Of } from './person-query';

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_ADDITIONAL_INFO: AdditionalInformationItem[] = ['IdentityNumber', 'IdentificationDocument', 'FormerName', 'MotherName', 'FatherName'];

function number(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got '${raw}'`);
  return value;
}

export interface RequestInConfig {
  readonly settings: RequestInSettings;
  readonly iso2Of: Iso2Of;
  readonly thresholds: MatchThresholds;
  readonly maxCandidates: number;
  /** How often the deadline check runs (ms); 0 turns the timer off (tests call the check themselves). */
  readonly deadlineCheckIntervalMs: number;
}

/**
 * request-in's configuration: reference data for codes and countries, the purpose map, deadline
 * overrides and matcher thresholds from the environment (README "Configuration").
 */
export function requestInConfigFrom(data: ReferenceData, env: Env, today: string): RequestInConfig {
  const us = ecrisSenderCountry(env, data, today);
  const ukRef = countryRefOf(data, us, today);
  if (!ukRef) throw new Error(`no country reference for our own country ${us}`);
  const overrides = env['REQUEST_IN_DEADLINE_RULES'] ? parseDeadlineRules(JSON.parse(env['REQUEST_IN_DEADLINE_RULES'])) : [];
  for (const code of Object.values(responseTypes).filter((v) => v.startsWith('RRT-'))) {
    if (!data.lookup('request-response-types', code, today)) throw new Error(`response type ${code} is not in the reference data`);
  }
  const items = env['REQUEST_IN_ADDITIONAL_INFO_ITEMS']?.split(',').map((s) => s.trim()).filter(Boolean) as AdditionalInformationItem[] | undefined;
  return {
    settings: {
      us,
      ukNationalityRefs: new Set([ukRef]),
      countryRefOf: (iso2) => countryRefOf(data, iso2, today),
      isMemberState: isMemberStateWireCode(data, today),
      purposeCategories: parsePurposeCategories(env['REQUEST_IN_PURPOSE_CATEGORIES']),
      disclosureRules: DISCLOSURE_RULES,
      deadlineRules: DEFAULT_DEADLINE_RULES.withOverrides(overrides),
      responseTypes,
      additionalInfoItems: items && items.length > 0 ? items : DEFAULT_ADDITIONAL_INFO,
      closeUnidentifiedOnDueDate: env['REQUEST_IN_CLOSE_UNIDENTIFIED_ON_DUE_DATE'] !== 'false',
    },
    iso2Of: (ref) => iso2OfCountryRef(data, ref, today),
    thresholds: {
      accept: number(env, 'REQUEST_IN_MATCH_ACCEPT', DEFAULT_MATCH_THRESHOLDS.accept),
      review: number(env, 'REQUEST_IN_MATCH_REVIEW', DEFAULT_MATCH_THRESHOLDS.review),
      margin: number(env, 'REQUEST_IN_MATCH_MARGIN', DEFAULT_MATCH_THRESHOLDS.margin),
    },
    maxCandidates: number(env, 'REQUEST_IN_MAX_CANDIDATES', 200),
    deadlineCheckIntervalMs: number(env, 'REQUEST_IN_DEADLINE_CHECK_INTERVAL_MS', 60_000),
  };
}
