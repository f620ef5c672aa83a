import type { Cancellation, FunctionalError } from '@ecris/contracts';
import { functionalErrorItems, parseMessageId, validateMessage, FUNCTIONAL_ERRORS } from '@ecris/ecris-model';
import { functionalErrorMessage, type Outgoing, type Reply } from './messages';
import type { ReplySerial, RequestInSettings } from './settings';

export type RequestStatus = 'REJECTED' | 'AWAITING_ADDITIONAL_INFO' | 'ANSWERED' | 'CANCELLED';

export type CancellationDecision =
  /** Cancels something else (a NOT, NRS or RRS): another service's business. */
  | { readonly outcome: 'NOT_OURS' }
  /** The request is stopped: no RRS will follow. ECRIS has no acknowledgement of a CAN, so nothing is sent. */
  | { readonly outcome: 'CANCELLED' }
  /** Cancelled before, or the request was rejected with a FEM: nothing more to say. */
  | { readonly outcome: 'ALREADY_CLOSED' }
  /** The CAN is invalid, names a request we never received, or comes after our final answer: a FEM says so. */
  | { readonly outcome: 'REFUSED'; readonly code: 'INVALID' | 'UNKNOWN_REQUEST' | 'ALREADY_ANSWERED'; readonly fem: Outgoing<FunctionalError> };

/**
 * A CAN from the requesting state (ecris.md §2: only REQ, RRS, NOT and NRS can be cancelled). Ours
 * when it names a REQ sent to us. `status` is what we hold for that request (undefined: never seen).
 */
export function decideCancellation(
  cancellation: Cancellation,
  status: RequestStatus | undefined,
  settings: RequestInSettings,
  serial: ReplySerial,
): CancellationDecision {
  const { header } = cancellation;
  const cancelled = header.responseTo ? parseMessageId(header.responseTo) : undefined;
  if (!cancelled || cancelled.type !== 'REQ' || cancelled.receiver !== settings.us || !parseMessageId(header.messageId)) {
    return { outcome: 'NOT_OURS' };
  }
  const reply: Reply = { us: settings.us, to: header.sender, answering: header.messageId, timestamp: header.timestamp, serial };
  const refuse = (code: 'INVALID' | 'UNKNOWN_REQUEST' | 'ALREADY_ANSWERED', items: ReturnType<typeof functionalErrorItems>) =>
    ({ outcome: 'REFUSED', code, fem: functionalErrorMessage(reply, items) }) as const;

  const failures = validateMessage('CAN', cancellation, { isMemberState: settings.isMemberState });
  if (failures.length > 0) return refuse('INVALID', functionalErrorItems(failures));

  const item = (kind: 'UNKNOWN_REFERENCE' | 'NOT_ALLOWED', message: string) => [
    { code: FUNCTIONAL_ERRORS[kind].code, additionalInformation: [{ lang: 'en', translated: null, text: `header.responseTo: ${message}` }] },
  ];
  switch (status) {
    case undefined:
      return refuse('UNKNOWN_REQUEST', item('UNKNOWN_REFERENCE', 'no such request was received by this central authority'));
    case 'ANSWERED':
      return refuse('ALREADY_ANSWERED', item('NOT_ALLOWED', 'the request was already answered; the answer cannot be withdrawn'));
    case 'AWAITING_ADDITIONAL_INFO':
      return { outcome: 'CANCELLED' };
    default:
      return { outcome: 'ALREADY_CLOSED' };
  }
}
