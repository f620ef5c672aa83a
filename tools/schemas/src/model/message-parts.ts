/** Parts of ECRIS messages that are not domain records: the header, contacts, attachments, references. */
import { enumeration, long, optional, record, required, string } from '../dsl';
import { NameText, optionalText, text } from './common';
import { DecidingAuthority } from './conviction';

export const MessageHeader = record(
  'uk.ecris.message.MessageHeader',
  'ECRIS MessageMetaData plus the two member states, which the message id also spells out.',
  [
    required('messageId', string, 'SS-RR-TTT-NNNNNNNNNNNNNNN (25 characters): sender state, receiver state, message type, 15 digits. Unique across ECRIS.'),
    required('timestamp', string, 'MessageMetaDataTimestamp: ISO 8601 date-time the sender gave the message.'),
    optional('responseTo', string, 'MessageMetaDataResponseTo: the id of the message this one answers or cancels; mandatory except for REQ, NOT and IAL.'),
    required('sender', string, 'Sending member state, ECRIS v1.0 wire code (ISO 3166-1 alpha-2: GB, GR, not UK, EL).'),
    required('receiver', string, 'Receiving member state, ECRIS v1.0 wire code (ISO 3166-1 alpha-2).'),
  ],
);

export const ContactPerson = record('uk.ecris.message.ContactPerson', 'ECRIS msg:ContactPersonType: who to contact about this message.', [
  optional('forename', NameText, 'Forename.'),
  optional('surname', NameText, 'Surname.'),
  optional('secondSurname', NameText, 'Second surname.'),
  optional('phone', string, 'Phone number, 8-30 characters.'),
  optional('fax', string, 'Fax number, 8-30 characters.'),
  required('email', string, 'E-mail address (<= 320 characters).'),
]);

export const BinaryAttachmentRef = record(
  'uk.ecris.message.BinaryAttachmentRef',
  'ECRIS msg:BinaryAttachmentType (e.g. a NIST fingerprint file). The bytes never travel on Kafka: they are stored and referenced (claim check).',
  [
    required('attachmentId', string, 'SS-BA-NNNNNNNNN.'),
    required('mimeType', string, 'MIME type; application/nist is the only one ECRIS expects.'),
    required('fileName', string, 'File name (<= 200 characters).'),
    optionalText('title', 'Title, <= 400 characters each.'),
    optional('fileSize', long, 'Size in bytes.'),
    optionalText('comment', 'Comment, <= 4000 characters each.'),
    optional('md5Hash', string, 'MD5 of the file as ECRIS gives it (<= 50 characters).'),
    optional('storageRef', string, 'Where ECRIS Exchange stored the bytes (an object-store key); null until fetched (ECRIS pull model).'),
  ],
);

export const ExternalConvictionReference = record(
  'uk.ecris.message.ExternalConvictionReference',
  'A conviction that was not sent through ECRIS, identified by court, file number and final date.',
  [
    required('convictingAuthority', DecidingAuthority, 'The convicting court.'),
    required('fileNumber', string, 'Court file number (<= 50 characters).'),
    required('decisionFinalDate', string, 'Final date, full ISO 8601 date YYYY-MM-DD.'),
  ],
);

export const ConvictionReference = record(
  'uk.ecris.message.ConvictionReference',
  'ECRIS Structured(Strict|Loose)ConvictionReferenceType, an XSD choice: exactly one of the three fields is set.',
  [
    optional('ecrisConvictionId', string, 'A conviction sent through ECRIS: SS-C-NNNNNNNNNNNNNNN.'),
    optional('njrConvictionReference', string, 'A conviction sent through the earlier NJR network (1-20 characters).'),
    optional('externalConviction', ExternalConvictionReference, 'A conviction sent by other means.'),
  ],
);

export const ConvictionToConvictions = record(
  'uk.ecris.message.ConvictionToConvictions',
  'ECRIS MessageDataOtherAffectedConviction: other convictions this conviction affects (e.g. an aggregate sentence).',
  [
    required('sourceConvictionId', string, 'The convictionId in this message.'),
    { name: 'destinations', type: { type: 'array', items: ConvictionReference }, doc: '1..n affected convictions.' },
  ],
);

export const RequestingAuthority = record('uk.ecris.message.RequestingAuthority', 'ECRIS msg:RequestingAuthorityType.', [
  required('typeRef', string, 'Requesting authority type RAT-NN-X.'),
  optional('code', string, 'National code of the authority (<= 50 characters).'),
  text('name', 'Name, multilingual, <= 400 characters each.'),
]);

export const FunctionalErrorItem = record('uk.ecris.message.FunctionalErrorItem', 'ECRIS msg:FunctionalErrorType.', [
  required('code', string, 'Functional error code FE-NNNNN.'),
  optionalText('additionalInformation', 'Explanation, <= 4000 characters each. Never the offending personal data.'),
]);

export const AdditionalInformationItem = enumeration(
  'uk.ecris.message.AdditionalInformationItem',
  'ECRIS msg:AdditionalInformationRequestedEnumeration. UNRECOGNISED is ours, not ECRIS: the default a reader gets for a symbol added after it was built; never sent.',
  [
    'Forename',
    'Surname',
    'SecondSurname',
    'Sex',
    'BirthDate',
    'BirthPlace',
    'Nationality',
    'FormerName',
    'MotherName',
    'FatherName',
    'IdentityNumber',
    'IdentificationDocument',
    'Address',
    'Alias',
    'Fingerprints',
    'MoreInformationOnRequestPurpose',
    'UNRECOGNISED',
  ],
  'UNRECOGNISED',
);
