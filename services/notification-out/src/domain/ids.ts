/**
 * ECRIS identifiers notification-out mints: the shared derivation (libs/ecris-model/src/derived-ids.ts),
 * so a conviction id and a message id are the same whichever service derives them.
 */
import { derivedMessageId as derive, serialOf as serial, ukConvictionId, type EcrisMessageType } from '@ecris/ecris-model';

export const serialOf = serial;

/** `GB-FR-NOT-<15 digits>`: the id of what `causeId` produces for `step` (e.g. `not/FR`). */
export function derivedMessageId(sender: string, receiver: string, type: EcrisMessageType, causeId: string, step: string): string {
  return derive(sender, receiver, type, causeId, step);
}

/** `GB-C-<15 digits>` of a UK conviction: one per court record for ever. */
export function ecrisConvictionIdOf(sender: string, convictionReference: string): string {
  return ukConvictionId(sender, convictionReference);
}
