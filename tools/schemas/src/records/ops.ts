/** Operators' actions on ops.actions.v1: every replay and manual decision is itself on the log. */
import { SchemaNames } from '@ecris/contracts';
import { enumeration, int, many, optional, record, required, string } from '../dsl';
import { EventMeta } from '../model/common';

/**
 * v2 added REFERENCE_DATA_LOADED. A reader built on v1 reads it as OTHER, its default symbol:
 * that is why every enum has one.
 */
export const OperatorActionKind = enumeration(
  'uk.ecris.ops.OperatorActionKind',
  'What the operator did.',
  ['REPLAY', 'REPLAY_DRY_RUN', 'MANUAL_MATCH', 'TRANSLATION_ENTERED', 'REVIEW_DECISION', 'DEAD_LETTER_RESOLVED', 'OTHER', 'REFERENCE_DATA_LOADED'],
  'OTHER',
);

export const RecordCoordinates = record('uk.ecris.ops.RecordCoordinates', 'Where a record sits on the log.', [
  required('topic', string, 'Topic name.'),
  required('partition', int, 'Partition.'),
  required('offset', string, 'Offset, a decimal string (Kafka offsets are 64-bit).'),
]);

export const OperatorAction = record(SchemaNames.operatorAction, 'An operator action: who did what, to which records, and why.', [
  required('meta', EventMeta, 'CloudEvents attributes of this record.'),
  required('actionId', string, 'Identifies the action; a replay marks the records it produced with it (replay-id).'),
  required('actor', string, 'Operator id (never a name).'),
  required('action', OperatorActionKind, 'What was done.'),
  required('reason', string, 'Why, in words; never personal data.'),
  optional('exchangeId', string, 'The exchange concerned, when there is one; the Kafka key.'),
  many('targets', RecordCoordinates, 'The records acted on (e.g. the dead letters replayed).'),
  { name: 'details', type: { type: 'map', values: string }, default: {}, doc: 'Action-specific parameters (e.g. time range, dry-run counts).' },
  required('at', string, 'ISO 8601 instant of the action.'),
  optional('ticketReference', string, 'Since v2: the change or incident ticket that authorised the action, when there is one.'),
]);
