/**
 * Conviction events on courts.convictions.v1, as an upstream court-result feed publishes them.
 * UK-shaped, not ECRIS-shaped: notification-out maps them to ECRIS (offence categories, country refs).
 * Each event carries the whole conviction as it now stands, so a consumer never needs earlier events
 * to act on a later one (a re-notification sends only the updated version, FD Art. 4(3)).
 */
import { SchemaNames } from '@ecris/contracts';
import { atLeastOne, boolean, enumeration, many, optional, record, required, string } from '../dsl';
import { EventMeta, PartialDate, Sex } from '../model/common';

const meta = required('meta', EventMeta, 'CloudEvents attributes of this record.');
const convictionReference = required(
  'convictionReference',
  string,
  'The court record id of the conviction; the Kafka key, so an amendment or removal stays behind what it changes.',
);
const recordedAt = (what: string) =>
  required('recordedAt', string, `ISO 8601 instant ${what} was entered in the UK criminal records database; starts the 28-day notification clock (FRA 2020 s.1(5), (7)).`);

export const CourtPerson = record('uk.ecris.court.CourtPerson', 'The convicted person as the court record holds them.', [
  atLeastOne('forenames', string, 'Forenames in order.'),
  required('surname', string, 'Surname.'),
  many('otherNames', string, 'Former names and aliases as recorded.'),
  required('sex', Sex, 'Sex.'),
  required('dateOfBirth', PartialDate, 'Date of birth; partial when the record has only part of it.'),
  optional('placeOfBirthTown', string, 'Town of birth, when recorded.'),
  optional('placeOfBirthCountry', string, 'Country of birth, ISO 3166-1 alpha-2 (GB, GR), when recorded.'),
  atLeastOne('nationalities', string, 'Every nationality, ISO 3166-1 alpha-2 codes (GB, FR, GR...); each EU one is notified.'),
  optional('pncId', string, 'Police National Computer id, when there is one.'),
]);

export const Court = record('uk.ecris.court.Court', 'The court that convicted or decided.', [
  optional('code', string, 'Court code (e.g. the HMCTS court code).'),
  required('name', string, 'Court name.'),
]);

export const CourtOffence = record('uk.ecris.court.CourtOffence', 'One offence of the conviction, with the UK offence code and statute.', [
  required('offenceSeq', string, 'Identifies the offence within this conviction; sentences refer to it.'),
  required('ukOffenceCode', string, 'UK offence code (e.g. the CJS offence code); notification-out maps it to an ECRIS category.'),
  required('title', string, 'Offence wording (English).'),
  required('statute', string, 'Statutory provision, e.g. "Theft Act 1968 s.1".'),
  required('committedFrom', PartialDate, 'Offence date, or the start of a continuous offence.'),
  optional('committedTo', PartialDate, 'End of a continuous offence.'),
  optional('place', string, 'Where it was committed, when recorded.'),
  required('attempted', boolean, 'True for an attempt (ECRIS level of completion A); false when completed.'),
  optional('participation', string, 'Role, when recorded: e.g. principal, aider-abettor, conspirator.'),
]);

export const CourtSentence = record('uk.ecris.court.CourtSentence', 'A sentence (disposal) imposed, for one or more offences.', [
  required('sentenceSeq', string, 'Identifies the sentence within this conviction.'),
  atLeastOne('offenceSeqs', string, 'The offences it punishes.'),
  required('disposalCode', string, 'UK disposal (sentence) code.'),
  required('description', string, 'Sentence wording (English).'),
  optional('duration', string, 'Length imposed, ISO 8601 duration (e.g. P18M).'),
  optional('suspendedFor', string, 'Operational period of a suspended sentence, ISO 8601 duration.'),
  optional('fineAmount', string, 'Fine as a decimal string in pounds, e.g. "250.00".'),
  optional('startDate', string, 'Start date, full ISO 8601 date, when known.'),
]);

export const CourtConviction = record('uk.ecris.court.CourtConviction', 'The conviction as it now stands in the court record.', [
  required('person', CourtPerson, 'The convicted person.'),
  required('court', Court, 'The convicting court.'),
  required('convictionDate', string, 'Date of conviction, full ISO 8601 date.'),
  optional('finalDate', string, 'Date the conviction became final (no appeal pending), full ISO 8601 date; null while not yet final.'),
  atLeastOne('offences', CourtOffence, 'The offences.'),
  many('sentences', CourtSentence, 'The sentences.'),
  required('courtMartial', boolean, 'True for a service (court-martial) conviction, also notified when recorded in a UK database (FRA 2020 s.1(2)).'),
]);

export const ConvictionRecorded = record(SchemaNames.convictionRecorded, 'A new conviction entered in the UK criminal records database.', [
  meta,
  convictionReference,
  recordedAt('the conviction'),
  required('conviction', CourtConviction, 'The conviction.'),
]);

export const AmendmentKind = enumeration(
  'uk.ecris.court.AmendmentKind',
  'Why a conviction changed.',
  ['APPEAL_OUTCOME', 'SENTENCE_VARIATION', 'CORRECTION', 'OTHER'],
  'OTHER',
);

export const ConvictionAmended = record(
  SchemaNames.convictionAmended,
  'A recorded conviction changed (appeal outcome, sentence variation, correction): carries the whole conviction as amended.',
  [
    meta,
    convictionReference,
    recordedAt('the amendment'),
    required('kind', AmendmentKind, 'Why it changed.'),
    required('decisionDate', string, 'Date of the decision that changed it, full ISO 8601 date.'),
    optional('decidingCourt', Court, 'The court that changed it, when not the convicting court (e.g. the Court of Appeal).'),
    required('conviction', CourtConviction, 'The conviction as amended.'),
  ],
);

export const RemovalReason = enumeration(
  'uk.ecris.court.RemovalReason',
  'Why a conviction left the record.',
  ['QUASHED_ON_APPEAL', 'RECORDED_IN_ERROR', 'PARDONED', 'OTHER'],
  'OTHER',
);

export const ConvictionRemoved = record(
  SchemaNames.convictionRemoved,
  'A conviction removed from the record (e.g. quashed on appeal): notified onwards with a delete-from-register decision.',
  [
    meta,
    convictionReference,
    recordedAt('the removal'),
    required('reason', RemovalReason, 'Why it was removed.'),
    required('decisionDate', string, 'Date of the decision that removed it, full ISO 8601 date.'),
    optional('decidingCourt', Court, 'The court that removed it, when known.'),
  ],
);
