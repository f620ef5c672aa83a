/** ECRIS dm:PersonType and its parts (ecris.md §2.1): mandatory elements, lengths, formats, dates. */
import type { Address, IdentificationDocument, ParentName, Person, PersonAlias, PersonName, Place } from '@ecris/contracts';
import { at, type Failures } from './functional-errors';
import { matches, multilingual, nameText, notBefore, notEmpty, partialDate, text } from './rules';

export function place(f: Failures, path: string, value: Place | null): void {
  if (value === null) return;
  matches(f, at(path, 'countryRef'), value.countryRef, 'countryRef');
  matches(f, at(path, 'subdivisionRef'), value.subdivisionRef, 'subdivisionRef');
  matches(f, at(path, 'townRef'), value.townRef, 'cityRef');
  multilingual(f, at(path, 'townName'), value.townName, 200, true);
}

export function personName(f: Failures, path: string, value: PersonName): void {
  nameText(f, at(path, 'forename'), value.forename);
  nameText(f, at(path, 'surname'), value.surname);
  nameText(f, at(path, 'secondSurname'), value.secondSurname);
  nameText(f, at(path, 'fullName'), value.fullName, 600);
}

function parentName(f: Failures, path: string, value: ParentName | null): void {
  if (value === null) return;
  nameText(f, at(path, 'forename'), value.forename);
  nameText(f, at(path, 'surname'), value.surname);
  nameText(f, at(path, 'secondSurname'), value.secondSurname);
}

function identificationDocument(f: Failures, path: string, value: IdentificationDocument): void {
  matches(f, at(path, 'categoryRef'), value.categoryRef, 'identificationDocumentCategoryRef');
  multilingual(f, at(path, 'type'), value.type, 50, true);
  text(f, at(path, 'number'), value.number, 50);
  multilingual(f, at(path, 'issuingAuthority'), value.issuingAuthority, 400, false);
  const issued = partialDate(f, at(path, 'issuingDate'), value.issuingDate);
  const expires = partialDate(f, at(path, 'validUntil'), value.validUntil);
  if (issued && expires) notBefore(f, at(path, 'validUntil'), value.issuingDate, value.validUntil, 'the issuing date');
}

function address(f: Failures, path: string, value: Address): void {
  place(f, at(path, 'place'), value.place);
  multilingual(f, at(path, 'street'), value.street, 400, false);
  multilingual(f, at(path, 'houseNumber'), value.houseNumber, 50, false);
  multilingual(f, at(path, 'postCode'), value.postCode, 50, false);
  multilingual(f, at(path, 'full'), value.full, 4000, false);
}

/** What a person and an alias share. */
function identity(f: Failures, path: string, value: Person | PersonAlias): void {
  personName(f, at(path, 'name'), value.name);
  partialDate(f, at(path, 'birthDate'), value.birthDate);
  place(f, at(path, 'birthPlace'), value.birthPlace);
  value.nationalityRefs.forEach((ref, i) => matches(f, at(path, 'nationalityRefs', i), ref, 'countryRef'));
  parentName(f, at(path, 'father'), value.father);
  parentName(f, at(path, 'mother'), value.mother);
  text(f, at(path, 'identityNumber'), value.identityNumber, 50);
  value.identificationDocuments.forEach((doc, i) => identificationDocument(f, at(path, 'identificationDocuments', i), doc));
  value.addresses.forEach((item, i) => address(f, at(path, 'addresses', i), item));
  multilingual(f, at(path, 'remarks'), value.remarks, 4000, false);
}

export function person(f: Failures, path: string, value: Person): void {
  identity(f, path, value);
  // Nationality is what notification routing stands on (ecris.md R0): ECRIS requires 1..n.
  notEmpty(f, at(path, 'nationalityRefs'), value.nationalityRefs);
  value.formerForenames.forEach((name, i) => nameText(f, at(path, 'formerForenames', i), name));
  value.formerSurnames.forEach((name, i) => nameText(f, at(path, 'formerSurnames', i), name));
  value.formerSecondSurnames.forEach((name, i) => nameText(f, at(path, 'formerSecondSurnames', i), name));
  value.aliases.forEach((alias, i) => identity(f, at(path, 'aliases', i), alias));
}
