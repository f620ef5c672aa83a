import { setTimeout as sleep } from 'node:timers/promises';
import { KafkajsRecordSender } from '@ecris/messaging';
import type { BenchBroker } from './broker';
import { MemorySampler, type MemoryPeak } from './memory';
import type { Side, StartPassthrough } from './passthrough';
import { distribution, type Distribution } from './stats';
import { benchEvent, paddingText } from './test-event';

export interface LatencyParams {
  readonly rate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly partitions: number;
  readonly valueBytes: number;
  readonly concurrency: number;
}

export interface LatencyResult {
  readonly side: Side;
  /** Milliseconds from the input's send call to the broker's ack of the matching output, measured records only. */
  readonly latencyMs: Distribution;
  /** Measured records sent and never seen acknowledged within the wait (should be 0). */
  readonly missing: number;
  readonly memory: MemoryPeak;
}

const KEY_PREFIX = 'lat-';
const PROBE_PREFIX = 'probe-';
const PROBE_KEY = `${PROBE_PREFIX}0`;

/**
 * Sends TestEvents at a fixed rate into a fresh topic while one side passes them through, and times each
 * record from the moment the producer is asked to send it to the moment its output is acknowledged.
 * Same process, same monotonic clock, so no clock skew. The first `warmupSeconds` are sent but not counted.
 */
export async function fixedRateLatency(broker: BenchBroker, side: Side, start: StartPassthrough, params: LatencyParams): Promise<LatencyResult> {
  const input = broker.name(`latency.${side}.in`);
  const output = broker.name(`latency.${side}.out`);
  await broker.createTopics([input, output], params.partitions);

  const warmup = Math.round(params.rate * params.warmupSeconds);
  const total = warmup + Math.round(params.rate * params.seconds);
  const sentAt = new Float64Array(total).fill(NaN);
  const ackedAt = new Float64Array(total).fill(NaN);
  let acked = 0;
  let probeAcked: () => void = () => undefined;
  const probe = new Promise<void>((resolve) => (probeAcked = resolve));
  let allAcked: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allAcked = resolve));

  const onAcked = (keys: readonly (string | Buffer | null)[], at: number) => {
    for (const key of keys) {
      const text = key?.toString() ?? '';
      if (text === PROBE_KEY) probeAcked();
      if (!text.startsWith(KEY_PREFIX)) continue;
      const sequence = Number(text.slice(KEY_PREFIX.length));
      if (Number.isNaN(ackedAt[sequence])) {
        ackedAt[sequence] = at;
        if (++acked === total) allAcked();
      }
    }
  };

  const sampler = MemorySampler.start();
  const passthrough = await start(broker, { input, output, group: broker.group(`latency.${side}`), concurrency: params.concurrency, onAcked });
  const sender = await KafkajsRecordSender.connect(broker.settings);
  try {
    // Ready means one record made the whole trip: the group has joined and the side has started up.
    const text = paddingText(params.valueBytes);
    await sender.send([benchEvent(input, PROBE_PREFIX, 0, text)]);
    await withTimeout(probe, 60_000, `${side}: the probe record was not passed through`);

    // Encoded before the clock starts, so the sending loop does nothing but send.
    const records = Array.from({ length: total }, (_, sequence) => benchEvent(input, KEY_PREFIX, sequence, text));
    const sends: Promise<void>[] = [];
    const startedAt = performance.now();
    let next = 0;
    while (next < total) {
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * params.rate) + 1);
      for (; next < due; next++) {
        sentAt[next] = performance.now();
        sends.push(sender.send([records[next]]));
      }
      const wait = startedAt + (next / params.rate) * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await Promise.all(sends);
    await withTimeout(done, 30_000, `${side}: ${total - acked} records were not acknowledged`).catch((error: Error) =>
      console.warn(`bench: ${error.message}`),
    );
  } finally {
    await sender.disconnect();
    await passthrough.stop();
  }
  const memory = sampler.stop();

  const latencies: number[] = [];
  let missing = 0;
  for (let sequence = warmup; sequence < total; sequence++) {
    const latency = ackedAt[sequence] - sentAt[sequence];
    if (Number.isNaN(latency)) missing++;
    else latencies.push(latency);
  }
  if (latencies.length === 0) throw new Error(`${side}: no measured record was acknowledged`);
  return { side, latencyMs: distribution(latencies), missing, memory };
}

async function withTimeout(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
