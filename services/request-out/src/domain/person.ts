/** The agency's person (UK-shaped: ISO codes, plain strings) as an ECRIS Person for a REQ or a RAR. */
import type { NameText, Person, PersonAlias, RequestedPerson } from '@ecris/contracts';
import { countryRef, type DecisionContext } from './context';

const name = (text: string): NameText => ({ lang: null, text });

/**
 * An alias is one string in the agency request; ECRIS wants a forename and a surname. The last word is
 * taken as the surname, and the whole string is kept as the full name so nothing is lost.
 */
function aliasOf(alias: string): PersonAlias {
  const words = alias.trim().split(/\s+/);
  return {
    name: { forename: name(words.slice(0, -1).join(' ')), surname: name(words[words.length - 1] ?? ''), secondSurname: null, fullName: name(alias.trim()) },
    sex: null,
    birthDate: null,
    birthPlace: null,
    nationalityRefs: [],
    father: null,
    mother: null,
    identityNumber: null,
    identificationDocuments: [],
    addresses: [],
    remarks: [],
  };
}

export function ecrisPersonOf(person: RequestedPerson, context: DecisionContext, onDate: string): Person {
  const nationalityRefs = [...new Set(person.nationalities.map((code) => countryRef(context, code, onDate)))].filter(
    (ref): ref is string => ref !== undefined,
  );
  return {
    name: { forename: name(person.forenames.join(' ')), surname: name(person.surname), secondSurname: null, fullName: null },
    sex: person.sex,
    birthDate: person.dateOfBirth,
    birthPlace: {
      countryRef: countryRef(context, person.placeOfBirthCountry, onDate) ?? '',
      subdivisionRef: null,
      townRef: null,
      townName: [{ lang: null, translated: false, text: person.placeOfBirthTown }],
    },
    nationalityRefs,
    formerForenames: [],
    // The agency gives former names as whole strings; a changed surname (e.g. on marriage) is the usual case.
    formerSurnames: person.formerNames.map(name),
    formerSecondSurnames: [],
    father: null,
    mother: null,
    identityNumber: person.identityNumber,
    identificationDocuments: [],
    addresses: [],
    aliases: person.aliases.map(aliasOf),
    remarks: [],
  };
}
