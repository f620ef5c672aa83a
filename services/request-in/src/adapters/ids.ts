import { createHash } from 'node:crypto';
import type { ReplySerial, UkConvictionIdOf } from '../domain/settings';

const SERIAL_SPACE = 10n ** 15n;

function digits15(text: string): bigint {
  return createHash('sha256').update(text, 'utf8').digest().readBigUInt64BE(0) % SERIAL_SPACE;
}

/**
 * The serials of our replies, from the id of the message answered and the step (rdl, rrs, rai, fem):
 * the same request gets the same RDL, RAI and final RRS ids however often it is delivered, replayed
 * or closed by the deadline check, so the gateway's dedupe on ECRIS ids holds. 60 bits of SHA-256
 * over 10^15 values: collisions are negligible.
 */
export function replySerialFor(answeredMessageId: string): ReplySerial {
  return (step) => digits15(`${answeredMessageId}\u0000${step}`);
}

/**
 * The ECRIS id of a UK conviction (GB-C- + 15 digits) from its court reference. Deterministic, so
 * every answer names the same conviction with the same id. notification-out should derive the id of
 * the NOT it sends for the same conviction the same way (or both should read one stored id).
 */
export function ukConvictionIdOf(us: string): UkConvictionIdOf {
  return (courtReference) => `${us}-C-${digits15(`conviction\u0000${courtReference}`).toString().padStart(15, '0')}`;
}
