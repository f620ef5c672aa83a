/**
 * What comes back on ecris.inbound.v1 for the NOTs we sent (ecris.md §2, scenarios 7 and 8), matched by
 * ResponseTo. Answers to other messages (REQ, RRS...) belong to other services and are passed over.
 *
 * - NRS success: the notification is acknowledged. NRS with any other code: a problem, for an operator.
 * - FEM: rejected; the operator work item carries the error codes, and the notification stays open
 *   (its deadline still counts) until a correction or a re-send supersedes it.
 * - RAI: answered with an RAR from the person as we sent them, or "not available".
 * An NRS or RAI that fails ECRIS validation, or names a NOT we never sent, is answered with a FEM.
 */
import type {
  AdditionalInformationItem,
  FunctionalError,
  FunctionalErrorItem,
  NotificationResponse,
  Person,
  RequestAdditionalInfo,
} from '@ecris/contracts';
import { FORMATS, FUNCTIONAL_ERRORS, functionalErrorItems, parseMessageId, validateMessage, type ValidationFailure } from '@ecris/ecris-model';
import { isMemberStateWireCode, type ReferenceData } from '@ecris/reference-data';
import { OTHER_NAMES_REMARK } from './build-notification';
import { endOfUkDay } from './deadline';
import { derivedMessageId } from './ids';
import { refuse, type NotificationRecord, type NotificationStatus, type Plan, type PlannedOutput, type Refusal } from './model';
import { workItem } from './notifications';

export interface AnswerEnv {
  readonly sender: string;
  readonly reference: ReferenceData;
  readonly onDate: string;
  /** The input's time: header timestamps and answer times. */
  readonly time: string;
  readonly responseTypes: AdditionalInfoResponseTypes;
}

/**
 * ECRIS additional-info response types (ART-..). The official values were not found (ecris.md §7 Q2):
 * these are configuration, defaulting by analogy with the observed RRT-00-00 and NRT-00-00, where
 * `-00` is the successful answer [I].
 */
export interface AdditionalInfoResponseTypes {
  readonly available: string;
  readonly notAvailable: string;
}

export const DEFAULT_RESPONSE_TYPES: AdditionalInfoResponseTypes = { available: 'ART-00-00', notAvailable: 'ART-00-01' };

/** NRT-00-00 "successful" is the only notification response type whose meaning was read (reference data). */
export const NRS_SUCCESS = 'NRT-00-00';

const NOTHING: Omit<Plan, 'outcome'> = { inserted: [], updated: [], outputs: [] };

/** The NOT id an answer refers to, when it is one of ours; undefined for answers that are not ours. */
export function answeredNotification(responseTo: string | null, sender: string): string | undefined {
  const answered = responseTo ? parseMessageId(responseTo) : undefined;
  return answered?.type === 'NOT' && answered.sender === sender ? responseTo! : undefined;
}

/** A NOT that never left (held, withdrawn before sending) has nothing to be answered about. */
function wasSent(row: NotificationRecord | undefined): row is NotificationRecord {
  return row !== undefined && row.sentAt !== null;
}

/** An answer moves a NOT on, except one already replaced by a later NOT (its answer is kept, its status too). */
function answered(row: NotificationRecord, status: NotificationStatus, by: string, codes: string[], at: string): NotificationRecord {
  return { ...row, status: row.status === 'SUPERSEDED' ? 'SUPERSEDED' : status, answeredBy: by, answerCodes: codes, answeredAt: at };
}

export function decideNotificationResponse(nrs: NotificationResponse, row: NotificationRecord | undefined, env: AnswerEnv): Plan | Refusal {
  if (!answeredNotification(nrs.header.responseTo, env.sender)) return { ...NOTHING, outcome: 'not-ours' };
  if (!answerable(nrs)) return unanswerable();
  const failures = validateMessage('NRS', nrs, { isMemberState: isMemberStateWireCode(env.reference, env.onDate) });
  if (failures.length > 0) return { ...NOTHING, outputs: [femBack(nrs, row, failures, env)], outcome: 'invalid-answer' };
  if (!wasSent(row)) return { ...NOTHING, outputs: [femBack(nrs, row, unknownNotification(), env)], outcome: 'answer-to-unknown-notification' };

  const code = nrs.responseTypeRef;
  if (code === NRS_SUCCESS) {
    return { ...NOTHING, updated: [answered(row, 'ACKNOWLEDGED', nrs.header.messageId, [code], env.time)], outcome: 'acknowledged' };
  }
  const label = env.reference.lookup('notification-response-types', code, env.onDate)?.label;
  const task = workItem(row, {
    id: `notification-out:${row.convictionReference}:NRS:${nrs.header.messageId}`,
    kind: 'NOTIFICATION_PROBLEM',
    reason:
      `${row.receivingState} answered ${row.messageId} with NRS ${nrs.header.messageId}, response type ${code} ` +
      `(${label ?? 'meaning not in the loaded reference data'}). Check it; correct the court record or re-send (REVIEW_DECISION resend-notification).`,
    dueBy: endOfUkDay(row.dueOn),
  });
  return { ...NOTHING, updated: [answered(row, 'PROBLEM', nrs.header.messageId, [code], env.time)], outputs: [task], outcome: 'problem-answer' };
}

export function decideFunctionalError(fem: FunctionalError, row: NotificationRecord | undefined, env: AnswerEnv): Plan {
  const notification = answeredNotification(fem.header.responseTo, env.sender);
  if (!notification) return { ...NOTHING, outcome: 'not-ours' };
  if (!wasSent(row)) {
    // Never answer a FEM with a FEM (two systems could bounce errors for ever): an operator looks.
    return {
      ...NOTHING,
      outputs: [
        {
          type: 'work-item',
          key: notification,
          step: `task/fem/${fem.header.messageId}`,
          value: {
            taskId: `notification-out:FEM:${fem.header.messageId}`,
            kind: 'FUNCTIONAL_ERROR',
            sourceMessageId: fem.header.messageId,
            reason: `${fem.header.sender} sent FEM ${fem.header.messageId} about ${notification}, which this service has no record of sending.`,
            dueBy: null,
            texts: [],
          },
        },
      ],
      outcome: 'answer-to-unknown-notification',
    };
  }
  // Only well-formed codes go into the work item: the other state's explanations are not ours to vouch
  // for and could quote personal data. They stay readable on the FEM itself, on the log.
  const all = fem.errors.map((error) => error.code);
  const codes = [...new Set(all.filter((code) => FORMATS.functionalErrorCode.pattern.test(code)))];
  const malformed = all.length - all.filter((code) => FORMATS.functionalErrorCode.pattern.test(code)).length;
  const task = workItem(row, {
    id: `notification-out:${row.convictionReference}:FEM:${fem.header.messageId}`,
    kind: 'FUNCTIONAL_ERROR',
    reason:
      `${row.receivingState} rejected ${row.messageId} with FEM ${fem.header.messageId}: ${codes.join(', ') || 'no well-formed code'}` +
      `${malformed > 0 ? ` (and ${malformed} malformed code${malformed > 1 ? 's' : ''})` : ''}. ` +
      `Correct the court record (the amendment re-sends it) or fix the cause and re-send (REVIEW_DECISION resend-notification); ` +
      `the 28-day deadline still counts.`,
    dueBy: endOfUkDay(row.dueOn),
  });
  return { ...NOTHING, updated: [answered(row, 'REJECTED', fem.header.messageId, codes, env.time)], outputs: [task], outcome: 'rejected' };
}

export function decideAdditionalInfoRequest(rai: RequestAdditionalInfo, row: NotificationRecord | undefined, env: AnswerEnv): Plan | Refusal {
  if (!answeredNotification(rai.header.responseTo, env.sender)) return { ...NOTHING, outcome: 'not-ours' };
  if (!answerable(rai)) return unanswerable();
  const failures = validateMessage('RAI', rai, { isMemberState: isMemberStateWireCode(env.reference, env.onDate) });
  if (failures.length > 0) return { ...NOTHING, outputs: [femBack(rai, row, failures, env)], outcome: 'invalid-answer' };
  if (!wasSent(row) || row.person === null) {
    return { ...NOTHING, outputs: [femBack(rai, row, unknownNotification(), env)], outcome: 'answer-to-unknown-notification' };
  }

  const wanted = [...new Set(rai.informationRequested)];
  const available = wanted.filter((item) => holds(row.person!, item));
  const missing = wanted.filter((item) => !available.includes(item));
  const output: PlannedOutput = {
    type: 'additional-info-response',
    key: row.exchangeId,
    step: `rar/${rai.header.messageId}`,
    value: {
      header: {
        messageId: derivedMessageId(env.sender, rai.header.sender, 'RAR', rai.header.messageId, 'rar'),
        timestamp: env.time,
        responseTo: rai.header.messageId,
        sender: env.sender,
        receiver: rai.header.sender,
      },
      contactPerson: null,
      remarks: missing.length > 0 ? [{ lang: 'en', translated: false, text: `Not available: ${missing.join(', ')}.` }] : [],
      person: available.length > 0 ? row.person : null,
      requestPurpose: [],
      responseTypeRef: available.length > 0 ? env.responseTypes.available : env.responseTypes.notAvailable,
      fingerprints: null,
    },
  };
  return { ...NOTHING, outputs: [output], outcome: 'additional-info-answered' };
}

/** Does the person as we sent them carry this item? The court record has no parents, documents, addresses or fingerprints. */
export function holds(person: Person, item: AdditionalInformationItem): boolean {
  const otherNames = person.remarks.some((remark) => remark.text.startsWith(OTHER_NAMES_REMARK));
  switch (item) {
    case 'Forename':
    case 'Surname':
    case 'Sex':
    case 'BirthDate':
    case 'BirthPlace':
    case 'Nationality':
      return true;
    case 'SecondSurname':
      return person.name.secondSurname !== null;
    case 'FormerName':
      return otherNames || person.formerForenames.length + person.formerSurnames.length > 0;
    case 'Alias':
      return otherNames || person.aliases.length > 0;
    case 'MotherName':
      return person.mother !== null;
    case 'FatherName':
      return person.father !== null;
    case 'IdentityNumber':
      return person.identityNumber !== null;
    case 'IdentificationDocument':
      return person.identificationDocuments.length > 0;
    case 'Address':
      return person.addresses.length > 0;
    default:
      // Fingerprints (no NIST file is held), MoreInformationOnRequestPurpose (a REQ matter), UNRECOGNISED.
      return false;
  }
}

/** A FEM goes back to the sender and names the message: both must be well formed to address one at all. */
function answerable(message: NotificationResponse | RequestAdditionalInfo): boolean {
  return FORMATS.memberState.pattern.test(message.header.sender) && FORMATS.messageId.pattern.test(message.header.messageId);
}

function unanswerable(): Refusal {
  return refuse('UNANSWERABLE', 'the header sender or message id is malformed, so not even a FEM can be addressed');
}

function unknownNotification(): ValidationFailure[] {
  const { code } = FUNCTIONAL_ERRORS.HEADER_MISMATCH;
  return [{ path: 'header.responseTo', code, kind: 'HEADER_MISMATCH', message: 'names no notification the United Kingdom sent' }];
}

/** A FEM back to the sender of an answer we cannot take, with the codes and field paths (never values). */
function femBack(
  message: NotificationResponse | RequestAdditionalInfo,
  row: NotificationRecord | undefined,
  failures: readonly ValidationFailure[],
  env: AnswerEnv,
): PlannedOutput {
  const errors: FunctionalErrorItem[] = functionalErrorItems(failures);
  return {
    type: 'functional-error',
    key: row?.exchangeId ?? message.header.responseTo ?? message.header.messageId,
    step: `fem/${message.header.messageId}`,
    value: {
      header: {
        messageId: derivedMessageId(env.sender, message.header.sender, 'FEM', message.header.messageId, 'fem'),
        timestamp: env.time,
        responseTo: message.header.messageId,
        sender: env.sender,
        receiver: message.header.sender,
      },
      contactPerson: null,
      remarks: [],
      errors,
    },
  };
}
