/**
 * ecris.inbound.v1 carries every ECRIS message we receive, for four services. request-out takes only
 * answers to what it sent: RDL and RRS (only request-out sends REQs), and RAI and FEM when they refer to
 * a REQ, or to a RAR request-out sent (notification-out sends RARs too, about its NOTs).
 */
import type { MessageHeader } from '@ecris/contracts';
import { parseMessageId, type EcrisMessageType } from '@ecris/ecris-model';

export type Routing =
  /** Ours for sure, whatever the case store says: an unknown REQ is answered with a FEM. */
  | { readonly kind: 'ours'; readonly requestMessageId: string }
  /** Ours if request-out sent that RAR; otherwise another service's. */
  | { readonly kind: 'ours-if-known'; readonly messageId: string }
  | { readonly kind: 'not-ours' };

export function routingOf(type: EcrisMessageType, header: MessageHeader, senderCountry: string): Routing {
  const answered = header.responseTo ? parseMessageId(header.responseTo) : undefined;
  if (type === 'RDL' || type === 'RRS') {
    // Validation reports a missing or malformed ResponseTo; the REQ id is then unknown.
    return { kind: 'ours', requestMessageId: answered?.type === 'REQ' ? header.responseTo! : '' };
  }
  if ((type === 'RAI' || type === 'FEM') && answered?.type === 'REQ' && answered.sender === senderCountry) {
    return { kind: 'ours', requestMessageId: header.responseTo! };
  }
  if (type === 'FEM' && answered?.type === 'RAR' && answered.sender === senderCountry) {
    return { kind: 'ours-if-known', messageId: header.responseTo! };
  }
  return { kind: 'not-ours' };
}
