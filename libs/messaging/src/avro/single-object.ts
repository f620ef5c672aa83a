import { PoisonError } from '../errors';

/**
 * Avro single-object encoding (Avro spec, "Single-object encoding"):
 *   C3 01 | 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema | binary body.
 * The fingerprint lets any reader find the writer schema in the archive: no registry call needed to replay.
 */
export const SINGLE_OBJECT_MARKER = Buffer.from([0xc3, 0x01]);
export const FINGERPRINT_LENGTH = 8;
export const HEADER_LENGTH = SINGLE_OBJECT_MARKER.length + FINGERPRINT_LENGTH;

export function frameSingleObject(fingerprint: Buffer, body: Buffer): Buffer {
  const framed = Buffer.allocUnsafe(HEADER_LENGTH + body.length);
  writeSingleObjectHeader(framed, fingerprint);
  body.copy(framed, HEADER_LENGTH);
  return framed;
}

/** Writes the marker and the fingerprint at the start of `target`, which must have room for the body after them. */
export function writeSingleObjectHeader(target: Buffer, fingerprint: Buffer): void {
  if (fingerprint.length !== FINGERPRINT_LENGTH) {
    throw new RangeError(`a CRC-64-AVRO fingerprint has 8 bytes, got ${fingerprint.length}`);
  }
  SINGLE_OBJECT_MARKER.copy(target, 0);
  fingerprint.copy(target, SINGLE_OBJECT_MARKER.length);
}

export interface SingleObject {
  readonly fingerprint: Buffer;
  readonly body: Buffer;
}

export function unframeSingleObject(bytes: Buffer | null): SingleObject {
  if (bytes === null || bytes.length < HEADER_LENGTH) {
    throw new PoisonError(
      'deserialization',
      'NOT_SINGLE_OBJECT',
      `value is ${bytes === null ? 'null' : `${bytes.length} bytes`}, shorter than the ${HEADER_LENGTH}-byte single-object header`,
    );
  }
  if (bytes[0] !== SINGLE_OBJECT_MARKER[0] || bytes[1] !== SINGLE_OBJECT_MARKER[1]) {
    throw new PoisonError(
      'deserialization',
      'NOT_SINGLE_OBJECT',
      `value starts with 0x${bytes.subarray(0, 2).toString('hex')}, not the single-object marker 0xc301`,
    );
  }
  return {
    fingerprint: bytes.subarray(SINGLE_OBJECT_MARKER.length, HEADER_LENGTH),
    body: bytes.subarray(HEADER_LENGTH),
  };
}

/** The writer fingerprint of a value in hex, when it has one: for dead-letter provenance. */
export function fingerprintHexOf(bytes: Buffer | null): string | undefined {
  if (bytes === null || bytes.length < HEADER_LENGTH) return undefined;
  if (bytes[0] !== SINGLE_OBJECT_MARKER[0] || bytes[1] !== SINGLE_OBJECT_MARKER[1]) return undefined;
  return bytes.subarray(SINGLE_OBJECT_MARKER.length, HEADER_LENGTH).toString('hex');
}
