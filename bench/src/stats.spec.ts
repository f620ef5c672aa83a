import { distribution, median, percentile } from './stats';

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('picks the observed sample at the rank, never an interpolation', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('gives the only sample for any p when there is one', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses no samples and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('distribution', () => {
  it('sorts the samples itself and leaves the input alone', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(distribution(samples)).toEqual({ count: 5, min: 1, p50: 3, p90: 5, p99: 5, max: 5, mean: 3 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('shows a tail that the median hides', () => {
    const samples = [...Array.from({ length: 98 }, () => 2), 40, 50];
    const summary = distribution(samples);
    expect(summary.p50).toBe(2);
    expect(summary.p99).toBe(40);
    expect(summary.max).toBe(50);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});
