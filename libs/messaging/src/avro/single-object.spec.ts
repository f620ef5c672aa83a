import { PoisonError } from '../errors';
import { AvroCodec } from './avro-codec';
import { crc64Avro } from './crc64';
import { SchemaArchive } from './schema-archive';
import { fingerprintHexOf, unframeSingleObject } from './single-object';

const POINT = { type: 'record', name: 'Point', namespace: 'uk.ecris.test', fields: [{ name: 'x', type: 'int' }] };

describe('single-object encoding', () => {
  const archive = SchemaArchive.fromSources([{ schema: POINT, version: 1, file: 'Point.v1.avsc' }]);
  const codec = new AvroCodec(archive);

  it('lays out C3 01, the little-endian CRC-64-AVRO of the canonical form, then the body', () => {
    const canonical = '{"name":"uk.ecris.test.Point","type":"record","fields":[{"name":"x","type":"int"}]}';
    const bytes = codec.encode('uk.ecris.test.Point', { x: -2 });
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xc3, 0x01]));
    expect(bytes.subarray(2, 10)).toEqual(crc64Avro(Buffer.from(canonical)));
    // Avro ints are zig-zag varints: -2 -> 3.
    expect(bytes.subarray(10)).toEqual(Buffer.from([0x03]));
    expect(bytes.length).toBe(11);
    expect(fingerprintHexOf(bytes)).toBe(crc64Avro(Buffer.from(canonical)).toString('hex'));
  });

  it.each([
    ['null', null],
    ['too short', Buffer.from([0xc3, 0x01, 0x00])],
    ['another marker', Buffer.from('0000000000000000000000', 'hex')],
    ['JSON text', Buffer.from('{"x": 1, "y": 2, "z": 3}')],
  ])('rejects %s as poison', (_label, bytes) => {
    expect(() => unframeSingleObject(bytes)).toThrow(PoisonError);
    expect(fingerprintHexOf(bytes)).toBeUndefined();
  });
});
