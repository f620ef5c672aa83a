import type { IdentificationDocument, NameText, Person, RequestAdditionalInfoResponse } from '@ecris/contracts';
import { functionalErrorItems, validateMessage } from '@ecris/ecris-model';
import { functionalErrorMessage, type Outgoing, type Reply } from './messages';
import type { RequestInSettings } from './settings';
import type { FunctionalError } from '@ecris/contracts';

export type AdditionalInfoDecision =
  | { readonly outcome: 'REJECTED'; readonly fem: Outgoing<FunctionalError> }
  | { readonly outcome: 'SEARCH_AGAIN'; readonly person: Person };

/**
 * An RAR answering our RAI: invalid gets a FEM (the request keeps waiting, its deadline running);
 * valid means search again with what the requester added. An RAR saying "not available" (no person)
 * leaves the request's own details: the search then finds the same several people.
 */
export function receiveAdditionalInfo(
  rar: RequestAdditionalInfoResponse,
  requested: Person,
  settings: RequestInSettings,
  reply: Reply,
): AdditionalInfoDecision {
  const failures = validateMessage('RAR', rar, { isMemberState: settings.isMemberState });
  if (failures.length > 0) return { outcome: 'REJECTED', fem: functionalErrorMessage(reply, functionalErrorItems(failures)) };
  return { outcome: 'SEARCH_AGAIN', person: personForSearch(requested, rar.person) };
}

const nameKey = (name: NameText) => name.text.trim().toLowerCase();
function union(a: readonly NameText[], b: readonly NameText[]): NameText[] {
  const seen = new Set(a.map(nameKey));
  return [...a, ...b.filter((name) => !seen.has(nameKey(name)))];
}
function documents(a: readonly IdentificationDocument[], b: readonly IdentificationDocument[]): IdentificationDocument[] {
  const seen = new Set(a.map((doc) => `${doc.categoryRef}/${doc.number}`));
  return [...a, ...b.filter((doc) => !seen.has(`${doc.categoryRef}/${doc.number}`))];
}

/** The person as now known: the RAR's details first, with whatever only the request carried kept. */
export function personForSearch(requested: Person, added: Person | null): Person {
  if (!added) return requested;
  return {
    ...added,
    identityNumber: added.identityNumber ?? requested.identityNumber,
    identificationDocuments: documents(added.identificationDocuments, requested.identificationDocuments),
    formerForenames: union(added.formerForenames, requested.formerForenames),
    formerSurnames: union(added.formerSurnames, requested.formerSurnames),
    formerSecondSurnames: union(added.formerSecondSurnames, requested.formerSecondSurnames),
    aliases: [...added.aliases, ...requested.aliases],
    father: added.father ?? requested.father,
    mother: added.mother ?? requested.mother,
  };
}
