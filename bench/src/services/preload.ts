import { KafkajsRecordSender, type RawOutboundRecord } from '@ecris/messaging';
import type { BenchBroker } from '../broker';

/**
 * Writes `count` inputs before the service starts, a thousand per send and built just before each send,
 * so the bench never holds the whole load in memory (the process's RSS is the service's measure).
 */
export async function preload(broker: BenchBroker, count: number, build: (index: number) => RawOutboundRecord): Promise<void> {
  const sender = await KafkajsRecordSender.connect(broker.settings);
  try {
    for (let from = 0; from < count; from += 1000) {
      const chunk: RawOutboundRecord[] = [];
      for (let index = from; index < Math.min(count, from + 1000); index++) chunk.push(build(index));
      await sender.send(chunk);
    }
  } finally {
    await sender.disconnect();
  }
}
