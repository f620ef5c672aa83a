import { looseKey, nameTokens } from './names';

interface Named {
  readonly surname: string;
  readonly secondSurname?: string | null;
  readonly otherNames?: readonly string[];
}

/**
 * The name keys a person is indexed under, and a query searches with: the loose key of every word of
 * the surname and second surname (so "García López" is found by "García" and by "López"), and of the
 * last word of each former name or alias (its surname, in the usual order). One-letter words are
 * left out: as keys they would match half the register.
 */
export function searchKeys(person: Named): string[] {
  const words = [
    ...nameTokens(person.surname),
    ...nameTokens(person.secondSurname ?? ''),
    ...(person.otherNames ?? []).flatMap((name) => nameTokens(name).slice(-1)),
  ];
  return [...new Set(words.filter((word) => word.length >= 2).map(looseKey))].sort();
}

/** How an identifier is compared and indexed: case and separators ignored ("ab 12-34" is "AB1234"). */
export function normaliseIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
