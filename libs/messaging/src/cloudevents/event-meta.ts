/**
 * Record metadata, the CloudEvents attributes we carry on every record (shared/design/reliability.md).
 * The same fields travel twice: as Kafka binary-mode headers (`ce_*`), for generic tools, and as the
 * `meta` record embedded in every Avro value, so they survive any tool that drops headers.
 */
export interface EventMeta {
  /** Unique per event and deterministic: UUID v5 of the input's id and the step. The dedupe key. */
  id: string;
  /** The producing service, as a URI reference, e.g. `/ecris-exchange/notification-out`. */
  source: string;
  /** e.g. `uk.ecris.notification.sent.v1`. */
  type: string;
  /** ISO 8601 instant. */
  time: string;
  /** Exchange or record id; never a name or other personal data. */
  subject: string | null;
  /** The exchange this event belongs to. */
  correlationId: string;
  /** The `id` of the event that caused this one; null for an exchange's first event. */
  causationId: string | null;
  /** W3C trace context, when there is one. */
  traceparent: string | null;
}
