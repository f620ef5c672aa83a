import type { Type } from 'avsc';
import { PoisonError } from '../errors';

/**
 * Walks Avro binary data with the writer schema, only checking that every length and block count fits
 * in the bytes that remain, before avsc decodes it. avsc trusts a block count: random or hostile bytes
 * claiming an array of twenty million items make it allocate and loop until the process runs out of
 * memory. Each item of our schemas takes at least one byte, so a count larger than the bytes left is a lie.
 */
export function assertFitsInBuffer(type: Type, bytes: Buffer): void {
  const cursor = { pos: 0 };
  walk(type as AvroType, bytes, cursor);
  if (cursor.pos !== bytes.length) fail(`${bytes.length - cursor.pos} trailing bytes`);
}

interface AvroType {
  readonly typeName: string;
  readonly fields?: readonly { readonly type: AvroType }[];
  readonly itemsType?: AvroType;
  readonly valuesType?: AvroType;
  readonly types?: readonly AvroType[];
  readonly size?: number;
  /** avsc's logical types wrap the underlying type. */
  readonly underlyingType?: AvroType;
}

function walk(type: AvroType, bytes: Buffer, cursor: { pos: number }): void {
  switch (type.typeName) {
    case 'null':
      return;
    case 'boolean':
      return advance(bytes, cursor, 1);
    case 'int':
    case 'long':
    case 'enum':
      readVarLong(bytes, cursor);
      return;
    case 'float':
      return advance(bytes, cursor, 4);
    case 'double':
      return advance(bytes, cursor, 8);
    case 'string':
    case 'bytes':
      return advance(bytes, cursor, readLength(bytes, cursor));
    case 'fixed':
      return advance(bytes, cursor, type.size ?? 0);
    case 'record':
    case 'error':
      for (const field of type.fields ?? []) walk(field.type, bytes, cursor);
      return;
    case 'array':
      return walkBlocks(bytes, cursor, () => walk(type.itemsType!, bytes, cursor));
    case 'map':
      return walkBlocks(bytes, cursor, () => {
        advance(bytes, cursor, readLength(bytes, cursor));
        walk(type.valuesType!, bytes, cursor);
      });
    default:
      if (type.typeName.startsWith('union')) {
        const branch = readVarLong(bytes, cursor);
        const branchType = type.types?.[branch];
        if (!branchType) fail(`union branch ${branch} does not exist`);
        return walk(branchType, bytes, cursor);
      }
      if (type.underlyingType) return walk(type.underlyingType, bytes, cursor);
      fail(`cannot check type ${type.typeName}`);
  }
}

function walkBlocks(bytes: Buffer, cursor: { pos: number }, walkItem: () => void): void {
  for (;;) {
    let count = readVarLong(bytes, cursor);
    if (count === 0) return;
    if (count < 0) {
      count = -count;
      readLength(bytes, cursor); // a negative count is followed by the block's size in bytes
    }
    if (count > bytes.length - cursor.pos) fail(`a block claims ${count} items with ${bytes.length - cursor.pos} bytes left`);
    for (let i = 0; i < count; i++) walkItem();
  }
}

function readLength(bytes: Buffer, cursor: { pos: number }): number {
  const length = readVarLong(bytes, cursor);
  if (length < 0 || length > bytes.length - cursor.pos) fail(`a length of ${length} with ${bytes.length - cursor.pos} bytes left`);
  return length;
}

/** Zig-zag varint, as Avro writes int and long; beyond 2^53 it cannot be a length we accept anyway. */
function readVarLong(bytes: Buffer, cursor: { pos: number }): number {
  let result = 0;
  let multiplier = 1;
  for (let shift = 0; shift < 70; shift += 7) {
    if (cursor.pos >= bytes.length) fail('the data ends inside a number');
    const byte = bytes[cursor.pos++];
    result += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) {
      if (!Number.isSafeInteger(result)) fail('a number is too large');
      return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
    }
    multiplier *= 128;
  }
  fail('a number has more than 10 bytes');
}

function advance(bytes: Buffer, cursor: { pos: number }, length: number): void {
  if (cursor.pos + length > bytes.length) fail('the data ends early');
  cursor.pos += length;
}

function fail(reason: string): never {
  throw new PoisonError('deserialization', 'UNDECODABLE_BODY', `body is not valid for its writer schema: ${reason}`);
}
