import { assertOffset } from './offsets';

describe('assertOffset', () => {
  it.each(['0', '42', '9007199254740993', '9223372036854775806'])('accepts %s', (offset) => {
    expect(assertOffset(offset)).toBe(offset);
  });

  it.each([
    ['-1', 'negative'],
    ['', 'empty'],
    ['1.5', 'not an integer'],
    ['007', 'leading zeros'],
    [' 1', 'padded'],
    ['1e3', 'exponent'],
    ['9223372036854775807', 'no room for the next offset in a bigint'],
  ])('refuses "%s" (%s)', (offset) => {
    expect(() => assertOffset(offset)).toThrow(RangeError);
  });
});
