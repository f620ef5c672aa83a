/**
 * Events between our own services: translation parts, review tasks, the register, deadlines.
 * TranslationRequested, TextTranslated and ReviewTaskRaised (v2) are in ./translation.ts.
 */
import { SchemaNames } from '@ecris/contracts';
import { enumeration, long, optional, record, required, string } from '../dsl';
import { EventMeta } from '../model/common';

const meta = required('meta', EventMeta, 'CloudEvents attributes of this record.');

export const TextToTranslate = record('uk.ecris.exchange.TextToTranslate', 'One free-text element to translate.', [
  required('path', string, 'Where the text sits in the source message, e.g. conviction.offences[0].nationalTitle[0].'),
  optional('sourceLang', string, 'ISO 639-1 language the sender declared, when it did.'),
  required('text', string, 'The text.'),
]);

export const TranslationMethod = enumeration(
  'uk.ecris.exchange.TranslationMethod',
  'Who translated: a machine, a person, or nobody because the text was already in the target language.',
  ['MACHINE', 'HUMAN', 'NOT_NEEDED', 'OTHER'],
  'OTHER',
);

export const TranslatedText = record('uk.ecris.exchange.TranslatedText', 'One translated element.', [
  required('path', string, 'The path given in the request.'),
  optional('sourceLang', string, 'ISO 639-1 language translated from, as declared or detected.'),
  required('text', string, 'The translation.'),
  required('method', TranslationMethod, 'How it was translated.'),
]);

export const ReviewKind = enumeration(
  'uk.ecris.exchange.ReviewKind',
  'What a person has to look at.',
  ['TRANSLATION', 'IDENTITY_MATCH', 'OFFENCE_EQUIVALENCE', 'FUNCTIONAL_ERROR', 'NOTIFICATION_PROBLEM', 'OTHER'],
  'OTHER',
);

export const ReviewOutcome = enumeration(
  'uk.ecris.exchange.ReviewOutcome',
  'How a review ended.',
  ['ACCEPTED', 'CORRECTED', 'REJECTED', 'WITHDRAWN', 'OTHER'],
  'OTHER',
);

export const ReviewTaskCompleted = record(SchemaNames.reviewTaskCompleted, 'A person finished a review task.', [
  meta,
  required('taskId', string, 'The task.'),
  required('outcome', ReviewOutcome, 'How it ended.'),
  required('completedBy', string, 'Operator id (never a name).'),
  required('completedAt', string, 'ISO 8601 instant.'),
  optional('note', string, 'A short note; never personal data.'),
]);

export const RegisterChange = enumeration(
  'uk.ecris.register.RegisterChange',
  'What happened to a register entry.',
  ['CREATED', 'REPLACED', 'DELETED', 'OTHER'],
  'OTHER',
);

export const RegisterUpdated = record(SchemaNames.registerUpdated, 'A change applied to the register of convictions notified to the UK.', [
  meta,
  required('entryId', string, 'The register entry.'),
  required('convictionId', string, 'The ECRIS conviction id SS-C-NNNNNNNNNNNNNNN.'),
  required('convictingState', string, 'The convicting state (ISO alpha-2).'),
  required('sourceMessageId', string, 'The ECRIS NOT that caused the change.'),
  required('change', RegisterChange, 'What changed.'),
  required('entryVersion', long, 'The entry version after the change (1 when created).'),
  required('appliedAt', string, 'ISO 8601 instant the change was committed.'),
]);

export const DeadlineKind = enumeration(
  'uk.ecris.exchange.DeadlineKind',
  'Which legal clock runs.',
  ['NOTIFY_CONVICTION', 'ANSWER_REQUEST', 'AWAIT_ANSWER', 'ANSWER_ADDITIONAL_INFO', 'OTHER'],
  'OTHER',
);

export const DeadlineRaised = record(SchemaNames.deadlineRaised, 'A legal clock started for an exchange.', [
  meta,
  required('deadlineId', string, 'Identifies the deadline.'),
  required('exchangeId', string, 'The exchange (ECRIS id of its opening message, or the conviction reference).'),
  required('kind', DeadlineKind, 'Which clock.'),
  required('rule', string, 'The configured rule applied, e.g. FRA2020-s1(5)-28-days.'),
  required('startsOn', string, 'Day the clock starts, full ISO 8601 date.'),
  required('dueOn', string, 'Last day, full ISO 8601 date (working days already counted).'),
]);

export const DeadlineOverdue = record(SchemaNames.deadlineOverdue, 'A deadline passed with the exchange still open.', [
  meta,
  required('deadlineId', string, 'The deadline.'),
  required('exchangeId', string, 'The exchange.'),
  required('kind', DeadlineKind, 'Which clock.'),
  required('dueOn', string, 'The day it was due, full ISO 8601 date.'),
  required('detectedAt', string, 'ISO 8601 instant it was found overdue.'),
]);
