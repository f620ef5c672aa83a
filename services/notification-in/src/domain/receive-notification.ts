/**
 * What the UK answers to a NOT another state sent it (ecris.md §1 process 2, §6 scenarios 10 and 12):
 * - it fails validation: a FEM back to the sender with each error's code and field path;
 * - it is about someone who is not a UK national: an NRS with the "not a national" problem code, and
 *   nothing further (the UK is not the state of nationality, so it does not record it);
 * - otherwise: an NRS acknowledging receipt, and a request to render it in English for the register.
 * Pure: the reply ids and the time come in as arguments, so a replay gives the same answer.
 */
import type { FunctionalError, Notification, NotificationResponse, TranslationRequested } from '@ecris/contracts';
import {
  FORMATS,
  FUNCTIONAL_ERRORS,
  formatMessageId,
  functionalErrorItems,
  parseMessageId,
  validateMessage,
  type ValidationContext,
  type ValidationFailure,
} from '@ecris/ecris-model';
import { isOurNational } from './nationality';

export interface ReceptionSettings {
  /** Our ECRIS wire code (GB): the only receiver we accept NOTs for. */
  readonly ourState: string;
  /** Every country reference that means our nationality (CO-00-826-GBR). */
  readonly ourNationalityRefs: ReadonlySet<string>;
  /** NRT code of a successful receipt (NRT-00-00). */
  readonly acknowledgedResponseType: string;
  /** NRT code of "the person is not a national of the receiving state" (configurable; see README). */
  readonly notANationalResponseType: string;
  readonly validation: ValidationContext;
}

/** The 15-digit serial of a reply's ECRIS message id, derived from the received message and `step`. */
export type ReplySerial = (step: string) => bigint;

export type ReceptionOutcome = 'ACKNOWLEDGED' | 'NOT_A_NATIONAL' | 'REJECTED';

export type EcrisReply =
  | { readonly type: 'NRS'; readonly value: Omit<NotificationResponse, 'meta'> }
  | { readonly type: 'FEM'; readonly value: Omit<FunctionalError, 'meta'> };

export type Reception =
  | {
      readonly outcome: ReceptionOutcome;
      readonly reply: EcrisReply;
      /** Only for an acknowledged notification. */
      readonly translation: Omit<TranslationRequested, 'meta'> | null;
    }
  /** No valid message id or sender to answer to: nobody can be sent a FEM. */
  | { readonly outcome: 'UNANSWERABLE'; readonly reason: string };

export const TRANSLATION_TARGET_LANGUAGE = 'en';

export function translationIdOf(messageId: string): string {
  return `TR-${messageId}`;
}

export function receiveNotification(
  notification: Notification,
  settings: ReceptionSettings,
  replySerial: ReplySerial,
  time: string,
): Reception {
  const { header } = notification;
  if (!parseMessageId(header.messageId)) return { outcome: 'UNANSWERABLE', reason: 'the message id has no ECRIS format' };
  if (!FORMATS.memberState.pattern.test(header.sender)) return { outcome: 'UNANSWERABLE', reason: 'the sender is not a member state code' };

  const failures = [...validateMessage('NOT', notification, settings.validation), ...receiverFailures(notification, settings)];
  if (failures.length > 0) {
    return { outcome: 'REJECTED', reply: functionalError(notification, failures, settings, replySerial, time), translation: null };
  }
  if (!isOurNational(notification.person.nationalityRefs, settings.ourNationalityRefs)) {
    const reply = notificationResponse(notification, settings.notANationalResponseType, notANationalRemark(settings), settings, replySerial, time);
    return { outcome: 'NOT_A_NATIONAL', reply, translation: null };
  }
  return {
    outcome: 'ACKNOWLEDGED',
    reply: notificationResponse(notification, settings.acknowledgedResponseType, null, settings, replySerial, time),
    translation: translationRequest(notification),
  };
}

/** A NOT addressed to another state reached us by mistake: say so rather than acknowledge it. */
function receiverFailures(notification: Notification, settings: ReceptionSettings): ValidationFailure[] {
  if (notification.header.receiver === settings.ourState) return [];
  return [
    {
      path: 'header.receiver',
      code: FUNCTIONAL_ERRORS.HEADER_MISMATCH.code,
      kind: 'HEADER_MISMATCH',
      message: `must be ${settings.ourState}, the state this message was delivered to`,
    },
  ];
}

function replyHeader(notification: Notification, type: 'NRS' | 'FEM', settings: ReceptionSettings, replySerial: ReplySerial, time: string) {
  const receiver = notification.header.sender;
  return {
    messageId: formatMessageId({ sender: settings.ourState, receiver, type, serial: replySerial(type.toLowerCase()) }),
    timestamp: time,
    responseTo: notification.header.messageId,
    sender: settings.ourState,
    receiver,
  };
}

function functionalError(
  notification: Notification,
  failures: readonly ValidationFailure[],
  settings: ReceptionSettings,
  replySerial: ReplySerial,
  time: string,
): EcrisReply {
  return {
    type: 'FEM',
    value: {
      header: replyHeader(notification, 'FEM', settings, replySerial, time),
      contactPerson: null,
      remarks: [],
      errors: functionalErrorItems(failures),
    },
  };
}

function notificationResponse(
  notification: Notification,
  responseTypeRef: string,
  remark: string | null,
  settings: ReceptionSettings,
  replySerial: ReplySerial,
  time: string,
): EcrisReply {
  return {
    type: 'NRS',
    value: {
      header: replyHeader(notification, 'NRS', settings, replySerial, time),
      contactPerson: null,
      remarks: remark === null ? [] : [{ lang: 'en', translated: null, text: remark }],
      person: null,
      responseTypeRef,
    },
  };
}

function notANationalRemark(settings: ReceptionSettings): string {
  return `The person is not a national of ${settings.ourState}: the notification is not recorded here.`;
}

/** Everything translation needs to render the conviction in English, passed on untouched. */
function translationRequest(notification: Notification): Omit<TranslationRequested, 'meta'> {
  const { header } = notification;
  return {
    translationId: translationIdOf(header.messageId),
    sourceMessageId: header.messageId,
    targetLang: TRANSLATION_TARGET_LANGUAGE,
    items: [],
    messageType: 'NOT',
    senderState: header.sender,
    sentAt: header.timestamp,
    person: notification.person,
    updatedConvictionReference: notification.updatedConvictionReference,
    convictions: [notification.conviction],
    remarks: notification.remarks,
  };
}
