/**
 * The translation service's contract (services/translation/README.md): what a requester sends
 * (TranslationRequested v2: the received message's person and convictions), what it gets back
 * (TextTranslated v2: the same content rendered in English, every free text keeping its original), and
 * the review task a person completes when neither the memory nor a machine could translate a text.
 *
 * v2 of each only adds fields with defaults to v1 (schemas/README.md), so v1 readers and writers keep working:
 * a v1 request (free-standing `items` only) is still answered with translated `items`.
 */
import { SchemaNames } from '@ecris/contracts';
import { atLeastOne, boolean, int, many, optional, record, required, string } from '../dsl';
import { EventMeta, PartialDate, YesNoUnknown, optionalText, text } from '../model/common';
import {
  Conviction,
  DecidingAuthority,
  DecisionToOffences,
  DecisionToSanctions,
  Interruption,
  Period,
  SanctionToOffences,
  SanctionToSanctions,
  SentencedPeriod,
  Suspension,
} from '../model/conviction';
import { ConvictionReference } from '../model/message-parts';
import { Person, Place } from '../model/person';
import { ReviewKind, TextToTranslate, TranslatedText } from './internal-events';

const meta = required('meta', EventMeta, 'CloudEvents attributes of this record.');

const fullDate = (what: string) => `${what}: a full ISO 8601 calendar date YYYY-MM-DD.`;

/** What a received message carries, shared by the request and the answer. */
const sourceFields = [
  optional('messageType', string, 'Since v2: ECRIS type of the source message, NOT or RRS; null for a v1 request of free-standing texts.'),
  optional('senderState', string, 'Since v2: the state that sent the source message, ECRIS wire code (ISO 3166-1 alpha-2, e.g. ES).'),
  optional('sentAt', string, 'Since v2: the source message header timestamp (ISO 8601); reference codes are read as in force on its date.'),
  optional('person', Person, 'Since v2: the person as received. Names, places and identifiers are never translated.'),
  optional('updatedConvictionReference', ConvictionReference, 'Since v2: for a NOT, the earlier conviction it updates or deletes; null for a first notification.'),
];

export const TranslationRequested = record(SchemaNames.translationRequested, 'Free text of a received ECRIS message needs translating before it is used.', [
  meta,
  required('translationId', string, 'Identifies this translation job; deterministic from the source message (TR-<ECRIS message id>).'),
  required('sourceMessageId', string, 'The ECRIS message id the text came from.'),
  required('targetLang', string, 'ISO 639-1 language wanted (en).'),
  atLeastOne('items', TextToTranslate, 'Free-standing texts to translate (v1). A v2 request with structured content may leave it empty: the service finds the free texts of `convictions` and `remarks` itself.'),
  ...sourceFields,
  many('convictions', Conviction, 'Since v2: the convictions as received (one for a NOT, 0..n for an RRS); TextTranslated renders them in English.'),
  optionalText('remarks', 'Since v2: the message remarks as received.'),
]);

export const CodedValue = record('uk.ecris.exchange.CodedValue', 'An ECRIS reference code with its English label from the reference tables in force on the message date.', [
  required('ref', string, 'The code exactly as received, e.g. O-00-090900, CO-00-724-ESP, DCH-00-R.'),
  required('known', boolean, 'True when the reference table has the code. A partial table lacking it does not make the code wrong.'),
  optional('label', string, 'English label; null when the table has no English label for it. Never guessed: show the code instead.'),
  required('labelIsOfficial', boolean, 'True only for a label read in an official ECRIS source; false for derived or unofficial translations.'),
]);

export const EnglishDecision = record('uk.ecris.exchange.EnglishDecision', 'A decision of a received conviction, in English.', [
  required('decisionId', string, 'D-NNNNN as received.'),
  many('changeTypes', CodedValue, 'Decision change types DCH-NN-X with labels; empty for the original judgment.'),
  optional('decisionDate', string, fullDate('Decision date')),
  optional('finalDate', string, fullDate('Date the decision became final')),
  optional('decidingAuthority', DecidingAuthority, 'Authority of this decision; its name keeps the original and adds the English rendering.'),
  required('deleteConvictionFromRegister', YesNoUnknown, 'DecisionDeleteConvictionFromRegister as received.'),
  optionalText('remarks', 'Remarks: originals plus English renderings (translated=true).'),
]);

export const EnglishOffence = record('uk.ecris.exchange.EnglishOffence', 'An offence of a received conviction, in English.', [
  required('offenceId', string, 'O-NNNNN as received.'),
  required('category', CodedValue, 'Annex A common category (O-NN-NNNNNN) with its English label.'),
  text('applicableLegalProvisions', 'Statutory provisions: the original (a plain string in ECRIS, tagged with the message language) and its English rendering.'),
  optional('nationalCategoryCode', string, 'National offence code as received.'),
  text('nationalTitle', 'National title: originals plus English renderings (translated=true).'),
  optionalText('remarks', 'Remarks: originals plus English renderings.'),
  optional('startDate', PartialDate, 'Offence (start) date.'),
  optional('endDate', PartialDate, 'End date of a continuous offence.'),
  optional('place', Place, 'Where the offence was committed, as received.'),
  optional('numberOfOccurrences', int, 'Number of occurrences, 1-999.'),
  required('isContinuous', YesNoUnknown, 'OffenceIsContinuous.'),
  optional('levelOfCompletion', CodedValue, 'Level of completion LC-NN-X.'),
  optional('levelOfParticipation', CodedValue, 'Level of participation LP-NN-X.'),
  required('responsibilityExemption', YesNoUnknown, 'Annex A parameter S.'),
  required('recidivism', YesNoUnknown, 'Annex A parameter R.'),
]);

export const EnglishSanction = record('uk.ecris.exchange.EnglishSanction', 'A sanction of a received conviction, in English.', [
  required('sanctionId', string, 'S-NNNNN as received.'),
  required('nature', CodedValue, 'Nature N-NN-X (penalty or measure).'),
  required('category', CodedValue, 'Annex B common category S-NN-NNNNNN with its English label.'),
  optional('alternativeType', CodedValue, 'Alternative sanction type SAT-NN-X.'),
  required('multiplier', int, 'SanctionMultiplier, 1-999.'),
  required('isSpecificToMinor', YesNoUnknown, 'Annex B parameter s.'),
  optional('nationalCategoryCode', string, 'National sanction code as received.'),
  text('nationalTitle', 'National title: originals plus English renderings.'),
  optionalText('remarks', 'Remarks: originals plus English renderings.'),
  optional('sentencedPeriod', SentencedPeriod, 'The period imposed.'),
  optional('executionPeriod', Period, 'When it is enforced.'),
  optional('numberOfFines', int, 'Number of fines, 1-999.'),
  optional('amountOfIndividualFine', string, 'Amount of one fine, decimal string.'),
  optional('currencyOfFine', CodedValue, 'Currency CX-NN-NNN-AAA.'),
  optional('suspension', Suspension, 'Suspension; its remarks keep originals plus English renderings.'),
  many('interruptions', Interruption, 'Interruptions or postponements; remarks likewise.'),
]);

export const EnglishConviction = record('uk.ecris.exchange.EnglishConviction', 'A received conviction rendered in English: codes labelled, free texts translated, originals kept.', [
  required('convictionId', string, 'ECRIS conviction id SS-C-NNNNNNNNNNNNNNN as received.'),
  required('convictingCountry', CodedValue, 'Convicting country CO-NN-NNN-AAA with its English name.'),
  optional('convictingState', string, 'Convicting state as ISO 3166-1 alpha-2, where the country table knows the reference.'),
  required('fileNumber', string, 'Court file number.'),
  required('decisionDate', string, fullDate('Date of the conviction')),
  required('decisionFinalDate', string, fullDate('Date the conviction became final')),
  required('decidingAuthority', DecidingAuthority, 'The convicting court; its name keeps the original and adds the English rendering.'),
  required('nonCriminalRuling', YesNoUnknown, 'ConvictionNonCriminalRuling.'),
  optional('retentionPeriodEndDate', string, fullDate('End of the retention period')),
  required('isTransmittable', YesNoUnknown, 'ConvictionIsTransmittable as received.'),
  required('deleteFromRegister', YesNoUnknown, 'Yes when any decision asks the nationality state to delete the conviction; No when every decision says No; else UNKNOWN.'),
  optionalText('remarks', 'Remarks: originals plus English renderings.'),
  atLeastOne('decisions', EnglishDecision, 'The decisions.'),
  many('offences', EnglishOffence, 'The offences.'),
  many('sanctions', EnglishSanction, 'The sanctions.'),
  many('decisionToOffences', DecisionToOffences, 'As received.'),
  many('decisionToSanctions', DecisionToSanctions, 'As received.'),
  many('sanctionToOffences', SanctionToOffences, 'As received.'),
  many('sanctionToSanctions', SanctionToSanctions, 'As received.'),
]);

export const TextTranslated = record(SchemaNames.textTranslated, 'The English rendering of a received message: every requested text translated, and since v2 its convictions rendered in English.', [
  meta,
  required('translationId', string, 'The translation job.'),
  required('sourceMessageId', string, 'The ECRIS message id the text came from.'),
  required('targetLang', string, 'ISO 639-1 language of the translations.'),
  atLeastOne('items', TranslatedText, 'One per text that needed translating (requested items and, since v2, the free texts found in the convictions and remarks), saying how it was translated.'),
  ...sourceFields,
  many('convictions', EnglishConviction, 'Since v2: the convictions in English, in the order received (one for a NOT).'),
  optionalText('remarks', 'Since v2: the message remarks, originals plus English renderings.'),
]);

export const ReviewTaskRaised = record(SchemaNames.reviewTaskRaised, 'Work a person must do before the exchange can go on.', [
  meta,
  required('taskId', string, 'Identifies the task.'),
  required('kind', ReviewKind, 'What to review.'),
  required('sourceMessageId', string, 'The ECRIS message (or agency request id) the task is about.'),
  required('reason', string, 'Why, in words; never personal data (it is shown in work queues and logs).'),
  optional('dueBy', string, 'ISO 8601 instant by which it should be done, when a deadline applies.'),
  many('texts', TextToTranslate, 'Since v2, for a TRANSLATION task: the texts a person must translate, each once, with the path to answer under.'),
]);
