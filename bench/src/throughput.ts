import { KafkajsRecordSender } from '@ecris/messaging';
import type { BenchBroker } from './broker';
import { MemorySampler, type MemoryPeak } from './memory';
import type { Side, StartPassthrough } from './passthrough';
import { benchEvent, paddingText } from './test-event';

export interface ThroughputInput {
  readonly topic: string;
  readonly records: number;
  /** End offset per partition once loaded: a group is done when it has committed these. */
  readonly ends: Map<number, string>;
  readonly valueBytes: number;
}

export interface ThroughputPass {
  readonly side: Side;
  readonly run: number;
  readonly seconds: number;
  readonly messagesPerSecond: number;
  /** Records found on the output topic afterwards: must equal the input's count (no loss, no duplicate). */
  readonly outputRecords: number;
  readonly memory: MemoryPeak;
}

/** Pre-loads `records` TestEvents of about `valueBytes` each into a fresh topic; both sides then read the same bytes. */
export async function loadInput(broker: BenchBroker, records: number, valueBytes: number, partitions: number): Promise<ThroughputInput> {
  const topic = broker.name('throughput.in');
  await broker.createTopics([topic], partitions);
  const sender = await KafkajsRecordSender.connect(broker.settings);
  const text = paddingText(valueBytes);
  let encodedBytes = 0;
  try {
    for (let start = 0; start < records; start += 1000) {
      const chunk = [];
      for (let sequence = start; sequence < Math.min(records, start + 1000); sequence++) {
        const record = benchEvent(topic, 'exchange-', sequence, text);
        encodedBytes += record.value?.length ?? 0;
        chunk.push(record);
      }
      await sender.send(chunk);
    }
  } finally {
    await sender.disconnect();
  }
  return { topic, records, ends: await broker.endOffsets(topic), valueBytes: Math.round(encodedBytes / records) };
}

/**
 * One side reads the whole input with a fresh group into a fresh output topic. Timed from the first record
 * consumed to the moment the group's committed offsets reach the end of the input (seen by polling, as for
 * both sides); group join and the runner's start-up reads happen before the first record, so neither counts.
 */
export async function throughputPass(
  broker: BenchBroker,
  input: ThroughputInput,
  side: Side,
  run: number,
  start: StartPassthrough,
  concurrency: number,
  partitions: number,
): Promise<ThroughputPass> {
  const output = broker.name(`throughput.${side}.${run}.out`);
  await broker.createTopics([output], partitions);
  const group = broker.group(`throughput.${side}.${run}`);
  let firstConsumed: number | undefined;
  const sampler = MemorySampler.start();
  const passthrough = await start(broker, {
    input: input.topic,
    output,
    group,
    concurrency,
    onConsumed: (at) => (firstConsumed ??= at),
  });
  let lastCommitted: number;
  try {
    lastCommitted = await broker.whenCommitted(group, input.topic, input.ends);
  } finally {
    await passthrough.stop();
  }
  const memory = sampler.stop();
  const seconds = (lastCommitted - (firstConsumed ?? lastCommitted)) / 1000;
  return {
    side,
    run,
    seconds: round(seconds, 3),
    messagesPerSecond: Math.round(input.records / seconds),
    outputRecords: await broker.recordCount(output),
    memory,
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
