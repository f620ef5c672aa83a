/**
 * The ECRIS message header (ecris.md §2 "Mechanics"): the id's format and type, sender and receiver
 * agreeing with it, and ResponseTo present exactly where ECRIS requires it and naming a message of
 * a type this one may answer.
 */
import type { MessageHeader } from '@ecris/contracts';
import { at, type Failures } from './functional-errors';
import { parseMessageId, type EcrisMessageType } from './formats';
import { dateTime, matches } from './rules';

export interface ValidationContext {
  /** Whether a two-letter wire code is an ECRIS member state (reference data); absent means format only. */
  readonly isMemberState?: (wireCode: string) => boolean;
}

/**
 * What each type's ResponseTo may name (messages-v1.0.xsd: CorrelatedMessageIDType, CancelledMessageIDType,
 * and the answering rules of ecris-message-codes.json). REQ, NOT and IAL start a transaction: no ResponseTo.
 */
const ANSWERS: Record<EcrisMessageType, readonly EcrisMessageType[] | null> = {
  REQ: null,
  NOT: null,
  IAL: null,
  NRS: ['NOT'],
  RDL: ['REQ'],
  RRS: ['REQ'],
  RAI: ['REQ', 'NOT'],
  RAR: ['RAI'],
  FEM: ['REQ', 'RDL', 'NOT', 'RAI', 'RAR', 'CAN', 'RRS', 'NRS', 'FEM'],
  CAN: ['REQ', 'RRS', 'NOT', 'NRS'],
};

/** Checks a wire code; false when it is malformed (then nothing else is compared with it). */
export function memberState(f: Failures, path: string, code: string, context: ValidationContext): boolean {
  if (!matches(f, path, code, 'memberState')) return false;
  if (context.isMemberState && !context.isMemberState(code)) {
    f.add(path, 'UNKNOWN_MEMBER_STATE', 'must be an ECRIS member state (ISO 3166-1 alpha-2 wire code, e.g. GB, GR)');
  }
  return true;
}

export function header(f: Failures, path: string, type: EcrisMessageType, value: MessageHeader, context: ValidationContext): void {
  dateTime(f, at(path, 'timestamp'), value.timestamp);
  const sender = memberState(f, at(path, 'sender'), value.sender, context);
  const receiver = memberState(f, at(path, 'receiver'), value.receiver, context);
  if (sender && value.sender === value.receiver) f.add(at(path, 'receiver'), 'HEADER_MISMATCH', 'must differ from the sender');

  const id = matches(f, at(path, 'messageId'), value.messageId, 'messageId') ? parseMessageId(value.messageId) : undefined;
  if (id) {
    if (id.type !== type) f.add(at(path, 'messageId'), 'HEADER_MISMATCH', `must name the message type ${type}`);
    if (sender && id.sender !== value.sender) f.add(at(path, 'sender'), 'HEADER_MISMATCH', 'must be the sender named in the message id');
    if (receiver && id.receiver !== value.receiver) f.add(at(path, 'receiver'), 'HEADER_MISMATCH', 'must be the receiver named in the message id');
  }

  const responseTo = at(path, 'responseTo');
  const answers = ANSWERS[type];
  if (answers === null) {
    if (value.responseTo !== null) f.add(responseTo, 'NOT_ALLOWED', `must be absent: ${type} starts a transaction`);
    return;
  }
  if (value.responseTo === null) {
    f.add(responseTo, 'MISSING', `is mandatory for ${type}`);
    return;
  }
  if (!matches(f, responseTo, value.responseTo, 'messageId')) return;
  const answered = parseMessageId(value.responseTo)!;
  if (!answers.includes(answered.type)) {
    f.add(responseTo, 'HEADER_MISMATCH', `a ${type} can only refer to ${answers.join(', ')}`);
  }
  // A reply goes back the way the message came; a cancellation follows the message it withdraws.
  const [from, to] = type === 'CAN' ? [value.sender, value.receiver] : [value.receiver, value.sender];
  if (answered.sender !== from || answered.receiver !== to) {
    f.add(
      responseTo,
      'HEADER_MISMATCH',
      type === 'CAN'
        ? 'must name a message sent by the same sender to the same receiver'
        : 'must name a message the receiver of this one sent to its sender',
    );
  }
}
