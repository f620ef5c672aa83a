/**
 * ECRIS identifiers we mint, each derived from what caused it, never from a counter or a random number:
 * processing the same input again (a redelivery, a replay) gives the same ids, and the gateway and the
 * receiving state see the same message once (reliability.md: "outbound messages dedupe on their ECRIS
 * message id").
 */
import { createHash } from 'node:crypto';
import { formatMessageId, type EcrisMessageType } from '@ecris/ecris-model';

const SERIAL_SPACE = 10n ** 15n;

/**
 * 15 digits from a SHA-256 of `seed`. Two different seeds collide with odds of about n^2 / 2*10^15 for n
 * ids (1 in 10^5 after a million notifications); the store refuses a collision rather than overwrite.
 */
export function serialOf(seed: string): bigint {
  return createHash('sha256').update(seed, 'utf8').digest().readBigUInt64BE(0) % SERIAL_SPACE;
}

/** `GB-FR-NOT-<15 digits>`: the id of what `causeId` produces for `step` (e.g. `not/FR`). */
export function derivedMessageId(sender: string, receiver: string, type: EcrisMessageType, causeId: string, step: string): string {
  return formatMessageId({ sender, receiver, type, serial: serialOf(`${causeId}\u0000${step}`) });
}

/**
 * `GB-C-<15 digits>` of a UK conviction: one per court record for ever, so every NOT about it, to any
 * state, names the same conviction, and an update can point at it (UpdatedConvictionReference).
 */
export function ecrisConvictionIdOf(sender: string, convictionReference: string): string {
  return `${sender}-C-${serialOf(`conviction\u0000${convictionReference}`).toString().padStart(15, '0')}`;
}
