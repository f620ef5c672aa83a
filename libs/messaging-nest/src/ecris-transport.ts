import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { Logger } from '@ecris/logging';
import {
  CompactedTopicParkedKeys,
  ConsumerRunner,
  KafkajsRecordSender,
  PoisonError,
  type AvroCodec,
  type BackoffPolicy,
  type KafkaSettings,
  type MessageContext,
  type OutboundMessage,
  type PartitionClaim,
} from '@ecris/messaging';
import { EcrisContext } from './ecris-context';

export interface EcrisTransportOptions {
  readonly settings: KafkaSettings;
  /** Used exactly as given: Nest's Kafka transport appends `-server`; we never do. */
  readonly group: string;
  readonly topics: readonly string[];
  readonly deadLetterTopic: string;
  readonly parkedTopic: string;
  readonly service: { readonly name: string; readonly version: string };
  readonly codec: AvroCodec;
  readonly logger: Logger;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly isTransient?: (error: unknown) => boolean;
  readonly claimPartition?: (topic: string, partition: number) => Promise<PartitionClaim>;
  readonly partitionsConsumedConcurrently?: number;
  /**
   * A record type no handler is declared for. Shared topics such as `ecris.inbound.v1` carry types meant
   * for other services, so the default is to pass over them; a topic only this service reads can
   * choose `dead-letter`, so an unexpected type is never silently dropped.
   */
  readonly unhandled?: 'skip' | 'dead-letter';
}

/**
 * A Nest microservice transport on our own consumer runner: services declare
 * `@EventPattern('<Avro full name>')` handlers that return the messages to publish; the runner decodes,
 * dispatches by record type, publishes, awaits the acks and only then commits.
 */
export class EcrisKafkaTransport extends Server implements CustomTransportStrategy {
  private sender: KafkajsRecordSender | undefined;
  private parkedKeys: CompactedTopicParkedKeys | undefined;
  private runner: ConsumerRunner | undefined;

  constructor(private readonly options: EcrisTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    const { options } = this;
    try {
      this.sender = await KafkajsRecordSender.connect(options.settings, options.logger);
      this.parkedKeys = await CompactedTopicParkedKeys.open(options.settings, options.parkedTopic, options.logger);
      this.runner = new ConsumerRunner({
        settings: options.settings,
        group: options.group,
        topics: options.topics,
        service: options.service,
        codec: options.codec,
        sender: this.sender,
        handler: (context) => this.dispatch(context),
        logger: options.logger,
        deadLetterTopic: options.deadLetterTopic,
        parkedKeys: this.parkedKeys,
        backoff: options.backoff,
        isTransient: options.isTransient,
        claimPartition: options.claimPartition,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      });
      await this.runner.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.runner?.stop();
    await this.parkedKeys?.close();
    await this.sender?.disconnect();
  }

  /** Nest's status events are for its built-in transports; ours reports through logs and metrics. */
  on(): void {}

  unwrap<T>(): T {
    return this.runner as T;
  }

  private async dispatch(context: MessageContext): Promise<readonly OutboundMessage[]> {
    const handler = this.getHandlerByPattern(context.schema);
    if (!handler) {
      if (this.options.unhandled === 'dead-letter') {
        throw new PoisonError('business', 'NO_HANDLER', `no handler for ${context.schema} in ${this.options.service.name}`);
      }
      context.log.debug({ schema: context.schema }, 'record type not handled here; passed over');
      return [];
    }
    const result = await handler(context.value, new EcrisContext([context]));
    const outputs = await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    return (outputs as readonly OutboundMessage[] | undefined) ?? [];
  }
}
