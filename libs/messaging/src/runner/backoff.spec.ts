import { backoffDelay } from './backoff';

const policy = { initialMs: 100, maxMs: 1_000, maxAttempts: Infinity };

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt up to the maximum', () => {
    const ceiling = (attempt: number) => backoffDelay(policy, attempt, () => 1);
    expect([1, 2, 3, 4, 5, 6].map(ceiling)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('draws a jittered delay between zero and the ceiling', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(200);
  });
});
