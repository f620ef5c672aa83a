/**
 * ECRIS identifiers we mint are derived from what caused them, never from a counter or a random number:
 * processing the same input again (a redelivery, a replay) gives the same ids, so the gateway and the
 * receiving state see each message once (reliability.md: outbound messages dedupe on their ECRIS id).
 * One implementation for every service, so the same cause always yields the same id wherever it is minted.
 */
import { hash } from 'node:crypto';
import { formatMessageId, type EcrisMessageType } from './validation/formats';

const SERIAL_SPACE = 10n ** 15n;

/**
 * 15 digits from a SHA-256 of `seed` (60 bits reduced modulo 10^15). Two seeds collide with odds of
 * about n^2 / 2*10^15 for n ids; stores refuse a collision rather than overwrite.
 */
export function serialOf(seed: string): bigint {
  return hash('sha256', seed, 'buffer').readBigUInt64BE(0) % SERIAL_SPACE;
}

/** The serial of what the message or event `causeId` produces at `step` (e.g. `nrs`, `not/FR`). */
export function derivedSerial(causeId: string, step: string): bigint {
  return serialOf(`${causeId}\u0000${step}`);
}

/** `GB-FR-NOT-<15 digits>`: the id of what `causeId` produces for `step`. */
export function derivedMessageId(sender: string, receiver: string, type: EcrisMessageType, causeId: string, step: string): string {
  return formatMessageId({ sender, receiver, type, serial: derivedSerial(causeId, step) });
}

/**
 * `GB-C-<15 digits>` of a UK conviction, one per court record for ever: every NOT about it (to any
 * state) and every answer to a request names the same conviction, and an update can point at it.
 */
export function ukConvictionId(sender: string, courtReference: string): string {
  return `${sender}-C-${derivedSerial('conviction', courtReference).toString().padStart(15, '0')}`;
}
