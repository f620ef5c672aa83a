import { digitsFor, randomFor } from './random';

describe('seeded randomness', () => {
  it('gives the same stream for the same seed and name, another for another', () => {
    const draw = (seed: string, name: string) => Array.from({ length: 5 }, ((r) => () => r.next())(randomFor(seed, name)));
    expect(draw('a', 'x')).toEqual(draw('a', 'x'));
    expect(draw('a', 'x')).not.toEqual(draw('a', 'y'));
    expect(draw('a', 'x')).not.toEqual(draw('b', 'x'));
  });

  it('keeps to its ranges and weights', () => {
    const random = randomFor('ranges');
    const ints = Array.from({ length: 2000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 4000 }, () => random.weighted({ often: 3, rarely: 1, never: 0 }));
    expect(picks).not.toContain('never');
    expect(picks.filter((p) => p === 'often').length / picks.length).toBeCloseTo(0.75, 1);
  });

  it('derives fixed-length digit strings', () => {
    expect(digitsFor('s', 15, 'NOT', '1')).toMatch(/^\d{15}$/);
    expect(digitsFor('s', 15, 'NOT', '1')).toBe(digitsFor('s', 15, 'NOT', '1'));
    expect(digitsFor('s', 15, 'NOT', '1')).not.toBe(digitsFor('s', 15, 'NOT', '2'));
  });
});
