/** ECRIS dm:ConvictionType with its decisions, offences, sanctions and relationships (shared/domain/ecris.md §2.1, §4). */
import { atLeastOne, int, many, optional, record, required, string } from '../dsl';
import { PartialDate, YesNoUnknown, optionalText, text } from './common';
import { Place } from './person';

const fullDate = (what: string) => `${what}: a full ISO 8601 calendar date YYYY-MM-DD (ECRIS StrictDateType: no partial dates).`;
const duration = (what: string) => `${what}: an ISO 8601 duration such as P1Y6M (ECRIS xsd:duration).`;

export const DecidingAuthority = record('uk.ecris.model.DecidingAuthority', 'ECRIS dm:DecidingAuthorityType: the court or authority.', [
  optional('code', string, 'National code of the authority (<= 50 characters).'),
  text('name', 'Name, multilingual, <= 400 characters each.'),
]);

export const Decision = record(
  'uk.ecris.model.Decision',
  'ECRIS dm:DecisionType: the original judgment or a later decision changing the conviction (appeal, pardon, rehabilitation...).',
  [
    required('decisionId', string, 'D-NNNNN, unique within the message.'),
    many('changeTypeRefs', string, 'Decision change types DCH-NN-X; empty for the original judgment.'),
    optional('decisionDate', string, fullDate('Decision date')),
    optional('finalDate', string, fullDate('Date the decision became final')),
    optional('decidingAuthority', DecidingAuthority, 'Authority that took this decision, when not the convicting court.'),
    required('deleteConvictionFromRegister', YesNoUnknown, 'DecisionDeleteConvictionFromRegister: should the nationality state remove the conviction (e.g. quashed on appeal)?'),
    optionalText('remarks', 'Remarks, <= 4000 characters each.'),
  ],
);

export const Offence = record('uk.ecris.model.Offence', 'ECRIS dm:OffenceType (Annex A common category plus national detail).', [
  required('offenceId', string, 'O-NNNNN, unique within the message.'),
  required('commonCategoryRef', string, 'Annex A category as an ECRIS reference O-NN-NNNNNN (e.g. O-00-090900 for category 0909 00).'),
  required('applicableLegalProvisions', string, 'Statutory provisions applied (<= 400 characters).'),
  optional('nationalCategoryCode', string, 'National offence code (<= 50 characters), e.g. the UK offence code.'),
  text('nationalTitle', 'National title of the offence, multilingual, <= 400 characters each.'),
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
  optional('startDate', PartialDate, 'Offence (start) date; partial allowed.'),
  optional('endDate', PartialDate, 'End date of a continuous offence; partial allowed.'),
  optional('place', Place, 'Where the offence was committed.'),
  optional('numberOfOccurrences', int, 'Number of occurrences, 1-999.'),
  required('isContinuous', YesNoUnknown, 'OffenceIsContinuous.'),
  optional('levelOfCompletionRef', string, 'Level of completion LC-NN-X (Annex A parameter: C completed, A attempt, 0 not transmitted).'),
  optional('levelOfParticipationRef', string, 'Level of participation LP-NN-X (Annex A parameter: M perpetrator, H aider/abettor, 0 not transmitted).'),
  required('responsibilityExemption', YesNoUnknown, 'Annex A parameter S: insanity or diminished responsibility.'),
  required('recidivism', YesNoUnknown, 'Annex A parameter R: recidivism.'),
]);

const periodFields = [
  optional('startDate', string, fullDate('Start date')),
  optional('duration', string, duration('Duration')),
  optional('endDate', string, fullDate('End date')),
];

export const SentencedPeriod = record('uk.ecris.model.SentencedPeriod', 'ECRIS dm:SanctionSentencedPeriodType: the period imposed.', [
  ...periodFields,
  required('durationExact', YesNoUnknown, 'DurationExact: is the duration exact?'),
]);

export const Period = record('uk.ecris.model.Period', 'ECRIS dm:SanctionPeriodType: start, duration and end, each optional.', periodFields);

export const Suspension = record('uk.ecris.model.Suspension', 'ECRIS dm:SanctionSuspensionType.', [
  required('typeRef', string, 'Type of suspension S-NN-X.'),
  ...periodFields,
  optional('durationSuspendedPart', string, duration('Duration of the suspended part')),
  optional('probationDuration', string, duration('Probation duration')),
  optional('partiallySuspendedAmount', string, 'Suspended part of a fine: a positive decimal with at most 2 fraction digits, e.g. "150.50".'),
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
]);

export const Interruption = record('uk.ecris.model.Interruption', 'ECRIS dm:SanctionInterruptionType: an interruption or postponement of enforcement.', [
  ...periodFields,
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
]);

export const Sanction = record('uk.ecris.model.Sanction', 'ECRIS dm:SanctionType (Annex B common category plus national detail).', [
  required('sanctionId', string, 'S-NNNNN, unique within the message.'),
  required('natureRef', string, 'Nature (penalty or measure) N-NN-X.'),
  required('commonCategoryRef', string, 'Annex B category as an ECRIS reference S-NN-NNNNNN.'),
  optional('alternativeTypeRef', string, 'Alternative sanction type SAT-NN-X.'),
  required('multiplier', int, 'SanctionMultiplier, 1-999.'),
  required('isSpecificToMinor', YesNoUnknown, 'Annex B parameter s: penalty or measure specific to minors.'),
  optional('nationalCategoryCode', string, 'National sanction code (<= 50 characters).'),
  text('nationalTitle', 'National title of the sanction, multilingual, <= 400 characters each.'),
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
  optional('sentencedPeriod', SentencedPeriod, 'The period imposed.'),
  optional('executionPeriod', Period, 'When it is enforced.'),
  optional('numberOfFines', int, 'Number of fines (e.g. day-fines), 1-999.'),
  optional('amountOfIndividualFine', string, 'Amount of one fine: a positive decimal with at most 2 fraction digits, e.g. "150.50".'),
  optional('currencyOfFineRef', string, 'Currency reference CX-NN-NNN-AAA.'),
  optional('suspension', Suspension, 'Suspension, when (partly) suspended.'),
  many('interruptions', Interruption, 'Interruptions or postponements.'),
]);

export const DecisionToOffences = record('uk.ecris.model.DecisionToOffences', 'ECRIS DecisionToOffencesRelationshipType: the offences a decision concerns.', [
  required('decisionId', string, 'A decisionId of this conviction.'),
  atLeastOne('offenceIds', string, 'offenceIds of this conviction.'),
]);

export const DecisionToSanctions = record('uk.ecris.model.DecisionToSanctions', 'ECRIS DecisionToSanctionsRelationshipType: the sanctions a decision imposes or changes.', [
  required('decisionId', string, 'A decisionId of this conviction.'),
  atLeastOne('sanctionIds', string, 'sanctionIds of this conviction.'),
]);

export const SanctionToOffences = record('uk.ecris.model.SanctionToOffences', 'ECRIS SanctionToOffencesRelationshipType: the offences a sanction punishes.', [
  required('sanctionId', string, 'A sanctionId of this conviction.'),
  atLeastOne('offenceIds', string, 'offenceIds of this conviction.'),
]);

export const SanctionToSanctions = record('uk.ecris.model.SanctionToSanctions', 'ECRIS SanctionToSanctionsRelationshipType: a typed link between sanctions.', [
  optional('typeRef', string, 'Relationship type SSR-NN-NN.'),
  required('sourceSanctionId', string, 'A sanctionId of this conviction.'),
  atLeastOne('destinationSanctionIds', string, 'sanctionIds of this conviction.'),
]);

export const Conviction = record('uk.ecris.model.Conviction', 'ECRIS dm:ConvictionType: one conviction with its decisions, offences and sanctions.', [
  required('convictionId', string, 'SS-C-NNNNNNNNNNNNNNN: the sending state plus 15 digits; reused to point at a conviction sent before.'),
  required('convictingCountryRef', string, 'Convicting country, ECRIS reference CO-NN-NNN-AAA.'),
  required('fileNumber', string, 'Court file number (<= 50 characters).'),
  required('decisionDate', string, fullDate('Date of the conviction')),
  required('decisionFinalDate', string, fullDate('Date the conviction became final')),
  required('decidingAuthority', DecidingAuthority, 'The convicting court.'),
  required('nonCriminalRuling', YesNoUnknown, 'ConvictionNonCriminalRuling.'),
  optional('retentionPeriodEndDate', string, fullDate('End of the retention period')),
  required('isTransmittable', YesNoUnknown, 'ConvictionIsTransmittable: may it be passed on when answering requests for purposes other than criminal proceedings?'),
  optionalText('remarks', 'Remarks, <= 4000 characters each.'),
  atLeastOne('decisions', Decision, '1..n decisions: the judgment and any later decision changing it.'),
  many('offences', Offence, 'Offences.'),
  many('sanctions', Sanction, 'Sanctions (penalties and measures).'),
  many('decisionToOffences', DecisionToOffences, 'ConvictionRelationship: decision to offences.'),
  many('decisionToSanctions', DecisionToSanctions, 'ConvictionRelationship: decision to sanctions.'),
  many('sanctionToOffences', SanctionToOffences, 'ConvictionRelationship: sanction to offences.'),
  many('sanctionToSanctions', SanctionToSanctions, 'ConvictionRelationship: sanction to sanctions.'),
]);
