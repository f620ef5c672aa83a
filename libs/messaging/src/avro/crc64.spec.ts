import { Type } from 'avsc';
import { parsingCanonicalForm } from './canonical-form';
import { crc64Avro, crc64AvroAsLong } from './crc64';

// Vectors from the Apache Avro project's share/test/data/schema-tests.txt: canonical form -> the
// signed 64-bit fingerprint Java's SchemaNormalization.parsingFingerprint64 returns.
const SPEC_VECTORS: ReadonlyArray<readonly [string, bigint]> = [
  ['"null"', 7195948357588979594n],
  ['"boolean"', -6970731678124411036n],
  ['"int"', 8247732601305521295n],
  ['"long"', -3434872931120570953n],
  ['"float"', 5583340709985441680n],
  ['"double"', -8181574048448539266n],
  ['"bytes"', 5746618253357095269n],
  ['"string"', -8142146995180207161n],
  ['["int","boolean"]', 5392556393470105090n],
  ['{"name":"foo","type":"fixed","size":15}', 1756455273707447556n],
  ['{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"}]}', 7843277075252814651n],
  [
    '{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"},{"name":"f2","type":"int"}]}',
    -4860222112080293046n,
  ],
  ['{"name":"foo","type":"enum","symbols":["A1"]}', -6342190197741309591n],
  [
    '{"name":"PigValue","type":"record","fields":[{"name":"value","type":["null","int","long","PigValue"]}]}',
    -1759257747318642341n,
  ],
];

describe('CRC-64-AVRO', () => {
  it.each(SPEC_VECTORS)('fingerprints %s as the Avro spec says', (canonical, expected) => {
    expect(crc64AvroAsLong(Buffer.from(canonical, 'utf8'))).toBe(expected);
  });

  it('is 8 bytes, little-endian', () => {
    // 7195948357588979594 = 0x63dd24e7cc258f8a, least significant byte first.
    expect(crc64Avro(Buffer.from('"null"')).toString('hex')).toBe('8a8f25cce724dd63');
  });
});

describe('parsingCanonicalForm', () => {
  it('strips docs, defaults and white space, orders keys and qualifies names as the spec says', () => {
    const type = Type.forSchema({
      type: 'record',
      namespace: 'x.y',
      name: 'R',
      doc: 'ignored',
      fields: [
        { name: 'a', type: 'int', default: 1, doc: 'ignored' },
        { name: 'e', type: { type: 'enum', name: 'E', symbols: ['P', 'Q'], default: 'P' } },
        { name: 'again', type: 'E' },
      ],
    });
    expect(parsingCanonicalForm(type)).toBe(
      '{"name":"x.y.R","type":"record","fields":[{"name":"a","type":"int"},' +
        '{"name":"e","type":{"name":"x.y.E","type":"enum","symbols":["P","Q"]}},{"name":"again","type":"x.y.E"}]}',
    );
  });

  it.each(SPEC_VECTORS)('reproduces the canonical form of %s', (canonical) => {
    expect(parsingCanonicalForm(Type.forSchema(JSON.parse(canonical)))).toBe(canonical);
  });
});
