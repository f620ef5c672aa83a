import { replayHeaders, Throttle } from './replay-records';

const text = (headers: Record<string, Buffer>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.toString()]));

describe('replayHeaders', () => {
  it('keeps the original headers, drops dead-letter provenance and earlier replay marks, and marks this replay', () => {
    const headers = {
      ce_id: Buffer.from('e1'),
      ce_correlationid: Buffer.from('X'),
      'dlq-original-topic': Buffer.from('t'),
      'dlq-payload-sha256': Buffer.from('ab'),
      'replay-of': Buffer.from('old.dlq:0:1'),
      'replay-reason': Buffer.from('an earlier try'),
    };
    const marks = { replayId: 'a1', replayOf: 'g.dlq:0:4', replayOfOriginal: 't:2:9', replayBy: 'OPS-1', reason: 'code book loaded' };
    expect(text(replayHeaders(headers, marks))).toEqual({
      ce_id: 'e1',
      ce_correlationid: 'X',
      'replay-id': 'a1',
      'replay-of': 'g.dlq:0:4',
      'replay-of-original': 't:2:9',
      'replay-by': 'OPS-1',
      'replay-reason': 'code book loaded',
    });
  });
});

describe('Throttle', () => {
  function fakeClock() {
    let now = 1_000;
    const waits: number[] = [];
    return {
      clock: () => now,
      wait: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
      waits,
      advance: (ms: number) => (now += ms),
    };
  }

  it('holds the average pace to the rate, waiting only when ahead of it', async () => {
    const time = fakeClock();
    const throttle = new Throttle(100, time.clock, time.wait);
    expect(throttle.chunk).toBe(10);
    await throttle.take(10); // 10 records are due by 100 ms
    await throttle.take(10);
    time.advance(500); // slow sends: already behind, no wait
    await throttle.take(10);
    expect(time.waits).toEqual([100, 100]);
  });

  it('never waits without a rate', async () => {
    const time = fakeClock();
    const throttle = new Throttle(0, time.clock, time.wait);
    await throttle.take(10_000);
    expect(time.waits).toEqual([]);
    expect(throttle.chunk).toBe(500);
  });
});
