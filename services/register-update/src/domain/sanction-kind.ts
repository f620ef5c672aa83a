/**
 * The broad class of a sanction, which is what rehabilitation periods (spent convictions, ecris.md R19)
 * depend on. Neither source says it directly, so it is inferred, and OTHER when it cannot be told.
 */
import type { SanctionKind } from '@ecris/register';

/**
 * Annex B category codes whose class the reference data shows (libs/reference-data penalty-categories:
 * 1000 and 1001 deprivation of liberty, 8001 and 8002 fines). Only those: the rest of Annex B was not
 * found (ecris.md §7), so other codes fall back to the sanction's own fields.
 */
const ANNEX_B_KINDS: Readonly<Record<string, 'CUSTODY' | 'FINE'>> = {
  '1000': 'CUSTODY',
  '1001': 'CUSTODY',
  '8001': 'FINE',
  '8002': 'FINE',
};

/** `S-00-001001` -> `1001` (leading zeros of the 6 digits dropped to the 4-5 digit Annex B code). */
export function annexBCode(ref: string | null): string | undefined {
  const match = ref ? /^S-[0-9]{2}-([0-9]{6})$/.exec(ref) : null;
  return match ? String(Number(match[1])).padStart(4, '0') : undefined;
}

export function foreignSanctionKind(sanction: {
  readonly categoryRef: string | null;
  readonly suspended: boolean;
  readonly hasFineAmount: boolean;
}): SanctionKind {
  const code = annexBCode(sanction.categoryRef);
  const known = code === undefined ? undefined : ANNEX_B_KINDS[code];
  if (known === 'CUSTODY') return sanction.suspended ? 'SUSPENDED_CUSTODY' : 'CUSTODY';
  if (known === 'FINE' || sanction.hasFineAmount) return 'FINE';
  return 'OTHER';
}

/**
 * A UK court sentence: the disposal codes are not in any table we hold, so the sentence's own fields
 * and its (English) wording decide. A suspended period marks suspended custody; otherwise the words.
 */
export function ukSanctionKind(sentence: { readonly description: string; readonly suspendedFor: string | null; readonly fineAmount: string | null }): SanctionKind {
  const words = sentence.description.toLowerCase();
  if (sentence.suspendedFor !== null || /\bsuspended\b/.test(words)) return 'SUSPENDED_CUSTODY';
  if (/\b(imprisonment|custody|custodial|detention|detained)\b/.test(words)) return 'CUSTODY';
  if (/\b(community order|youth rehabilitation order|community sentence|unpaid work)\b/.test(words)) return 'COMMUNITY';
  if (/\bdischarge\b/.test(words)) return 'DISCHARGE';
  if (sentence.fineAmount !== null || /\bfine\b/.test(words)) return 'FINE';
  return 'OTHER';
}
