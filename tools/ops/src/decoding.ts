/** Decoding records fetched from the log, for display: personal data masked unless unmasking was authorised. */
import { createHash } from 'node:crypto';
import { DLQ_HEADERS, PoisonError, type AvroCodec, type ConsumedRecord } from '@ecris/messaging';
import { maskPersonalData } from './masking';

export interface Decoded {
  /** Writer schema, `name vN`, or null when the value could not be decoded. */
  readonly schema: string | null;
  readonly value: unknown;
  /** Why it could not be decoded (the codec's error code), when it could not. */
  readonly error: string | null;
}

export function decodeForDisplay(codec: AvroCodec, record: ConsumedRecord, unmasked: boolean): Decoded {
  try {
    const decoded = codec.decode<Record<string, unknown>>(record.value);
    return {
      schema: `${decoded.writer.fullName} v${decoded.writer.version}`,
      value: unmasked ? decoded.value : maskPersonalData(decoded.value),
      error: null,
    };
  } catch (error) {
    // The codec's errors name codes and schema versions, never the value's content.
    return { schema: null, value: null, error: error instanceof PoisonError ? `${error.code}: ${error.message}` : 'undecodable' };
  }
}

/** The ECRIS header of a decoded message (ids only: never personal data). */
export function ecrisHeaderOf(value: unknown): { messageId: string; responseTo: string | null } | undefined {
  const header = (value as { header?: { messageId?: unknown; responseTo?: unknown } } | null)?.header;
  if (!header || typeof header.messageId !== 'string') return undefined;
  return { messageId: header.messageId, responseTo: typeof header.responseTo === 'string' ? header.responseTo : null };
}

/** Header values as text (all of ours are text: CloudEvents attributes, provenance, replay marks). */
export function headersAsText(record: ConsumedRecord): Record<string, string> {
  return Object.fromEntries(Object.entries(record.headers).map(([name, value]) => [name, value.toString('utf8')]));
}

/** Does the dead letter's value still hash to what the runner recorded when it dead-lettered it? */
export function payloadIntact(record: ConsumedRecord): boolean {
  const recorded = record.headers[DLQ_HEADERS.payloadSha256]?.toString('utf8');
  const actual = createHash('sha256')
    .update(record.value ?? Buffer.alloc(0))
    .digest('hex');
  return recorded === actual;
}
