import type { ConvictionContent, ConvictionOrigin, RecordableEquivalent } from './types';

/**
 * A conviction's place on the register, from its offences: on the register proper when at least one
 * offence is (ACRO enters a foreign conviction on the PNC only for an offence with a recordable E&W
 * equivalent, ecris.md §1); otherwise kept as received. UK convictions are recordable as such.
 */
export function registerStatusOf(
  origin: ConvictionOrigin,
  content: Pick<ConvictionContent, 'offences'>,
): { recordableEquivalent: RecordableEquivalent; onRegister: boolean } {
  if (origin === 'UK') return { recordableEquivalent: 'NOT_APPLICABLE', onRegister: true };
  const decisions = content.offences.map((offence) => offence.recordableEquivalent);
  const recordableEquivalent: RecordableEquivalent = decisions.includes('YES')
    ? 'YES'
    : decisions.includes('UNKNOWN') || decisions.length === 0
      ? 'UNKNOWN'
      : 'NO';
  return { recordableEquivalent, onRegister: content.offences.some((offence) => offence.onRegister) };
}
