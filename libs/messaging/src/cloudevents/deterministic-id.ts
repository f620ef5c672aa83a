import { hash } from 'node:crypto';

/**
 * Our UUID v5 namespace: itself uuidV5('urn:ecris-exchange', URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8).
 * Fixed forever: changing it would change every id a replay derives.
 */
export const ECRIS_EXCHANGE_NAMESPACE = '714b1745-ea42-527c-b84b-3516c6acc8e9';

/** RFC 9562 UUID version 5: SHA-1 of namespace bytes and name, with version and variant bits set. */
export function uuidV5(name: string, namespace: string = ECRIS_EXCHANGE_NAMESPACE): string {
  const nameBytes = Buffer.from(name, 'utf8');
  const input = Buffer.allocUnsafe(16 + nameBytes.length);
  namespaceBytesOf(namespace).copy(input, 0);
  nameBytes.copy(input, 16);
  // One-shot hash: several ids are derived per record, and a Hash object per id costs more than the hashing.
  const bytes = hash('sha1', input, 'buffer').subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespaces are few (ours, and the RFC's in tests): parsed once each. */
const namespaceBytesByUuid = new Map<string, Buffer>();

function namespaceBytesOf(namespace: string): Buffer {
  let bytes = namespaceBytesByUuid.get(namespace);
  if (bytes === undefined) {
    bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (bytes.length !== 16) throw new RangeError(`namespace ${namespace} is not a UUID`);
    if (namespaceBytesByUuid.size < 64) namespaceBytesByUuid.set(namespace, bytes);
  }
  return bytes;
}

/**
 * The `ce_id` of what `step` produces from the input `inputId`: the same input and step always give
 * the same id, so processing a record twice produces the same event and downstream dedupe drops the copy.
 * `step` names the output, e.g. `notification-out/not/FR`.
 */
export function deterministicEventId(inputId: string, step: string): string {
  return uuidV5(`${inputId}\u0000${step}`);
}
