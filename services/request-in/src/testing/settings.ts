import { DEFAULT_DEADLINE_RULES } from '@ecris/deadlines';
import { DISCLOSURE_RULES, parsePurposeCategories } from '../domain/disclosure-rules';
import type { RequestInSettings, ReplySerial } from '../domain/settings';
import responseTypes from '../domain/rules/response-types.json';

/** Purpose codes the tests use besides the fixture's P-00-001000 (the official table was not found). */
export const TEST_PURPOSE_CATEGORIES = {
  'P-00-002000': 'criminal-investigation',
  'P-00-003000': 'work-with-children',
  'P-00-004000': 'own-record',
  'P-00-005000': 'other-lawful-purpose',
} as const;

const MEMBER_STATES = new Set(['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'GB']);
const REFS: Record<string, string> = { GB: 'CO-00-826-GBR', FR: 'CO-00-250-FRA', DE: 'CO-00-276-DEU', ES: 'CO-00-724-ESP' };

/** Settings for unit tests of the deciders (the service builds the real ones from reference data). */
export function testSettings(overrides: Partial<RequestInSettings> = {}): RequestInSettings {
  return {
    us: 'GB',
    ukNationalityRefs: new Set(['CO-00-826-GBR']),
    countryRefOf: (iso2) => REFS[iso2],
    isMemberState: (code) => MEMBER_STATES.has(code),
    purposeCategories: parsePurposeCategories(JSON.stringify(TEST_PURPOSE_CATEGORIES)),
    disclosureRules: DISCLOSURE_RULES,
    deadlineRules: DEFAULT_DEADLINE_RULES,
    responseTypes,
    additionalInfoItems: ['IdentityNumber', 'IdentificationDocument', 'FormerName', 'MotherName', 'FatherName'],
    closeUnidentifiedOnDueDate: true,
    ...overrides,
  };
}

/** A serial that spells out the step, so tests can see which message is which. */
export const testSerial: ReplySerial = (step) => BigInt([...step].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) % 1_000_000_000);
