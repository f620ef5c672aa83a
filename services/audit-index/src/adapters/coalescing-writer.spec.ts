import { CoalescingWriter } from './coalescing-writer';

/** A write whose completion the test controls, recording what each call was given. */
function controlledWrite() {
  const calls: number[][] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const write = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push([...items]);
      pending.push({ resolve, reject });
    });
  return { calls, pending, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingWriter', () => {
  it('writes a lone row at once, and the rows that arrive meanwhile together in the next write', async () => {
    const { calls, pending, write } = controlledWrite();
    const writer = new CoalescingWriter<number>({ write, maxBatch: 10, isolateOn: () => true });
    const done = [writer.submit(1), writer.submit(2), writer.submit(3)];
    await settle();
    expect(calls).toEqual([[1]]);
    pending[0].resolve();
    await settle();
    expect(calls).toEqual([[1], [2, 3]]);
    pending[1].resolve();
    await expect(Promise.all(done)).resolves.toEqual([undefined, undefined, undefined]);
  });

  it('keeps each write within maxBatch', async () => {
    const calls: number[][] = [];
    const writer = new CoalescingWriter<number>({ write: async (items) => void calls.push([...items]), maxBatch: 2, isolateOn: () => true });
    await Promise.all([1, 2, 3, 4, 5].map((n) => writer.submit(n)));
    expect(calls).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('isolates a bad row: only its own submission fails', async () => {
    const calls: number[][] = [];
    const write = async (items: readonly number[]) => {
      calls.push([...items]);
      if (items.includes(3)) throw new Error('row 3 is bad');
    };
    const writer = new CoalescingWriter<number>({ write, maxBatch: 10, isolateOn: () => true });
    const first = writer.submit(1);
    const results = await Promise.allSettled([first, writer.submit(2), writer.submit(3), writer.submit(4)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('fails every row of the write alike on an error not worth isolating (an outage), without retrying here', async () => {
    let writes = 0;
    const writer = new CoalescingWriter<number>({
      write: async () => {
        writes += 1;
        throw new Error('database unavailable');
      },
      maxBatch: 10,
      isolateOn: () => false,
    });
    const results = await Promise.allSettled([writer.submit(1), writer.submit(2), writer.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(writes).toBe(2);
  });
});
