/**
 * UK agencies' requests for previous convictions (agency.requests.v1) and request-out's answers
 * (agency.responses.v1). Requests are UK-shaped (ISO country codes, plain strings); answers carry the
 * ECRIS convictions, translated, each with where it came from.
 */
import { SchemaNames } from '@ecris/contracts';
import { atLeastOne, boolean, enumeration, many, optional, record, required, string } from '../dsl';
import { EventMeta, PartialDate, Sex, YesNoUnknown } from '../model/common';
import { Conviction } from '../model/conviction';

export const RequestingAgency = record('uk.ecris.agency.RequestingAgency', 'The UK agency asking, and the officer responsible.', [
  required('agencyCode', string, 'Our code for the agency (e.g. a police force code).'),
  required('agencyName', string, 'Agency name, sent as the ECRIS requesting authority name.'),
  required('authorityTypeRef', string, 'ECRIS requesting authority type RAT-NN-X.'),
  required('officerId', string, 'Who in the agency made the request (an id, never a name).'),
]);

export const RequestedPerson = record('uk.ecris.agency.RequestedPerson', 'The person the agency asks about.', [
  atLeastOne('forenames', string, 'Forenames in order.'),
  required('surname', string, 'Surname.'),
  many('formerNames', string, 'Former names.'),
  many('aliases', string, 'Other names used.'),
  required('sex', Sex, 'Sex.'),
  required('dateOfBirth', PartialDate, 'Date of birth; partial allowed.'),
  required('placeOfBirthTown', string, 'Town of birth (ECRIS requires it).'),
  required('placeOfBirthCountry', string, 'Country of birth, ISO 3166-1 alpha-2.'),
  atLeastOne('nationalities', string, 'Nationalities, ISO 3166-1 alpha-2; one ECRIS request goes to each EU one (FRA 2020 s.4(3)).'),
  optional('identityNumber', string, 'National identity number, when known.'),
]);

export const Urgency = enumeration('uk.ecris.agency.Urgency', 'How urgent: HIGH maps to ECRIS urgency Yes, NORMAL to No.', ['NORMAL', 'HIGH'], 'NORMAL');

export const PreviousConvictionsRequest = record(SchemaNames.agencyRequest, 'A UK agency asks for the previous convictions of a person held by EU states.', [
  required('meta', EventMeta, 'CloudEvents attributes of this record.'),
  required('requestId', string, 'The agency request id: opens the exchange and is the Kafka key.'),
  required('requestedAt', string, 'ISO 8601 instant the agency made the request.'),
  required('agency', RequestingAgency, 'Who asks.'),
  required('purposeCategoryRef', string, 'ECRIS request purpose category P-NN-NNNNNN.'),
  required('purpose', string, 'Purpose in words (English, <= 400 characters).'),
  optional('caseReference', string, 'The agency case reference (<= 50 characters).'),
  required('person', RequestedPerson, 'Who the request is about.'),
  required('urgency', Urgency, 'How urgent.'),
  required('consent', YesNoUnknown, 'Has the person concerned consented?'),
  many('targetStates', string, 'States to ask (ISO alpha-2); empty means every EU state of nationality.'),
]);

export const StateOutcome = enumeration(
  'uk.ecris.agency.StateOutcome',
  "How one state's answer ended.",
  ['CONVICTIONS', 'NO_CONVICTIONS', 'DENIED', 'PROBLEM', 'NO_REPLY_BY_DEADLINE', 'OTHER'],
  'OTHER',
);

export const SourcedConviction = record('uk.ecris.agency.SourcedConviction', 'A conviction in an answer, with where it came from.', [
  required('answeredBy', string, 'The state whose answer contained it (ISO alpha-2); its convictingCountryRef says where the court sat.'),
  required('sourceMessageId', string, 'The ECRIS message id (RRS) it came in.'),
  required('conviction', Conviction, 'The ECRIS conviction; free text translated into English where needed (translated = true).'),
  optional('convictingState', string, 'Since v2: the convicting state (ISO alpha-2) read from convictingCountryRef; null when the country table lacks the reference.'),
]);

export const ConvictionSource = record('uk.ecris.agency.ConvictionSource', 'One answer that contained a conviction.', [
  required('state', string, 'The state whose answer contained it (ISO alpha-2).'),
  required('responseMessageId', string, 'The ECRIS message id (RRS) of that answer.'),
]);

export const MergedConviction = record('uk.ecris.agency.MergedConviction', 'A distinct conviction of the person, with every answer that reported it.', [
  required('convictionId', string, 'The ECRIS conviction id SS-C-NNNNNNNNNNNNNNN: the same id in two answers is the same conviction.'),
  optional('convictingState', string, 'The convicting state (ISO alpha-2); null when the country table lacks the reference.'),
  atLeastOne('reportedBy', ConvictionSource, 'Every answer that contained it, in the order they arrived.'),
  required('conviction', Conviction, 'The conviction as the first of those answers gave it, free text with English renderings (translated = true).'),
]);

export const StateAnswer = record('uk.ecris.agency.StateAnswer', "One requested state's answer.", [
  required('state', string, 'The state asked (ISO alpha-2).'),
  required('ecrisRequestId', string, 'The ECRIS REQ message id we sent.'),
  optional('ecrisResponseId', string, 'The ECRIS RRS message id of the answer; null when none came.'),
  required('outcome', StateOutcome, 'How it ended.'),
  optional('responseTypeRef', string, 'The ECRIS request response type RRT-NN-NN received.'),
  optional('answeredAt', string, 'ISO 8601 instant the answer arrived.'),
  many('convictions', SourcedConviction, 'Convictions in the answer.'),
  many('otherMemberStates', string, 'States the answer says may also hold information (ISO alpha-2).'),
]);

export const PreviousConvictionsResponse = record(SchemaNames.agencyResponse, "request-out's answer to an agency request, per state asked.", [
  required('meta', EventMeta, 'CloudEvents attributes of this record.'),
  required('requestId', string, 'The agency request id answered; the Kafka key.'),
  required('complete', boolean, 'True when every state asked has answered or run out of time; earlier answers are partial.'),
  many('answers', StateAnswer, 'One entry per state asked so far.'),
  optional('purposeCategoryRef', string, 'Since v2: the ECRIS purpose category P-NN-NNNNNN of the request: the only purpose the answers may be used for.'),
  optional('permittedUse', string, 'Since v2: the use allowed, in words: only the purpose of the request, within any restriction the providing state set; the one exception is an immediate and serious threat to public security (FRA 2020 s.4(4)-(5)).'),
  many('mergedConvictions', MergedConviction, 'Since v2: the answers merged for the person: each distinct conviction once (by ECRIS conviction id) with every state that reported it.'),
]);
