import { randomBytes } from 'node:crypto';
import { PoisonError } from '../errors';
import { TEST_EVENT, TEST_SCHEMAS_DIR, testSchemaArchive } from '../testing/test-schemas';
import { AvroCodec, SchemaViolationError } from './avro-codec';
import { SchemaArchive } from './schema-archive';
import { join } from 'node:path';

const meta = {
  id: 'e-1',
  source: '/test',
  type: 'uk.ecris.test.v1',
  time: '2026-11-29T10:00:00.000Z',
  subject: null,
  correlationId: 'c-1',
  causationId: null,
  traceparent: null,
};

function poisonCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PoisonError);
    return (error as PoisonError).code;
  }
  throw new Error('expected a PoisonError');
}

describe('AvroCodec', () => {
  const archive = testSchemaArchive();
  const codec = new AvroCodec(archive);

  it('loads both archived versions, newest last', () => {
    expect(archive.versions(TEST_EVENT).map((schema) => schema.version)).toEqual([1, 2]);
    expect(archive.latest(TEST_EVENT)?.version).toBe(2);
  });

  it('resolves an old writer (v1) to the newest reader (v2): the added field takes its default', () => {
    const bytes = codec.encode(TEST_EVENT, { meta, sequence: 7, text: 'a' }, 1);
    const decoded = codec.decode(bytes);
    expect(decoded.writer.version).toBe(1);
    expect(decoded.reader.version).toBe(2);
    expect(decoded.value).toEqual({ meta, sequence: 7, text: 'a', note: null });
  });

  it('lets a reader that knows only v1 read a v2 record, ignoring the field it does not know', () => {
    const v2Bytes = codec.encode(TEST_EVENT, { meta, sequence: 8, text: 'b', note: 'new' });
    const v1Only = SchemaArchive.load([TEST_SCHEMAS_DIR]).version(TEST_EVENT, 1)!;
    const v2 = archive.latest(TEST_EVENT)!;
    const oldReader = new AvroCodec(
      SchemaArchive.fromSources([
        { schema: JSON.parse(JSON.stringify(v1Only.type.schema({ exportAttrs: true }))), version: 1, file: 'v1' },
      ]),
    );
    // The old reader's archive lacks v2, as a service deployed before v2 would: it must be told the writer.
    expect(poisonCode(() => oldReader.decode(v2Bytes))).toBe('UNKNOWN_FINGERPRINT');
    const resolver = v1Only.type.createResolver(v2.type);
    expect(v1Only.type.fromBuffer(v2Bytes.subarray(10), resolver)).toEqual({ meta, sequence: 8, text: 'b' });
  });

  it('refuses to encode a value its schema rejects, naming the field but not the value', () => {
    expect(() => codec.encode(TEST_EVENT, { meta, sequence: 'not-a-long', text: 'secret-name' })).toThrow(
      SchemaViolationError,
    );
    try {
      codec.encode(TEST_EVENT, { meta, sequence: 1, text: 42 });
    } catch (error) {
      expect((error as Error).message).toContain('text');
      expect((error as Error).message).not.toContain('42');
    }
  });

  it('walks varints of every length before decoding: small, four-byte, and past 2^28 up to 2^52 (whose zig-zag form is still a safe integer), either sign', () => {
    const longs = [0, 1, -1, 63, -64, 2 ** 27 - 1, -(2 ** 27), 2 ** 28, -(2 ** 28) - 1, 2 ** 31, -(2 ** 40), 2 ** 51 + 3, 2 ** 52 - 1, -(2 ** 52)];
    for (const sequence of longs) {
      expect(codec.decode(codec.encode(TEST_EVENT, { meta, sequence, text: 't', note: null })).value).toMatchObject({ sequence });
    }
    // A text long enough that its length takes three bytes.
    const text = 'x'.repeat(70_000);
    expect(codec.decode(codec.encode(TEST_EVENT, { meta, sequence: 1, text, note: null })).value).toMatchObject({ text });
  });

  it('writes exactly what avsc writes, behind the single-object header, whether a value fits its scratch buffer or not', () => {
    const writer = archive.latest(TEST_EVENT)!;
    for (const text of ['short', 'y'.repeat(40_000), 'z', 'w'.repeat(200_000), '']) {
      const value = { meta, sequence: 3, text, note: null };
      const bytes = codec.encode(TEST_EVENT, value);
      expect(bytes.subarray(0, 10)).toEqual(Buffer.concat([Buffer.from([0xc3, 0x01]), writer.fingerprint]));
      expect(bytes.subarray(10)).toEqual(writer.type.toBuffer(value));
    }
  });

  it('treats an unknown fingerprint as poison', () => {
    const bytes = codec.encode(TEST_EVENT, { meta, sequence: 1, text: 'x' });
    bytes.writeUInt8(bytes[2] ^ 0xff, 2);
    expect(poisonCode(() => codec.decode(bytes))).toBe('UNKNOWN_FINGERPRINT');
  });

  it('treats a truncated body or trailing bytes as poison', () => {
    const bytes = codec.encode(TEST_EVENT, { meta, sequence: 1, text: 'hello' });
    expect(poisonCode(() => codec.decode(bytes.subarray(0, bytes.length - 3)))).toBe('UNDECODABLE_BODY');
    expect(poisonCode(() => codec.decode(Buffer.concat([bytes, Buffer.from([1, 2])])))).toBe('UNDECODABLE_BODY');
  });

  it('never crashes on random bytes behind a valid header: what it cannot read is poison', () => {
    const header = codec.encode(TEST_EVENT, { meta, sequence: 1, text: '' }).subarray(0, 10);
    for (let i = 0; i < 500; i++) {
      const bytes = Buffer.concat([header, randomBytes(i % 64)]);
      try {
        codec.decode(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(PoisonError);
      }
    }
  });

  it('refuses an archive where a file name and its record name disagree', () => {
    expect(() => SchemaArchive.load([join(__dirname, '__fixtures__', 'misnamed')])).toThrow(/declares record/);
  });
});

describe('AvroCodec against hostile bytes', () => {
  const LIST = {
    type: 'record',
    name: 'List',
    namespace: 'uk.ecris.test',
    fields: [{ name: 'items', type: { type: 'array', items: 'string' } }, { name: 'tags', type: { type: 'map', values: 'long' } }],
  };
  const codec = new AvroCodec(SchemaArchive.fromSources([{ schema: LIST, version: 1, file: 'List.v1.avsc' }]));
  const header = codec.encode('uk.ecris.test.List', { items: [], tags: {} }).subarray(0, 10);
  /** Zig-zag varint of a non-negative number. */
  const varint = (n: number) => {
    const out: number[] = [];
    let z = n * 2;
    while (z >= 0x80) {
      out.push((z % 0x80) | 0x80);
      z = Math.floor(z / 0x80);
    }
    out.push(z);
    return Buffer.from(out);
  };

  it('refuses an array block that claims more items than there are bytes, before allocating anything', () => {
    const hostile = Buffer.concat([header, varint(20_000_000), Buffer.alloc(300, 0)]);
    expect(poisonCode(() => codec.decode(hostile))).toBe('UNDECODABLE_BODY');
  });

  it('refuses a string or map that claims more bytes than remain', () => {
    expect(poisonCode(() => codec.decode(Buffer.concat([header, varint(1), varint(1_000_000), Buffer.from('abc')])))).toBe(
      'UNDECODABLE_BODY',
    );
    expect(poisonCode(() => codec.decode(Buffer.concat([header, varint(0), varint(5_000_000)])))).toBe('UNDECODABLE_BODY');
  });

  it('still reads a valid value with blocks', () => {
    const bytes = codec.encode('uk.ecris.test.List', { items: ['a', 'b'], tags: { x: 1 } });
    expect(codec.decode(bytes).value).toEqual({ items: ['a', 'b'], tags: { x: 1 } });
  });
});

describe('AvroCodec with an incompatible writer', () => {
  it('reports it as a schema problem, not as undecodable bytes', () => {
    const v1 = { type: 'record', name: 'Thing', namespace: 'uk.ecris.test', fields: [{ name: 'a', type: 'string' }] };
    const v2 = { type: 'record', name: 'Thing', namespace: 'uk.ecris.test', fields: [{ name: 'b', type: 'long' }] };
    const writerOnly = new AvroCodec(SchemaArchive.fromSources([{ schema: v1, version: 1, file: 'v1' }]));
    const both = new AvroCodec(
      SchemaArchive.fromSources([
        { schema: v1, version: 1, file: 'v1' },
        { schema: v2, version: 2, file: 'v2' },
      ]),
    );
    expect(poisonCode(() => both.decode(writerOnly.encode('uk.ecris.test.Thing', { a: 'x' })))).toBe('INCOMPATIBLE_WRITER');
  });
});
