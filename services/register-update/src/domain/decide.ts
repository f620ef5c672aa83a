/**
 * The register-update decisions, pure: given what came in and what the register holds, what to do.
 * The effects (src/effects) read the state, call these, and write what they decide.
 */
import type { AdditionalInformationItem } from '@ecris/contracts';
import type { ConvictionChange, ConvictionContent, ConvictionHead, MatchResult, PersonQuery } from '@ecris/register';

/** How a person match turns into a conviction's identification. */
export type Identified =
  | { readonly kind: 'matched'; readonly personId: string }
  | { readonly kind: 'new-person' }
  | { readonly kind: 'needs-review'; readonly outcome: 'none' | 'several' };

/**
 * Never a guess: a foreign notification is attached only to the one confident match; otherwise it
 * waits for a person (and the sender is asked for more). A UK court event with nobody like the
 * person on the register creates them (the court record is the source of UK persons).
 */
export function identify(match: MatchResult, origin: 'UK' | 'FOREIGN', candidatesTruncated: boolean): Identified {
  if (match.outcome === 'one' && !candidatesTruncated) return { kind: 'matched', personId: match.matches[0]!.personId };
  if (match.outcome === 'none' && origin === 'UK' && !candidatesTruncated) return { kind: 'new-person' };
  return { kind: 'needs-review', outcome: match.outcome === 'none' ? 'none' : 'several' };
}

/** What to do with a conviction content arriving for a conviction the register may already hold. */
export type ContentDecision =
  | { readonly kind: 'create' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'new-version'; readonly change: Extract<ConvictionChange, 'REPLACED' | 'SANCTIONS_VARIED'> };

/**
 * A conviction arriving again (a UK amendment, a foreign update or a re-sent NOT) becomes a new
 * version. The same source message applied again (e.g. re-translated) changes nothing. Only the
 * sanctions differing is a variation; anything else replaces the conviction.
 */
export function decideContent(head: ConvictionHead | undefined, sourceMessageId: string, next: ConvictionContent): ContentDecision {
  if (!head) return { kind: 'create' };
  if (head.sourceMessageId === sourceMessageId) return { kind: 'unchanged' };
  const { sanctions: beforeSanctions, received: _before, ...before } = head.content;
  const { sanctions: afterSanctions, received: _after, ...after } = next;
  const sameRest = stableJson(before) === stableJson(after);
  const sameSanctions = stableJson(beforeSanctions) === stableJson(afterSanctions);
  return { kind: 'new-version', change: sameRest && !sameSanctions ? 'SANCTIONS_VARIED' : 'REPLACED' };
}

/**
 * What to ask the sender for in an RAI when the person could not be identified: identifiers always
 * (they settle it), and what the NOT left partial or empty. Several candidates (e.g. twins) need what
 * tells people apart: fingerprints and parents' names.
 */
export function additionalInformationWanted(person: PersonQuery, outcome: 'none' | 'several'): AdditionalInformationItem[] {
  const wanted: AdditionalInformationItem[] = ['IdentityNumber', 'IdentificationDocument'];
  if (person.birthDate.month === null || person.birthDate.day === null) wanted.push('BirthDate');
  if (!person.birthPlace?.town) wanted.push('BirthPlace');
  if (outcome === 'several') wanted.push('Fingerprints', 'MotherName', 'FatherName');
  else wanted.push('FormerName', 'Alias', 'Address');
  return wanted;
}

/** A work-item reason: counts, codes and confidences only, never a name or date. */
export function reviewReason(match: MatchResult, ecrisOrCourtId: string, raiMessageId: string | null): string {
  const found =
    match.matches.length === 0
      ? 'no person on the register matches'
      : `${match.matches.length} candidate(s) need a decision (confidence ${match.matches.map((m) => m.confidence.toFixed(2)).join(', ')})`;
  const asked = raiMessageId ? `; additional information requested with ${raiMessageId}` : '';
  return `Identity of conviction ${ecrisOrCourtId}: ${found}; stored awaiting identification${asked}.`;
}

/** JSON with object keys sorted, so equal content compares equal whatever the key order in jsonb. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
