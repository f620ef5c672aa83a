/**
 * Is the person of a received notification one of our nationals? Only then is the UK the state of
 * nationality that must store the conviction (FD Art. 5(1); ecris.md §6 scenarios 10 and 12).
 *
 * Decided on the person's own nationalities, never on an alias's: an alias is another identity the
 * person used, not a nationality the sender established. Dual nationals count (R5: being also a
 * national of another state does not matter).
 */
export function isOurNational(nationalityRefs: readonly string[], ourNationalityRefs: ReadonlySet<string>): boolean {
  return nationalityRefs.some((ref) => ourNationalityRefs.has(ref));
}
