/**
 * ECRIS v1.0 building blocks shared by every ECRIS record (shared/domain/ecris.md §2, §9;
 * the element tree in shared/domain/reference-data/ecris-v1-message-structure.json).
 */
import { atLeastOne, boolean, enumeration, int, many, optional, record, required, string } from '../dsl';

/** The CloudEvents attributes, mirrored from the Kafka headers (libs/messaging/src/cloudevents/event-meta.ts). */
export const EventMeta = record(
  'uk.ecris.meta.EventMeta',
  'CloudEvents attributes of this record, the same as its ce_* headers, so they survive tools that drop headers.',
  [
    required('id', string, 'ce_id: unique per event and deterministic (UUID v5 of the input id and the step); the dedupe key.'),
    required('source', string, 'ce_source: the producing service, e.g. /ecris-exchange/notification-out.'),
    required('type', string, 'ce_type: the event type, e.g. uk.ecris.notification.sent.v1.'),
    required('time', string, 'ce_time: ISO 8601 instant.'),
    optional('subject', string, 'ce_subject: exchange or record id; never a name or other personal data.'),
    required('correlationId', string, 'ce_correlationid: the exchange this event belongs to.'),
    optional('causationId', string, 'ce_causationid: the id of the event that caused this one; null for the first.'),
    optional('traceparent', string, 'W3C trace context, when there is one.'),
  ],
);

/** ECRIS commons:YesNoUnknownStringEnumerationType, spelled exactly as on the ECRIS wire. */
export const YesNoUnknown = enumeration(
  'uk.ecris.model.YesNoUnknown',
  'ECRIS three-valued flag. UNKNOWN is legal and common: never collapse it into a boolean.',
  ['Yes', 'No', 'UNKNOWN'],
  'UNKNOWN',
);

/** ECRIS dm:SexType, ISO 5218 codes 0, 1, 2 (Avro symbols cannot start with a digit). */
export const Sex = enumeration(
  'uk.ecris.model.Sex',
  'ISO 5218 as used by ECRIS: NOT_KNOWN = 0, MALE = 1, FEMALE = 2.',
  ['NOT_KNOWN', 'MALE', 'FEMALE'],
  'NOT_KNOWN',
);

/** ECRIS commons:DateType: year mandatory, month and day optional (a day needs a month). */
export const PartialDate = record(
  'uk.ecris.model.PartialDate',
  'ECRIS partial date (commons:DateType): year, optional month, optional day (a day only with a month).',
  [
    required('year', int, 'Four-digit year.'),
    optional('month', int, '1-12, when known.'),
    optional('day', int, '1-31, when known; only together with a month.'),
  ],
);

/** One linguistic representation of a multilingual ECRIS text. */
export const TextRepresentation = record(
  'uk.ecris.model.TextRepresentation',
  'One representation of an ECRIS multilingual text: its language, whether it is a translation, and the text.',
  [
    optional('lang', string, 'ISO 639-1 language code (ECRIS languageCode attribute), when given.'),
    optional('translated', boolean, 'ECRIS translated attribute: true when this text is a translation or transliteration.'),
    required('text', string, 'The text; its maximum length depends on the element (50, 200, 400 or 4000 characters).'),
  ],
);

/** ECRIS commons:NameTextType: a name with an optional language code. */
export const NameText = record('uk.ecris.model.NameText', 'A forename or surname (<= 200 characters) with its optional ISO 639-1 language.', [
  optional('lang', string, 'ISO 639-1 language code, when given.'),
  required('text', string, 'The name as written.'),
]);

/** A mandatory ECRIS multilingual text: 1..n representations. */
export const text = (name: string, doc: string) => atLeastOne(name, TextRepresentation, doc);

/** An optional ECRIS multilingual text: an empty array means absent, so no union is needed. */
export const optionalText = (name: string, doc: string) => many(name, TextRepresentation, doc);
