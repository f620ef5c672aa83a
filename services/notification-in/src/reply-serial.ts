import { createHash } from 'node:crypto';
import type { ReplySerial } from './domain/receive-notification';

const SERIAL_SPACE = 10n ** 15n;

/**
 * The 15-digit serial of our reply's ECRIS id, from the id of the message answered and the step: the
 * same message always gets the same reply id, however often it is delivered or replayed, so the
 * gateway's dedupe on ECRIS ids holds. 60 bits of SHA-256 over 10^15 values: collisions are negligible.
 */
export function replySerialFor(answeredMessageId: string): ReplySerial {
  return (step) => {
    const digest = createHash('sha256').update(`${answeredMessageId}\u0000${step}`, 'utf8').digest();
    return digest.readBigUInt64BE(0) % SERIAL_SPACE;
  };
}
