/**
 * Kafka offsets are signed 64-bit integers; records have offsets >= 0. We keep them as decimal
 * strings in TypeScript (as kafkajs does) and `bigint` in SQL, never as JS numbers, which round
 * above 2^53.
 */
const MAX_INT64 = 9223372036854775807n;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

export function assertOffset(offset: string): string {
  if (!DECIMAL.test(offset) || BigInt(offset) >= MAX_INT64) {
    // >= because the progress table stores offset + 1, which must still fit.
    throw new RangeError(`Not a record offset: "${offset}"`);
  }
  return offset;
}
