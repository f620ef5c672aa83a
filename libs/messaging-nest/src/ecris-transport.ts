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
  type Classification,
  type KafkaSettings,
  type LedgerBatches,
  type MessageContext,
  type OutboundMessage,
  type PartitionClaim,
  type RecordSender,
  type RunnerObserver,
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
  /** See ConsumerRunnerOptions.batches and maxBatchRecords. */
  readonly batches?: LedgerBatches;
  readonly maxBatchRecords?: number;
  /** See ConsumerRunnerOptions: what one partition, and one fetch in all, may bring into memory at once. */
  readonly maxBytesPerPartition?: number;
  readonly maxFetchBytes?: number;
  readonly partitionsConsumedConcurrently?: number;
  readonly observer?: RunnerObserver;
  /** Told once if the runner stops on a fatal error (fenced, refused credentials). */
  readonly onFatal?: (failure: Classification) => void;
  /** Publish with this producer instead of connecting one (the service shares one producer). */
  readonly sender?: RecordSender;
  /**
   * Maps the registry's topic names that handlers return to the topics actually used: identity in
   * production; a per-test namespace lets tests run services side by side on one broker.
   */
  readonly resolveTopic?: (topic: string) => string;
  /**
   * A record type no handler is declared for. Shared topics such as `ecris.inbound.v1` carry types meant
   * for other services, so the default is to pass over them; a topic only this service reads can
   * choose `dead-letter`, so an unexpected type is never silently dropped.
   */
  readonly unhandled?: 'skip' | 'dead-letter';
  /** Records undecoded, all to `@EventPattern(RAW_PATTERN)` (see ConsumerRunnerOptions.raw). */
  readonly raw?: boolean;
  /** See ConsumerRunnerOptions.sessionTimeoutMs. */
  readonly sessionTimeoutMs?: number;
}

/** The pattern of the one handler of a raw transport. */
export const RAW_PATTERN = 'ecris.raw-record';

/**
 * A Nest microservice transport on our own consumer runner: services declare
 * `@EventPattern('<Avro full name>')` handlers that return the messages to publish; the runner decodes,
 * dispatches by record type, publishes, awaits the acks and only then commits.
 */
export class EcrisKafkaTransport extends Server implements CustomTransportStrategy {
  private ownSender: KafkajsRecordSender | undefined;
  private parkedKeys: CompactedTopicParkedKeys | undefined;
  private runner: ConsumerRunner | undefined;
  /** Handlers by pattern: Nest normalises the pattern on every lookup, a cost paid per record otherwise. */
  private readonly handlerCache = new Map<string, ReturnType<Server['getHandlerByPattern']>>();

  constructor(private readonly options: EcrisTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    const { options } = this;
    try {
      const sender = options.sender ?? (this.ownSender = await KafkajsRecordSender.connect(options.settings, options.logger));
      this.parkedKeys = await CompactedTopicParkedKeys.open(options.settings, options.parkedTopic, options.logger);
      this.runner = new ConsumerRunner({
        settings: options.settings,
        group: options.group,
        topics: options.topics,
        service: options.service,
        codec: options.codec,
        sender,
        handler: (context) => this.dispatch(context),
        logger: options.logger,
        deadLetterTopic: options.deadLetterTopic,
        parkedKeys: this.parkedKeys,
        backoff: options.backoff,
        isTransient: options.isTransient,
        claimPartition: options.claimPartition,
        batches: options.batches,
        maxBatchRecords: options.maxBatchRecords,
        maxBytesPerPartition: options.maxBytesPerPartition,
        maxFetchBytes: options.maxFetchBytes,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
        observer: options.observer,
        onFatal: options.onFatal,
        raw: options.raw,
        sessionTimeoutMs: options.sessionTimeoutMs,
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
    await this.ownSender?.disconnect();
  }

  /** Nest's status events are for its built-in transports; ours reports through logs and metrics. */
  on(): void {}

  unwrap<T>(): T {
    return this.runner as T;
  }


  /** Looked up after listen (handlers are bound by then), so the cache never holds a miss from before. */
  private handlerFor(pattern: string): ReturnType<Server['getHandlerByPattern']> {
    if (!this.handlerCache.has(pattern)) this.handlerCache.set(pattern, this.getHandlerByPattern(pattern));
    return this.handlerCache.get(pattern) ?? null;
  }

  private async dispatch(context: MessageContext): Promise<readonly OutboundMessage[]> {
    // A raw transport hands every record, undecoded, to the one handler declared for RAW_PATTERN.
    const handler = this.handlerFor(this.options.raw ? RAW_PATTERN : context.schema);
    if (!handler) {
      if (this.options.unhandled === 'dead-letter') {
        throw new PoisonError('business', 'NO_HANDLER', `no handler for ${context.schema} in ${this.options.service.name}`);
      }
      context.log.debug({ schema: context.schema }, 'record type not handled here; passed over');
      return [];
    }
    const result = await handler(context.value, new EcrisContext([context]));
    const outputs = (await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined })) as
      | readonly OutboundMessage[]
      | undefined;
    const resolveTopic = this.options.resolveTopic;
    if (!outputs || !resolveTopic) return outputs ?? [];
    return outputs.map((output) => ({ ...output, topic: resolveTopic(output.topic) }));
  }
}
