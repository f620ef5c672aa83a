/**
 * CRC-64-AVRO, the Rabin fingerprint the Avro specification defines for schema fingerprints
 * ("Schema Fingerprints" in the spec). Single-object encoding puts it, little-endian, after `C3 01`.
 * BigInt keeps it exact; it runs once per schema at load time, never per record.
 */
const EMPTY = 0xc15d213aa4d7a795n;
const BYTE_MASK = 0xffn;

const TABLE: readonly bigint[] = Array.from({ length: 256 }, (_, index) => {
  let fp = BigInt(index);
  for (let bit = 0; bit < 8; bit++) {
    fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n));
  }
  return fp;
});

/** The fingerprint of `bytes` as the 8 little-endian bytes single-object encoding carries. */
export function crc64Avro(bytes: Uint8Array): Buffer {
  let fp = EMPTY;
  for (const byte of bytes) {
    fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & BYTE_MASK)];
  }
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(fp);
  return out;
}

/** The fingerprint as the signed 64-bit integer Java's SchemaNormalization.parsingFingerprint64 returns. */
export function crc64AvroAsLong(bytes: Uint8Array): bigint {
  return crc64Avro(bytes).readBigInt64LE();
}
