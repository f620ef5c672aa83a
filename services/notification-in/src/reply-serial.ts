import { derivedSerial } from '@ecris/ecris-model';
import type { ReplySerial } from './domain/receive-notification';

/**
 * The 15-digit serial of our reply's ECRIS id, from the id of the message answered and the step: the
 * same message always gets the same reply id, however often it is delivered or replayed, so the
 * gateway's dedupe on ECRIS ids holds (the shared derivation of libs/ecris-model).
 */
export function replySerialFor(answeredMessageId: string): ReplySerial {
  return (step) => derivedSerial(answeredMessageId, step);
}
