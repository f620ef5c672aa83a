import { deterministicEventId } from './deterministic-id';
import type { EventMeta } from './event-meta';

export interface DeriveMetaInput {
  /** Names the output within the handler, e.g. `not/FR`; with the cause's id it fixes the output's id. */
  readonly step: string;
  readonly source: string;
  readonly type: string;
  /** Passed in, never read from a clock here: a replay with the same inputs reproduces the same record. */
  readonly time: string;
  readonly subject?: string | null;
}

/**
 * The meta of an event caused by `cause`: same exchange (correlation), caused by it, a deterministic id,
 * and a child span of its trace.
 */
export function deriveMeta(cause: EventMeta, output: DeriveMetaInput): EventMeta {
  const id = deterministicEventId(cause.id, output.step);
  return {
    id,
    source: output.source,
    type: output.type,
    time: output.time,
    subject: output.subject === undefined ? cause.subject : output.subject,
    correlationId: cause.correlationId,
    causationId: cause.id,
    traceparent: childTraceparent(cause.traceparent, id),
  };
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * W3C trace context for a child span: same trace id, a span id derived from the event id (deterministic,
 * like everything else on a replay). A cause without a trace starts one from the event id.
 */
export function childTraceparent(parent: string | null, eventId: string): string {
  const hex = eventId.replace(/-/g, '');
  const spanId = hex.slice(16, 32);
  const match = parent ? TRACEPARENT.exec(parent) : null;
  const traceId = match ? match[1] : hex;
  const flags = match ? match[3] : '01';
  return `00-${traceId}-${spanId}-${flags}`;
}
