import { Inject, Injectable } from '@nestjs/common';
import { encodeOutbound, type AvroCodec, type OutboundMessage, type RecordSender } from '@ecris/messaging';
import { AVRO_CODEC, RECORD_SENDER, RESOLVE_TOPIC, SERVICE_METRICS } from './tokens';
import type { ServiceMetrics } from './service-metrics';

/**
 * Publishes messages that do not come from a consumed record (an HTTP request, a timer): encoded the same
 * way the runner does, and resolved only once the broker has acknowledged them.
 */
@Injectable()
export class EventPublisher {
  constructor(
    @Inject(AVRO_CODEC) private readonly codec: AvroCodec,
    @Inject(RECORD_SENDER) private readonly sender: RecordSender,
    @Inject(RESOLVE_TOPIC) private readonly resolveTopic: (topic: string) => string,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    const records = messages.map((message) => encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) }));
    await this.sender.send(records);
    this.metrics.countPublished(records.length);
  }
}
