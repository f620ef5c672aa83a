import { SchemaNames } from '@ecris/contracts';
import { metaToHeaders, type AvroCodec, type RawOutboundRecord } from '@ecris/messaging';
// bench is not a service, so it may use a service's test input by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { spanishNotification } from '../../../services/notification-in/src/testing/spanish-notification';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { spanishTranslationRequest } from '../../../services/translation/src/testing/fixtures';

/**
 * Inputs from abroad, as they reach the notification exchange's first two services.
 *
 * A NOT from Spain about a UK national, as the gateway puts it on ecris.inbound.v1 (keyed by its ECRIS
 * message id): notification-in's own test input, with ids of its own for every `serial`.
 */
export function inboundNotification(codec: AvroCodec, topic: string, serial: bigint): RawOutboundRecord {
  const value = spanishNotification(serial);
  return { topic, key: value.header.messageId, value: codec.encode(SchemaNames.notification, value), headers: metaToHeaders(value.meta) };
}

/**
 * What notification-in asks translation for such a NOT (translation's own test input, the golden
 * TranslationRequested v2), with ids of its own for every `serial`, keyed by its ECRIS message id.
 */
export function translationRequest(codec: AvroCodec, topic: string, serial: bigint): RawOutboundRecord {
  const digits = serial.toString().padStart(15, '0');
  const value = spanishTranslationRequest(`ES-GB-NOT-${digits}`);
  value.meta = { ...value.meta, id: `00000000-0000-5000-8000-${digits.slice(3)}` };
  return { topic, key: value.sourceMessageId, value: codec.encode(SchemaNames.translationRequested, value), headers: metaToHeaders(value.meta) };
}
