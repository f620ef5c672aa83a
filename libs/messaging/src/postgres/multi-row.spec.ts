import { chunksOf, valuesList } from './multi-row';

describe('valuesList', () => {
  it('numbers one placeholder per column and row, with each column cast', () => {
    expect(valuesList(2, ['', '::jsonb'])).toBe('($1, $2::jsonb), ($3, $4::jsonb)');
  });

  it('leads every tuple with the shared parameters and numbers the rows after them', () => {
    expect(valuesList(2, ['', '::bigint'], 3)).toBe('($1, $2, $3, $4, $5::bigint), ($1, $2, $3, $6, $7::bigint)');
  });

  it('is empty for no rows', () => {
    expect(valuesList(0, [''])).toBe('');
  });
});

describe('chunksOf', () => {
  it('splits in order into chunks of at most the size, the last one shorter', () => {
    expect([...chunksOf([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('yields nothing for nothing', () => {
    expect([...chunksOf([], 3)]).toEqual([]);
  });
});
