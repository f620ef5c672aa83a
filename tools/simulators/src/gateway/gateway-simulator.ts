/**
 * The ECRIS gateway simulator's consuming side: reads everything we send on `ecris.outbound.v1` with our
 * own consumer runner (committed after its answers are acknowledged, so a restart neither loses nor
 * repeats an answer) and publishes the member states' answers on `ecris.inbound.v1`. Its group and its
 * dead-letter and parked-keys topics are the simulator's own, named `ecris-simulators.*`, outside the registry.
 */
import type { Logger } from '@ecris/logging';
import {
  AvroCodec,
  CompactedTopicParkedKeys,
  ConsumerRunner,
  KafkaAdmin,
  type KafkaSettings,
  type MessageContext,
  type RecordSender,
} from '@ecris/messaging';
import { repliesTo, type AdditionalInfoMemory, type ReplyPolicy, type SentMessage } from './replies';

export const GATEWAY_GROUP = 'ecris-simulators.ecris-gateway';
const OUTBOUND_TOPIC = 'ecris.outbound.v1';

export interface GatewaySimulatorOptions {
  readonly settings: KafkaSettings;
  readonly namespace: string;
  readonly codec: AvroCodec;
  readonly sender: RecordSender;
  readonly logger: Logger;
  readonly policy: ReplyPolicy;
  readonly version: string;
}

export interface GatewaySimulator {
  /** What it has answered so far, by ECRIS message type of the answer. */
  readonly answered: Readonly<Record<string, number>>;
  stop(): Promise<void>;
}

class RaiMemory implements AdditionalInfoMemory {
  private readonly notifications = new Map<string, string>();
  remember(raiId: string, notId: string): void {
    this.notifications.set(raiId, notId);
  }
  notificationOf(raiId: string): string | undefined {
    return this.notifications.get(raiId);
  }
}

/** The simulator's own dead-letter and parked-keys topics, created when missing. */
async function ensureGatewayTopics(settings: KafkaSettings, namespace: string): Promise<{ dlq: string; parked: string }> {
  const dlq = `${namespace}${GATEWAY_GROUP}.dlq`;
  const parked = `${namespace}${GATEWAY_GROUP}.parked`;
  const admin = new KafkaAdmin(settings);
  await admin.connect();
  try {
    await admin.ensureTopics([
      { name: dlq, partitions: 6, config: { 'cleanup.policy': 'delete' } },
      { name: parked, partitions: 6, config: { 'cleanup.policy': 'compact' } },
    ]);
  } finally {
    await admin.disconnect();
  }
  return { dlq, parked };
}

export async function startGatewaySimulator(options: GatewaySimulatorOptions): Promise<GatewaySimulator> {
  const { settings, namespace, codec, sender, logger, policy } = options;
  const topics = await ensureGatewayTopics(settings, namespace);
  const parkedKeys = await CompactedTopicParkedKeys.open(settings, topics.parked, logger);
  const memory = new RaiMemory();
  const answered: Record<string, number> = {};
  const inbound = (topic: string) => `${namespace}${topic}`;

  const runner = new ConsumerRunner({
    settings,
    group: `${namespace}${GATEWAY_GROUP}`,
    topics: [inbound(OUTBOUND_TOPIC)],
    service: { name: 'ecris-gateway-simulator', version: options.version },
    codec,
    sender,
    logger,
    deadLetterTopic: topics.dlq,
    parkedKeys,
    handler: async (context: MessageContext) => {
      const sent: SentMessage = {
        key: context.record.key?.toString('utf8') ?? context.meta.correlationId,
        schema: context.schema,
        value: context.value as SentMessage['value'],
        meta: context.meta,
      };
      const replies = repliesTo(sent, policy, memory);
      for (const reply of replies) {
        const type = (reply.value as SentMessage['value']).header.messageId.split('-')[2]!;
        answered[type] = (answered[type] ?? 0) + 1;
      }
      return replies.map((reply) => ({ ...reply, topic: inbound(reply.topic) }));
    },
  });
  await runner.start();
  return {
    answered,
    async stop() {
      await runner.stop();
      await parkedKeys.close();
    },
  };
}
