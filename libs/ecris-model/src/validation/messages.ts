/** The rules of each ECRIS message type beyond its header (messages-v1.0.xsd, ecris.md §2). */
import type {
  Cancellation,
  FunctionalError,
  IsAlive,
  Notification,
  NotificationResponse,
  Request,
  RequestAdditionalInfo,
  RequestAdditionalInfoResponse,
  RequestDeadline,
  RequestResponse,
} from '@ecris/contracts';
import { conviction } from './conviction';
import { at, type Failures } from './functional-errors';
import { memberState, type ValidationContext } from './header';
import { attachment, convictionReference } from './message-parts';
import { person } from './person';
import { fullDate, matches, multilingual, notEmpty, text } from './rules';

/** The ECRIS message records, by ECRIS message type code. */
export interface EcrisMessages {
  NOT: Notification;
  NRS: NotificationResponse;
  REQ: Request;
  RDL: RequestDeadline;
  RRS: RequestResponse;
  RAI: RequestAdditionalInfo;
  RAR: RequestAdditionalInfoResponse;
  FEM: FunctionalError;
  CAN: Cancellation;
  IAL: IsAlive;
}

type BodyRules = { [T in keyof EcrisMessages]: (f: Failures, value: EcrisMessages[T], context: ValidationContext) => void };

export const BODY_RULES: BodyRules = {
  NOT(f, value) {
    person(f, 'person', value.person);
    conviction(f, 'conviction', value.conviction);
    if (value.updatedConvictionReference !== null) {
      convictionReference(f, 'updatedConvictionReference', value.updatedConvictionReference);
    }
    const affected = value.otherAffectedConvictions;
    if (affected !== null) {
      if (affected.sourceConvictionId !== value.conviction.convictionId) {
        f.add(at('otherAffectedConvictions', 'sourceConvictionId'), 'UNKNOWN_REFERENCE', 'must be the convictionId of this notification');
      }
      notEmpty(f, at('otherAffectedConvictions', 'destinations'), affected.destinations);
      affected.destinations.forEach((ref, i) => convictionReference(f, at('otherAffectedConvictions', 'destinations', i), ref));
    }
    attachment(f, 'fingerprints', value.fingerprints);
  },
  NRS(f, value) {
    if (value.person !== null) person(f, 'person', value.person);
    matches(f, 'responseTypeRef', value.responseTypeRef, 'notificationResponseTypeRef');
  },
  REQ(f, value) {
    person(f, 'person', value.person);
    matches(f, 'purposeCategoryRef', value.purposeCategoryRef, 'requestPurposeRef');
    multilingual(f, 'purpose', value.purpose, 400, true);
    value.accusationOffenceCategoryRefs.forEach((ref, i) => matches(f, at('accusationOffenceCategoryRefs', i), ref, 'offenceCategoryRef'));
    multilingual(f, 'accusation', value.accusation, 400, false);
    matches(f, at('requestingAuthority', 'typeRef'), value.requestingAuthority.typeRef, 'requestingAuthorityTypeRef');
    text(f, at('requestingAuthority', 'code'), value.requestingAuthority.code, 50);
    multilingual(f, at('requestingAuthority', 'name'), value.requestingAuthority.name, 400, true);
    text(f, 'caseReferenceNumber', value.caseReferenceNumber, 50);
    attachment(f, 'fingerprints', value.fingerprints);
  },
  RDL(f, value) {
    fullDate(f, 'deadline', value.deadline);
  },
  RRS(f, value, context) {
    person(f, 'person', value.person);
    value.convictions.forEach((item, i) => conviction(f, at('convictions', i), item));
    value.otherMemberStates.forEach((code, i) => memberState(f, at('otherMemberStates', i), code, context));
    matches(f, 'responseTypeRef', value.responseTypeRef, 'requestResponseTypeRef');
  },
  RAI(f, value) {
    notEmpty(f, 'informationRequested', value.informationRequested);
    value.informationRequested.forEach((item, i) => {
      if (item === 'UNRECOGNISED') {
        f.add(at('informationRequested', i), 'NOT_ALLOWED', 'must be one of the ECRIS additional-information items');
      }
    });
    matches(f, 'binaryIdRequested', value.binaryIdRequested, 'binaryAttachmentId');
  },
  RAR(f, value) {
    if (value.person !== null) person(f, 'person', value.person);
    multilingual(f, 'requestPurpose', value.requestPurpose, 400, false);
    matches(f, 'responseTypeRef', value.responseTypeRef, 'additionalInfoResponseTypeRef');
    attachment(f, 'fingerprints', value.fingerprints);
  },
  FEM(f, value) {
    notEmpty(f, 'errors', value.errors);
    value.errors.forEach((error, i) => {
      matches(f, at('errors', i, 'code'), error.code, 'functionalErrorCode');
      multilingual(f, at('errors', i, 'additionalInformation'), error.additionalInformation, 4000, false);
    });
  },
  CAN() {
    // Header and remarks only: what is cancelled is header.responseTo.
  },
  IAL() {
    // Header only.
  },
};
