import type { RequestPurpose } from '@ecris/deadlines';
import { heldConviction, offence, sanction } from '../testing/held-convictions';
import { decidePurpose, disclose, type WithholdReason } from './disclosure';
import { DISCLOSURE_RULES, parseDisclosureRules, parsePurposeCategories } from './disclosure-rules';
import type { HeldConviction } from './held-conviction';

const CATEGORIES = parsePurposeCategories(
  JSON.stringify({
    'P-00-002000': 'criminal-investigation',
    'P-00-003000': 'work-with-children',
    'P-00-004000': 'own-record',
    'P-00-005000': 'other-lawful-purpose',
  }),
);
const CODE_OF: Record<RequestPurpose, string> = {
  'criminal-proceedings': 'P-00-001000',
  'criminal-investigation': 'P-00-002000',
  'work-with-children': 'P-00-003000',
  'own-record': 'P-00-004000',
  'other-lawful-purpose': 'P-00-005000',
};

describe('decidePurpose (R18)', () => {
  it.each([
    ['P-00-001000', true, { allowed: true, purpose: 'criminal-proceedings' }],
    ['P-00-001000', false, { allowed: true, purpose: 'criminal-proceedings' }],
    ['P-00-002000', false, { allowed: true, purpose: 'criminal-investigation' }],
    ['P-00-003000', false, { allowed: true, purpose: 'work-with-children' }],
    ['P-00-004000', true, { allowed: true, purpose: 'own-record' }],
    ['P-00-004000', false, { allowed: false, code: 'NOT_A_UK_NATIONAL', purpose: 'own-record' }],
    ['P-00-005000', true, { allowed: false, code: 'PURPOSE_NOT_ALLOWED', purpose: 'other-lawful-purpose' }],
    ['P-99-999999', true, { allowed: false, code: 'PURPOSE_NOT_RECOGNISED', purpose: null }],
  ])('%s, UK national %s -> %j', (code, ukNational, expected) => {
    const decision = decidePurpose(code, ukNational, CATEGORIES, DISCLOSURE_RULES);
    expect(decision).toMatchObject(expected);
    if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(20);
  });
});

/**
 * The disclosure table, case by case. Today is 2026-06-01; the person was born in 1980 (adult at
 * every conviction). "spent" convictions below became spent years ago; "unspent" ones are not yet.
 */
const TODAY = '2026-06-01';
const ukUnspent = heldConviction({ convictionId: 'uk-unspent', convictionDate: '2024-01-10', sanctions: [sanction({ kind: 'CUSTODY', duration: 'P2Y' })] });
const ukSpent = heldConviction({ convictionId: 'uk-spent', convictionDate: '2015-01-10', sanctions: [sanction({ kind: 'FINE' })] });
const ukSpentChildSexual = heldConviction({
  convictionId: 'uk-spent-child-sexual',
  convictionDate: '2010-01-10',
  offences: [offence({ childSexualOffence: true, ecrisCategoryRef: 'O-00-020100' })],
  sanctions: [sanction({ kind: 'CUSTODY', duration: 'P6M' })],
});
const ukDeleted = heldConviction({ convictionId: 'uk-deleted', deleted: true });
const foreign = (id: string, isTransmittable: HeldConviction['isTransmittable'], extra: Partial<HeldConviction> = {}) =>
  heldConviction({ convictionId: id, origin: 'FOREIGN', convictingState: 'FR', courtReference: null, ecrisConvictionId: 'FR-C-000000000000001', isTransmittable, sanctions: ukUnspent.sanctions, ...extra });
const foreignNo = foreign('fr-not-transmittable', 'No');
const foreignUnknown = foreign('fr-unknown', 'UNKNOWN');
const foreignYes = foreign('fr-transmittable', 'Yes');
const foreignDeleted = foreign('fr-deleted', 'Yes', { deleted: true });
const undetermined = heldConviction({ convictionId: 'uk-undetermined', convictionDate: '2012-01-10', sanctions: [sanction({ kind: 'OTHER' })] });
// A spent foreign child sexual offence the convicting state lets go on: disclosed for work with children.
const foreignSpentChildSexual = foreign('fr-spent-child-sexual', 'Yes', {
  convictionDate: '2010-01-10',
  offences: [offence({ childSexualOffence: true })],
  sanctions: [sanction({ kind: 'FINE' })],
});

const ALL = [ukSpentChildSexual, undetermined, ukSpent, foreignNo, foreignUnknown, foreignYes, foreignDeleted, foreignSpentChildSexual, ukUnspent, ukDeleted];

const D = undefined; // disclosed
const TABLE: [HeldConviction, Record<'criminal-proceedings' | 'criminal-investigation' | 'work-with-children' | 'own-record', WithholdReason | undefined>][] = [
  [ukUnspent, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': D, 'own-record': D }],
  [ukSpent, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': 'SPENT', 'own-record': 'SPENT' }],
  [ukSpentChildSexual, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': D, 'own-record': 'SPENT' }],
  [ukDeleted, { 'criminal-proceedings': 'DELETED', 'criminal-investigation': 'DELETED', 'work-with-children': 'DELETED', 'own-record': 'DELETED' }],
  [foreignNo, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': 'NOT_TRANSMITTABLE', 'own-record': 'NOT_TRANSMITTABLE' }],
  [foreignUnknown, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': 'NOT_TRANSMITTABLE', 'own-record': 'NOT_TRANSMITTABLE' }],
  [foreignYes, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': D, 'own-record': D }],
  [foreignDeleted, { 'criminal-proceedings': 'DELETED', 'criminal-investigation': 'DELETED', 'work-with-children': 'DELETED', 'own-record': 'DELETED' }],
  [foreignSpentChildSexual, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': D, 'own-record': 'SPENT' }],
  [undetermined, { 'criminal-proceedings': D, 'criminal-investigation': D, 'work-with-children': D, 'own-record': D }],
];

describe.each(['criminal-proceedings', 'criminal-investigation', 'work-with-children', 'own-record'] as const)('disclose for %s', (purpose) => {
  const decision = decidePurpose(CODE_OF[purpose], true, CATEGORIES, DISCLOSURE_RULES);
  if (!decision.allowed) throw new Error('test setup: purpose must be allowed');
  const result = disclose({ decision, rules: DISCLOSURE_RULES, convictions: ALL, birthDate: { year: 1980, month: 6, day: 15 }, today: TODAY });

  it.each(TABLE.map(([conviction, expected]) => [conviction.convictionId, expected[purpose] ?? 'disclosed'] as const))(
    '%s -> %s',
    (convictionId, expected) => {
      const withheld = result.withheld.find((w) => w.convictionId === convictionId);
      const disclosed = result.disclosed.some((c) => c.convictionId === convictionId);
      expect(withheld?.reason ?? (disclosed ? 'disclosed' : 'missing')).toBe(expected);
    },
  );
});

describe('the rules table itself', () => {
  it('treats a conviction whose spent status cannot be told as spent when configured so', () => {
    const rules = { ...DISCLOSURE_RULES, spentStatusUndeterminedTreatedAs: 'spent' as const };
    const decision = decidePurpose('P-00-003000', true, CATEGORIES, rules);
    if (!decision.allowed) throw new Error('test setup');
    const result = disclose({ decision, rules, convictions: [undetermined], birthDate: { year: 1980, month: null, day: null }, today: TODAY });
    expect(result.withheld).toEqual([{ convictionId: 'uk-undetermined', reason: 'SPENT' }]);
  });

  it('lets a foreign conviction with IsTransmittable UNKNOWN go on when configured so', () => {
    const rules = { ...DISCLOSURE_RULES, isTransmittableUnknownTreatedAs: 'Yes' as const };
    const decision = decidePurpose('P-00-003000', true, CATEGORIES, rules);
    if (!decision.allowed) throw new Error('test setup');
    const result = disclose({ decision, rules, convictions: [foreignUnknown], birthDate: { year: 1980, month: null, day: null }, today: TODAY });
    expect(result.disclosed.map((c) => c.convictionId)).toEqual(['fr-unknown']);
  });

  it.each([
    ['a purpose without a row', (r: Record<string, unknown>) => ({ ...r, purposes: (r['purposes'] as { purpose: string }[]).filter((p) => p.purpose !== 'own-record') }), /own-record/],
    ['a denial without a reason', (r: Record<string, unknown>) => ({ ...r, purposes: (r['purposes'] as object[]).map((p) => ({ ...p, answer: false, denialReason: '' })) }), /needs a reason/],
    ['an unknown spent handling', (r: Record<string, unknown>) => ({ ...r, purposes: (r['purposes'] as object[]).map((p) => ({ ...p, spentConvictions: 'sometimes' })) }), /spentConvictions/],
    ['a bad UNKNOWN treatment', (r: Record<string, unknown>) => ({ ...r, isTransmittableUnknownTreatedAs: 'Maybe' }), /isTransmittableUnknown/],
  ])('refuses %s', (_name, breakIt, problem) => {
    expect(() => parseDisclosureRules(breakIt(JSON.parse(JSON.stringify(DISCLOSURE_RULES))))).toThrow(problem);
  });

  it('refuses a purpose map with a malformed code or an unknown purpose', () => {
    expect(() => parsePurposeCategories('{"P-1":"criminal-proceedings"}')).toThrow(/P-NN-NNNNNN/);
    expect(() => parsePurposeCategories('{"P-00-009000":"curiosity"}')).toThrow(/curiosity/);
  });
});
