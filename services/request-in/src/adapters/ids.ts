import { derivedSerial, ukConvictionId } from '@ecris/ecris-model';
import type { ReplySerial, UkConvictionIdOf } from '../domain/settings';

/**
 * The serials of our replies, from the id of the message answered and the step (rdl, rrs, rai, fem):
 * the same request gets the same RDL, RAI and final RRS ids however often it is delivered, replayed
 * or closed by the deadline check (the shared derivation of libs/ecris-model).
 */
export function replySerialFor(answeredMessageId: string): ReplySerial {
  return (step) => derivedSerial(answeredMessageId, step);
}

/** The ECRIS id of a UK conviction from its court reference: the same id notification-out sends. */
export function ukConvictionIdOf(us: string): UkConvictionIdOf {
  return (courtReference) => ukConvictionId(us, courtReference);
}
