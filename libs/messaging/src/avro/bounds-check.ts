import type { Type } from 'avsc';
import { PoisonError } from '../errors';

/**
 * Walks Avro binary data with the writer schema, only checking that every length and block count fits
 * in the bytes that remain, before avsc decodes it. avsc trusts a block count: random or hostile bytes
 * claiming an array of twenty million items make it allocate and loop until the process runs out of
 * memory. Each item of our schemas takes at least one byte, so a count larger than the bytes left is a lie.
 */
export function assertFitsInBuffer(type: Type, bytes: Buffer): void {
  const cursor = new Cursor(bytes);
  cursor.walk(type as AvroType);
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

/**
 * A read position in the bytes. Every consumed record is walked before it is decoded, so the walk
 * allocates nothing per value: no closures per array, and lengths read as small integers.
 */
class Cursor {
  pos = 0;

  constructor(private readonly bytes: Buffer) {}

  walk(type: AvroType): void {
    switch (type.typeName) {
      case 'null':
        return;
      case 'boolean':
        return this.advance(1);
      case 'int':
      case 'long':
      case 'enum':
        this.readVarLong();
        return;
      case 'float':
        return this.advance(4);
      case 'double':
        return this.advance(8);
      case 'string':
      case 'bytes':
        return this.advance(this.readLength());
      case 'fixed':
        return this.advance(type.size ?? 0);
      case 'record':
      case 'error': {
        const fields = type.fields ?? [];
        for (let i = 0; i < fields.length; i++) this.walk(fields[i]!.type);
        return;
      }
      case 'array':
        return this.walkBlocks(type.itemsType!, undefined);
      case 'map':
        return this.walkBlocks(type.valuesType!, 'keyed');
      default:
        if (type.typeName.startsWith('union')) {
          const branch = this.readVarLong();
          const branchType = type.types?.[branch];
          if (!branchType) fail(`union branch ${branch} does not exist`);
          return this.walk(branchType);
        }
        if (type.underlyingType) return this.walk(type.underlyingType);
        fail(`cannot check type ${type.typeName}`);
    }
  }

  /** Array items, or (keyed) map entries: a string key before each value. */
  private walkBlocks(itemType: AvroType, keyed: 'keyed' | undefined): void {
    for (;;) {
      let count = this.readVarLong();
      if (count === 0) return;
      if (count < 0) {
        count = -count;
        this.readLength(); // a negative count is followed by the block's size in bytes
      }
      if (count > this.bytes.length - this.pos) fail(`a block claims ${count} items with ${this.bytes.length - this.pos} bytes left`);
      for (let i = 0; i < count; i++) {
        if (keyed) this.advance(this.readLength());
        this.walk(itemType);
      }
    }
  }

  private readLength(): number {
    const length = this.readVarLong();
    if (length < 0 || length > this.bytes.length - this.pos) fail(`a length of ${length} with ${this.bytes.length - this.pos} bytes left`);
    return length;
  }

  /** Zig-zag varint, as Avro writes int and long; beyond 2^53 it cannot be a length we accept anyway. */
  private readVarLong(): number {
    const { bytes } = this;
    // Up to four bytes (28 bits: every length and count we meet) in small-integer arithmetic.
    let result = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (this.pos >= bytes.length) fail('the data ends inside a number');
      const byte = bytes[this.pos++]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (result >>> 1) ^ -(result & 1);
    }
    return this.readLongTail(result);
  }

  /** The rest of a varint longer than four bytes, in floating point. */
  private readLongTail(low28: number): number {
    const { bytes } = this;
    let result = low28;
    let multiplier = 2 ** 28;
    for (let shift = 28; shift < 70; shift += 7) {
      if (this.pos >= bytes.length) fail('the data ends inside a number');
      const byte = bytes[this.pos++]!;
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) {
        if (!Number.isSafeInteger(result)) fail('a number is too large');
        return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
      }
      multiplier *= 128;
    }
    fail('a number has more than 10 bytes');
  }

  private advance(length: number): void {
    if (this.pos + length > this.bytes.length) fail('the data ends early');
    this.pos += length;
  }
}

function fail(reason: string): never {
  throw new PoisonError('deserialization', 'UNDECODABLE_BODY', `body is not valid for its writer schema: ${reason}`);
}
