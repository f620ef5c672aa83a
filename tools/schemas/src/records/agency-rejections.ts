/**
 * request-out's refusals of what a UK agency asked for, on agency.responses.v1: a business rejection
 * is an event, not an exception (architecture §5), so the log shows every refused submission or read,
 * and an agency that sent its request over Kafka learns why nothing was sent.
 */
import { SchemaNames } from '@ecris/contracts';
import { enumeration, many, optional, record, required, string } from '../dsl';
import { EventMeta } from '../model/common';

export const RequestChannel = enumeration('uk.ecris.agency.RequestChannel', 'How the agency reached request-out.', ['HTTP', 'KAFKA', 'OTHER'], 'OTHER');

export const RefusedAction = enumeration(
  'uk.ecris.agency.RefusedAction',
  'What the agency tried to do.',
  ['SUBMIT', 'READ_STATUS', 'READ_ANSWERS', 'FOLLOW_UP', 'OTHER'],
  'OTHER',
);

export const RejectionReason = enumeration(
  'uk.ecris.agency.RejectionReason',
  'Why it was refused.',
  [
    'INVALID_REQUEST',
    'UNKNOWN_AGENCY',
    'PURPOSE_NOT_AUTHORISED',
    'NOT_FOUND',
    'DUPLICATE_REQUEST_ID',
    'NO_STATE_TO_ASK',
    'FOLLOW_UP_NOT_OFFERED',
    'OTHER',
  ],
  'OTHER',
);

export const RequestRejected = record(SchemaNames.agencyRequestRejected, 'request-out refused what an authenticated agency asked for: nothing was sent for it.', [
  required('meta', EventMeta, 'CloudEvents attributes of this record.'),
  required('rejectionId', string, 'Identifies this refusal.'),
  optional('requestId', string, 'The agency request concerned, when there is one; the Kafka key (else the rejection id is).'),
  required('agencyCode', string, 'The agency that asked, as authenticated (HTTP) or as named in the record (Kafka).'),
  required('channel', RequestChannel, 'How it asked.'),
  required('action', RefusedAction, 'What it tried to do.'),
  required('reason', RejectionReason, 'Why it was refused.'),
  optional('purposeCategoryRef', string, 'The purpose asked for, when the refusal concerns one.'),
  many('problems', string, 'What is wrong, one line each, as field path and rule; never the values (they may be personal data).'),
  optional('httpStatus', string, 'The HTTP status the agency was given (e.g. 403), for HTTP refusals.'),
  required('at', string, 'ISO 8601 instant of the refusal.'),
]);
