import type { LedgerBatch } from './effect-ledger';
import { PerBatch } from './per-batch';

const batch = () => ({}) as LedgerBatch;

describe('PerBatch', () => {
  it('makes one value per batch, on the first ask, and gives every later ask of that batch the same', async () => {
    const perBatch = new PerBatch<number>();
    let made = 0;
    const make = async () => ++made;
    const first = batch();
    const second = batch();
    const [a, b] = await Promise.all([perBatch.of(first, make), perBatch.of(first, make)]);
    expect([a, b, await perBatch.of(first, make)]).toEqual([1, 1, 1]);
    expect(await perBatch.of(second, make)).toBe(2);
    expect(made).toBe(2);
  });
});
