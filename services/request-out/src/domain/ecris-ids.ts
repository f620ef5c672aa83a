/**
 * Ids of what we send, derived from what caused it (never a counter or a random number), so handling
 * the same input again gives the same ids and the gateway's dedupe on the ECRIS message id drops the copy.
 */
import { formatMessageId, serialOf, type EcrisMessageType } from '@ecris/ecris-model';

export { serialOf };

/** E.g. GB-IT-REQ-<15 digits> for the REQ of agency request AR-1 to IT: seed `AR-1/REQ/IT`. */
export function ecrisMessageId(sender: string, receiver: string, type: EcrisMessageType, seed: string): string {
  return formatMessageId({ sender, receiver, type, serial: serialOf(`${seed}/${type}/${receiver}`) });
}

/** The REQ we send to `state` for an agency request: one per state, whatever the number of deliveries. */
export function requestMessageIdOf(sender: string, state: string, requestId: string): string {
  return ecrisMessageId(sender, state, 'REQ', requestId);
}

/** translationId convention of the translation service (services/translation/README.md): TR-<source message id>. */
export function translationIdOf(responseMessageId: string): string {
  return `TR-${responseMessageId}`;
}

export function deadlineIdOf(requestMessageId: string, rebase: number): string {
  return `DL-${requestMessageId}-${rebase}`;
}
