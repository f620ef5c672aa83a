/**
 * Which states to notify (ecris.md R4, R5, R5'): every EU member state of nationality, each once, even
 * when the person is also British; none for a person with no EU nationality. One rule for notification-out,
 * which sends the NOTs, and the ops reconciliation, which checks they were sent. The court feed gives ISO
 * 3166-1 alpha-2 codes; a code in the EU-document convention (EL) is accepted too.
 */
import { toWireCode } from './countries';
import type { ReferenceData } from './reference-data';

const MEMBER_STATES = 'member-states';

/** EU member states of nationality as ECRIS wire codes (GR, not EL), sorted, without repeats. */
export function euStatesToNotify(nationalities: readonly string[], reference: ReferenceData, onDate: string): string[] {
  const states = new Set<string>();
  for (const nationality of nationalities) {
    const wire = toWireCode(reference, nationality, onDate);
    if (wire === undefined) continue; // not an ECRIS state at all (e.g. US)
    if (reference.lookup(MEMBER_STATES, wire, onDate)?.attributes?.isEuMemberState === true) states.add(wire);
  }
  return [...states].sort();
}
