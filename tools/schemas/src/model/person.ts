/** ECRIS dm:PersonType and its parts (shared/domain/ecris.md §2.1). */
import { atLeastOne, many, optional, record, required, string } from '../dsl';
import { NameText, PartialDate, Sex, optionalText, text } from './common';

export const Place = record('uk.ecris.model.Place', 'ECRIS dm:PlaceType: a country reference and a town name, with optional finer references.', [
  required('countryRef', string, 'ECRIS country reference CO-NN-NNN-AAA (PlaceCountryReference).'),
  optional('subdivisionRef', string, 'ECRIS country subdivision reference CS-NN-XX-... (PlaceCountrySubdivisionReference).'),
  optional('townRef', string, 'ECRIS city reference CI-NN-AAA-TNNNN (PlaceTownReference).'),
  text('townName', 'PlaceTownName, multilingual, <= 200 characters each.'),
]);

export const PersonName = record('uk.ecris.model.PersonName', 'ECRIS dm:PersonNameType.', [
  required('forename', NameText, 'Forename (<= 200 characters).'),
  required('surname', NameText, 'Surname (<= 200 characters).'),
  optional('secondSurname', NameText, 'Second surname, where the naming system has one.'),
  optional('fullName', NameText, 'Full name as one string (<= 600 characters).'),
]);

export const ParentName = record('uk.ecris.model.ParentName', "A parent's names (ECRIS PersonFather*/PersonMother*); each part optional.", [
  optional('forename', NameText, 'Forename.'),
  optional('surname', NameText, 'Surname.'),
  optional('secondSurname', NameText, 'Second surname.'),
]);

export const IdentificationDocument = record('uk.ecris.model.IdentificationDocument', 'ECRIS dm:IdentificationDocumentType.', [
  required('categoryRef', string, 'Document category reference ID-NN-NNN (e.g. ID-00-003 passport).'),
  text('type', 'National document type, multilingual, <= 50 characters each.'),
  required('number', string, 'Document number (<= 50 characters).'),
  optionalText('issuingAuthority', 'Issuing authority, multilingual, <= 400 characters each.'),
  optional('issuingDate', PartialDate, 'Issue date (partial allowed).'),
  optional('validUntil', PartialDate, 'Expiry date (partial allowed).'),
]);

export const Address = record('uk.ecris.model.Address', 'ECRIS dm:PersonAddressType.', [
  required('place', Place, 'Country and town.'),
  optionalText('street', 'Street, <= 400 characters each.'),
  optionalText('houseNumber', 'House number, <= 50 characters each.'),
  optionalText('postCode', 'Post code, <= 50 characters each.'),
  optionalText('full', 'The whole address as free text, <= 4000 characters each.'),
]);

export const PersonAlias = record('uk.ecris.model.PersonAlias', 'ECRIS dm:PersonAliasType: another identity the person used; only the name is mandatory.', [
  required('name', PersonName, 'The alias name.'),
  optional('sex', Sex, 'Sex under this alias.'),
  optional('birthDate', PartialDate, 'Birth date under this alias (partial allowed).'),
  optional('birthPlace', Place, 'Birth place under this alias.'),
  many('nationalityRefs', string, 'Nationalities under this alias, as ECRIS country references CO-NN-NNN-AAA.'),
  optional('father', ParentName, "Father's names."),
  optional('mother', ParentName, "Mother's names."),
  optional('identityNumber', string, 'National identity number (<= 50 characters).'),
  many('identificationDocuments', IdentificationDocument, 'Identity documents.'),
  many('addresses', Address, 'Addresses.'),
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
]);

export const Person = record('uk.ecris.model.Person', 'ECRIS dm:PersonType: the person a notification, request or answer is about.', [
  required('name', PersonName, 'Forename and surname are mandatory.'),
  required('sex', Sex, 'ISO 5218 sex.'),
  required('birthDate', PartialDate, 'Birth date; ECRIS allows a partial date (year only, or year and month).'),
  required('birthPlace', Place, 'Birth place: country reference and town name are mandatory.'),
  atLeastOne('nationalityRefs', string, '1..n nationalities as ECRIS country references CO-NN-NNN-AAA (not 2-letter codes).'),
  many('formerForenames', NameText, 'Former forenames.'),
  many('formerSurnames', NameText, 'Former surnames.'),
  many('formerSecondSurnames', NameText, 'Former second surnames.'),
  optional('father', ParentName, "Father's names."),
  optional('mother', ParentName, "Mother's names."),
  optional('identityNumber', string, 'National identity number (<= 50 characters).'),
  many('identificationDocuments', IdentificationDocument, 'Identity documents.'),
  many('addresses', Address, 'Addresses.'),
  many('aliases', PersonAlias, 'Aliases.'),
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
]);
