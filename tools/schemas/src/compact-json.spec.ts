import { compactJson } from './compact-json';

describe('compactJson', () => {
  it('keeps short values on one line and parses back to the same value, whatever the strings hold', () => {
    const value = { type: ['null', 'string'], doc: 'brackets [ and { with spaces } ] and "quotes"\nand a newline', nested: { a: [1, { b: null }] } };
    const text = compactJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('"type": ["null", "string"]');
  });
});
