import { createHash } from 'node:crypto';

/**
 * Our UUID v5 namespace: itself uuidV5('urn:ecris-exchange', URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8).
 * Fixed forever: changing it would change every id a replay derives.
 */
export const ECRIS_EXCHANGE_NAMESPACE = '714b1745-ea42-527c-b84b-3516c6acc8e9';

/** RFC 9562 UUID version 5: SHA-1 of namespace bytes and name, with version and variant bits set. */
export function uuidV5(name: string, namespace: string = ECRIS_EXCHANGE_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`namespace ${namespace} is not a UUID`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The `ce_id` of what `step` produces from the input `inputId`: the same input and step always give
 * the same id, so processing a record twice produces the same event and downstream dedupe drops the copy.
 * `step` names the output, e.g. `notification-out/not/FR`.
 */
export function deterministicEventId(inputId: string, step: string): string {
  return uuidV5(`${inputId}\u0000${step}`);
}
