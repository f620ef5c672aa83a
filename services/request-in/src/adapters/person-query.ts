import type { NameText, Person } from '@ecris/contracts';
import type { PersonIdentifier, PersonQuery } from '@ecris/register';

/** ECRIS country reference -> ISO alpha-2 (reference data), undefined when unknown. */
export type Iso2Of = (countryRef: string) => string | undefined;

const words = (text: string) => text.split(/\s+/).filter((word) => word.length > 0);
const fullName = (forename: NameText | null, surname: NameText | null) => [forename?.text, surname?.text].filter(Boolean).join(' ');

/**
 * The register's query for an ECRIS person. The identity number and documents are taken as issued by
 * the person's first nationality: ECRIS does not say who issued them [I]; a number from another issuer
 * then simply does not match, it never matches the wrong person.
 */
export function personQueryOf(person: Person, iso2Of: Iso2Of): PersonQuery {
  const nationalities = person.nationalityRefs.map(iso2Of).filter((code): code is string => code !== undefined);
  const issuer = nationalities[0] ?? null;
  const identifiers: PersonIdentifier[] = [];
  if (person.identityNumber && issuer) identifiers.push({ kind: 'NATIONAL_ID', value: person.identityNumber, country: issuer });
  if (issuer) {
    for (const document of person.identificationDocuments) identifiers.push({ kind: 'ID_DOCUMENT', value: document.number, country: issuer });
  }
  const otherNames = [
    ...person.formerSurnames.map((surname) => fullName(person.name.forename, surname)),
    ...person.formerForenames.map((forename) => fullName(forename, person.name.surname)),
    ...person.aliases.map((alias) => fullName(alias.name.forename, alias.name.surname)),
  ].filter((name) => name.length > 0);
  return {
    forenames: words(person.name.forename.text),
    surname: person.name.surname.text,
    secondSurname: person.name.secondSurname?.text ?? null,
    otherNames,
    sex: person.sex,
    birthDate: person.birthDate,
    birthPlace: { country: iso2Of(person.birthPlace.countryRef) ?? null, town: person.birthPlace.townName[0]?.text ?? null },
    nationalities,
    identifiers,
  };
}
