import { decodeHeaders, encodeHeaders, recordFromRow } from './outbox-records';

describe('outbox headers', () => {
  it('come back as the exact bytes, in the same order', () => {
    const headers = {
      ce_id: Buffer.from('5f0c7a4e-1111-5222-8333-944444444444'),
      binary: Buffer.from([0x00, 0xff, 0xc3, 0x28, 0x80, 0x0a]), // not valid UTF-8
      empty: Buffer.alloc(0),
      a: Buffer.from('last but short'),
    };
    const stored = JSON.parse(JSON.stringify(encodeHeaders(headers)));
    const restored = decodeHeaders(stored);

    expect(Object.keys(restored)).toEqual(['ce_id', 'binary', 'empty', 'a']);
    for (const [name, value] of Object.entries(headers)) {
      expect(restored[name]?.equals(value)).toBe(true);
    }
  });

  it('rebuild a record from a row, keeping a null value', () => {
    const record = recordFromRow({ id: '7', topic: 't', record_key: 'k', value: null, headers: [['ce_id', 'YQ==']] });
    expect(record).toEqual({ topic: 't', key: 'k', value: null, headers: { ce_id: Buffer.from('a') } });
  });
});
