/**
 * Turns what the domain asks to publish into records: CloudEvents meta derived from the cause (a
 * deterministic ce_id from its id and the step), correlated to the agency request, so one query on the
 * correlation id gives the whole story of an agency request across every state asked.
 */
import { deriveMeta, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import type { Emit } from '../domain/emit';

export const SOURCE = '/ecris-exchange/request-out';

export function toOutbound(cause: EventMeta, emit: Emit, time: string, correlationId: string): OutboundMessage {
  const meta = { ...deriveMeta(cause, { step: emit.step, source: SOURCE, type: emit.type, time, subject: emit.subject }), correlationId };
  return { topic: emit.topic, key: emit.key, schema: emit.schema, value: emit.value, meta };
}

/**
 * The cause of what request-out does on its own initiative (the HTTP API, the overdue check): a
 * synthetic meta whose id is derived from `name`, so doing the same thing twice gives the same ids.
 */
export function originMeta(id: string, time: string, correlationId: string): EventMeta {
  return { id, source: SOURCE, type: 'uk.ecris.request-out.origin.v1', time, subject: correlationId, correlationId, causationId: null, traceparent: null };
}
