/**
 * The ten ECRIS v1.0 message types (shared/domain/ecris.md §2), one Avro record each, carried side by
 * side on ecris.outbound.v1 and ecris.inbound.v1 and told apart by writer fingerprint and ce_type.
 * The *Push variants are not modelled: fingerprint files travel by reference (BinaryAttachmentRef).
 */
import { SchemaNames } from '@ecris/contracts';
import { atLeastOne, boolean, many, optional, record, required, string, type AvroField } from '../dsl';
import { EventMeta, YesNoUnknown, optionalText, text } from '../model/common';
import { Conviction } from '../model/conviction';
import {
  AdditionalInformationItem,
  BinaryAttachmentRef,
  ContactPerson,
  ConvictionReference,
  ConvictionToConvictions,
  FunctionalErrorItem,
  MessageHeader,
  RequestingAuthority,
} from '../model/message-parts';
import { Person } from '../model/person';

/** What every business message starts with: our meta record, the ECRIS header, contact and remarks. */
function ecrisMessage(fullName: string, doc: string, data: AvroField[]) {
  return record(fullName, doc, [
    required('meta', EventMeta, 'CloudEvents attributes of this record.'),
    required('header', MessageHeader, 'ECRIS message id, timestamp, ResponseTo, sender and receiver.'),
    optional('contactPerson', ContactPerson, 'MessageDataContactPerson.'),
    optionalText('remarks', 'MessageDataRemarks, <= 4000 characters each.'),
    ...data,
  ]);
}

export const Notification = ecrisMessage(
  SchemaNames.notification,
  'ECRIS NOT: the convicting state tells a nationality state about one conviction, or about a later change to it.',
  [
    required('person', Person, 'MessageDataPerson.'),
    required('conviction', Conviction, 'MessageDataConviction: exactly one conviction.'),
    optional('updatedConvictionReference', ConvictionReference, 'The conviction this notification updates (appeal, variation, deletion); null for a first notification.'),
    optional('otherAffectedConvictions', ConvictionToConvictions, 'MessageDataOtherAffectedConviction.'),
    optional('fingerprints', BinaryAttachmentRef, 'MessageDataFingerprints: reference to the NIST file.'),
  ],
);

export const NotificationResponse = ecrisMessage(
  SchemaNames.notificationResponse,
  'ECRIS NRS: the business acknowledgement of a NOT (receipt or problem).',
  [
    optional('person', Person, 'The person as the receiving state recorded them.'),
    required('responseTypeRef', string, 'Notification response type NRT-NN-NN (NRT-00-00 = success).'),
  ],
);

export const Request = ecrisMessage(SchemaNames.request, 'ECRIS REQ: a request for information on a person from the criminal record.', [
  required('person', Person, 'MessageDataPerson.'),
  required('purposeCategoryRef', string, 'Request purpose category P-NN-NNNNNN.'),
  text('purpose', 'Purpose of the request, multilingual, <= 400 characters each.'),
  many('accusationOffenceCategoryRefs', string, 'Offence categories the person is accused of, O-NN-NNNNNN.'),
  optionalText('accusation', 'Accusation, multilingual, <= 400 characters each.'),
  required('requestingAuthority', RequestingAuthority, 'Who asks.'),
  optional('caseReferenceNumber', string, 'Case reference (<= 50 characters).'),
  required('concernedPersonConsent', YesNoUnknown, 'Has the person concerned consented?'),
  required('urgency', YesNoUnknown, 'Yes = high urgency, No = normal, UNKNOWN.'),
  optional('fingerprints', BinaryAttachmentRef, 'MessageDataFingerprints: reference to the NIST file.'),
]);

export const RequestDeadline = ecrisMessage(
  SchemaNames.requestDeadline,
  'ECRIS RDL: the requested state gives the legal date by which it will reply (FD 2009/315/JHA Art. 8).',
  [required('deadline', string, 'Deadline, a full ISO 8601 date YYYY-MM-DD.')],
);

export const RequestResponse = ecrisMessage(
  SchemaNames.requestResponse,
  'ECRIS RRS: the answer to a REQ: convictions found, none, a denial or a problem, told apart by the response type.',
  [
    required('person', Person, 'MessageDataPerson.'),
    many('convictions', Conviction, 'Convictions held, 0..n.'),
    many('otherMemberStates', string, 'States that may also hold information (ECRIS wire codes), where a request can also be sent.'),
    required('responseTypeRef', string, 'Request response type RRT-NN-NN.'),
  ],
);

export const RequestAdditionalInfo = ecrisMessage(
  SchemaNames.requestAdditionalInfo,
  'ECRIS RAI: the receiver of a REQ or NOT asks for more data to identify the person.',
  [
    atLeastOne('informationRequested', AdditionalInformationItem, '1..n items wanted.'),
    optional('binaryIdRequested', string, 'The attachment wanted, SS-BA-NNNNNNNNN.'),
  ],
);

export const RequestAdditionalInfoResponse = ecrisMessage(
  SchemaNames.requestAdditionalInfoResponse,
  'ECRIS RAR: the answer to an RAI, with the data or saying it is not available.',
  [
    optional('person', Person, 'The person with the additional data, as available.'),
    optionalText('requestPurpose', 'More information on the request purpose, <= 400 characters each.'),
    required('responseTypeRef', string, 'Additional-info response type ART-NN-NN.'),
    optional('fingerprints', BinaryAttachmentRef, 'MessageDataFingerprints: reference to the NIST file.'),
  ],
);

export const FunctionalError = ecrisMessage(
  SchemaNames.functionalError,
  'ECRIS FEM: one or more functional errors found while processing a received message.',
  [atLeastOne('errors', FunctionalErrorItem, '1..n errors.')],
);

export const Cancellation = ecrisMessage(
  SchemaNames.cancellation,
  'ECRIS CAN: withdraws a message sent before (only REQ, RRS, NOT and NRS); header.responseTo names it.',
  [],
);

export const IsAlive = record(SchemaNames.isAlive, 'ECRIS IAL: a technical health check of the other endpoint.', [
  required('meta', EventMeta, 'CloudEvents attributes of this record.'),
  required('header', MessageHeader, 'ECRIS message id, timestamp, sender and receiver.'),
  required('isAlive', boolean, 'IsAlive.'),
]);
