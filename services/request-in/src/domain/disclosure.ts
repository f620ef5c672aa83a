import type { IsoDate, RequestPurpose } from '@ecris/deadlines';
import type { DisclosureRules, PurposeCategories, PurposeRule } from './disclosure-rules';
import type { HeldConviction, PartialBirthDate } from './held-conviction';
import { spentFromAll, spentStatusOn, REHABILITATION_PERIODS, type RehabilitationTable, type SpentFrom } from './rehabilitation';

export type PurposeDecision =
  | { readonly allowed: true; readonly purpose: RequestPurpose; readonly rule: Extract<PurposeRule, { answer: true }> }
  | {
      readonly allowed: false;
      /** Machine-readable, for logs and metrics. */
      readonly code: 'PURPOSE_NOT_RECOGNISED' | 'PURPOSE_NOT_ALLOWED' | 'NOT_A_UK_NATIONAL';
      readonly purpose: RequestPurpose | null;
      /** Sent to the requesting state in the denial's remarks. */
      readonly reason: string;
    };

/** May the UK answer a request with this purpose category at all (R18)? */
export function decidePurpose(
  purposeCategoryRef: string,
  isUkNational: boolean,
  categories: PurposeCategories,
  rules: DisclosureRules,
): PurposeDecision {
  const purpose = categories[purposeCategoryRef];
  if (!purpose) return { allowed: false, code: 'PURPOSE_NOT_RECOGNISED', purpose: null, reason: rules.unrecognisedPurpose.denialReason };
  const rule = rules.purposes.find((row) => row.purpose === purpose)!;
  if (!rule.answer) return { allowed: false, code: 'PURPOSE_NOT_ALLOWED', purpose, reason: rule.denialReason };
  if (rule.ukNationalsOnly && !isUkNational) {
    return { allowed: false, code: 'NOT_A_UK_NATIONAL', purpose, reason: rules.notAUkNational.denialReason };
  }
  return { allowed: true, purpose, rule };
}

export type WithholdReason = 'DELETED' | 'SPENT' | 'NOT_TRANSMITTABLE';

export interface Disclosure {
  /** Oldest first, as the register gives them. */
  readonly disclosed: readonly HeldConviction[];
  /** Never sent anywhere: for our metrics and audit only. */
  readonly withheld: readonly { readonly convictionId: string; readonly reason: WithholdReason }[];
}

export interface DisclosureInput {
  readonly decision: Extract<PurposeDecision, { allowed: true }>;
  readonly rules: DisclosureRules;
  readonly convictions: readonly HeldConviction[];
  /** The person's birth date as the register holds it (age at conviction decides youth periods). */
  readonly birthDate: PartialBirthDate;
  /** The UK date of the answer: spent status is a matter of the day asked. */
  readonly today: IsoDate;
  readonly rehabilitation?: RehabilitationTable;
}

/**
 * Which held convictions go into the answer (R7, R19, R20, R22, R23): UK convictions and retained
 * foreign ones, never a deleted one; a spent one only where the purpose row allows it; a foreign one
 * the convicting state marked not transmittable only where the row allows it.
 */
export function disclose(input: DisclosureInput): Disclosure {
  const { rule } = input.decision;
  const spentFrom = spentFromAll(input.convictions, input.birthDate, input.rehabilitation ?? REHABILITATION_PERIODS);
  const disclosed: HeldConviction[] = [];
  const withheld: { convictionId: string; reason: WithholdReason }[] = [];

  for (const conviction of input.convictions) {
    const reason = withholdReason(conviction, spentFrom.get(conviction.convictionId), input, rule);
    if (reason) withheld.push({ convictionId: conviction.convictionId, reason });
    else disclosed.push(conviction);
  }
  return { disclosed, withheld };
}

function withholdReason(
  conviction: HeldConviction,
  spentFrom: SpentFrom | undefined,
  input: DisclosureInput,
  rule: Extract<PurposeRule, { answer: true }>,
): WithholdReason | undefined {
  if (conviction.deleted) return 'DELETED';

  if (conviction.origin === 'FOREIGN' && rule.foreignNotTransmittable === 'withhold') {
    const flag = conviction.isTransmittable === 'UNKNOWN' ? input.rules.isTransmittableUnknownTreatedAs : conviction.isTransmittable;
    if (flag === 'No') return 'NOT_TRANSMITTABLE';
  }

  if (rule.spentConvictions !== 'disclose' && spentFrom) {
    const status = spentStatusOn(spentFrom, input.today);
    const spent = status === 'spent' || (status === 'undetermined' && input.rules.spentStatusUndeterminedTreatedAs === 'spent');
    if (spent) {
      const childSexual = conviction.offences.some((offence) => offence.childSexualOffence);
      if (!(rule.spentConvictions === 'child-sexual-offences-only' && childSexual)) return 'SPENT';
    }
  }
  return undefined;
}
