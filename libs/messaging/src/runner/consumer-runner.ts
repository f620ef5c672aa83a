import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { recordLogger, type Logger } from '@ecris/logging';
import type { AvroCodec } from '../avro/avro-codec';
import type { EventMeta } from '../cloudevents/event-meta';
import { metaFromHeaders } from '../cloudevents/headers';
import { classifyError, PoisonError, type Classification } from '../errors';
import { nextOffset, toConsumedRecord } from '../kafka/consumed-record';
import { createKafka, type KafkaSettings } from '../kafka/kafka-settings';
import type { PartitionClaim } from '../idempotency/partition-claims';
import type { ConsumedRecord, RawOutboundRecord, RecordSender } from '../ports';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { deadLetterRecord, recordCoordinates, REPLAY_HEADERS } from './dead-letter';
import type { MessageHandler } from './message-handler';
import { encodeOutbound } from './encode-outbound';
import type { ParkedKeys } from './parked-keys';
import type { RunnerObserver } from './runner-observer';

export interface ConsumerRunnerOptions {
  readonly settings: KafkaSettings;
  /** Exactly the configured consumer group name: no suffix is ever added. */
  readonly group: string;
  readonly topics: readonly string[];
  readonly service: { readonly name: string; readonly version: string };
  readonly codec: AvroCodec;
  readonly sender: RecordSender;
  readonly handler: MessageHandler;
  readonly logger: Logger;
  readonly deadLetterTopic: string;
  readonly parkedKeys: ParkedKeys;
  readonly backoff?: Partial<BackoffPolicy>;
  /** Extra knowledge of which errors are transient (e.g. PostgreSQL's). */
  readonly isTransient?: (error: unknown) => boolean;
  /** For database-backed handlers: claims the partition (epoch fencing) when it is assigned. */
  readonly claimPartition?: (topic: string, partition: number) => Promise<PartitionClaim>;
  /** Partitions processed at once; each one stays strictly in order. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * How long the group waits for a silent member before moving its partitions (default 30 s). A member
   * killed without leaving holds its partitions that long.
   */
  readonly sessionTimeoutMs?: number;
  /** Fetch bounds (bytes): what one partition, and one fetch in all, may bring into memory at once. */
  readonly maxBytesPerPartition?: number;
  readonly maxFetchBytes?: number;
  /** Outputs buffered before a flush (produce, await acks, commit) inside one fetched batch. */
  readonly maxBufferedRecords?: number;
  /** Called once when the runner stops because of a fatal error (fenced, refused credentials). */
  readonly onFatal?: (error: Classification) => void;
  /**
   * Hand records over undecoded (value null, schema '', meta from the CloudEvents headers or, failing
   * those, from the record's coordinates): for consumers of every topic such as the audit index, which
   * must index even bytes nobody can decode.
   */
  readonly raw?: boolean;
  /** Told about every record and every publish, for metrics. */
  readonly observer?: RunnerObserver;
  /** A clock for dead-letter times; injected so tests and replays can pin it. */
  readonly now?: () => Date;
}

/** Half the broker's default message.max.bytes, leaving room for headers and batch overhead. */
const MAX_BUFFERED_BYTES = 512 * 1024;

type Outcome =
  | { readonly kind: 'done'; readonly outputs: readonly RawOutboundRecord[]; readonly parked?: boolean }
  | { readonly kind: 'dead-letter'; readonly failure: Classification; readonly attempts: number; readonly firstFailureAt: string }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'fatal'; readonly failure: Classification };

/**
 * Our consumer runner (not Nest's built-in Kafka server, which auto-commits and restarts forever on poison):
 * per-partition order; commit only after the handler's outputs are acknowledged; transient errors retried in
 * place with jittered backoff while the partition waits; poison and bugs dead-lettered with provenance and
 * their key parked; graceful drain on shutdown and rebalance.
 */
export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly backoff: BackoffPolicy;
  private readonly claims = new Map<string, PartitionClaim>();
  private readonly now: () => Date;
  private rebalanced = true;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.now = options.now ?? (() => new Date());
    this.consumer = createKafka(options.settings, options.logger).consumer({
      groupId: options.group,
      allowAutoTopicCreation: false,
      // kafkajs fetches up to 1 MiB per partition and 10 MiB per request by default, all of it held in
      // memory while a backlog drains; smaller bounds keep a service's RSS modest (bench/README.md).
      maxBytesPerPartition: options.maxBytesPerPartition ?? 256 * 1024,
      maxBytes: options.maxFetchBytes ?? 2 * 1024 * 1024,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3_000, Math.floor((options.sessionTimeoutMs ?? 30_000) / 3)),
      maxWaitTimeInMs: 250,
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      // kafkajs restarts itself after a retriable crash; after any other it stays down. Say so, loudly.
      if (!event.payload.restart) {
        this.fail(classifyError(event.payload.error, options.isTransient), 'consumer crashed and will not restart');
      }
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      // A new generation: partitions may have moved, so claims and parked keys must be read again.
      this.rebalanced = true;
      this.claims.clear();
    });
  }

  async start(): Promise<void> {
    const { logger, group, topics } = this.options;
    await this.consumer.connect();
    // A new group reads from the beginning: nothing published before it existed is lost.
    await this.consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.processBatch(payload),
    });
    logger.info({ group, topics }, 'consumer runner started');
  }

  /** Stops fetching, lets in-flight records finish (their outputs acknowledged and committed), leaves the group. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.consumer.disconnect();
      this.options.logger.info({ group: this.options.group }, 'consumer runner stopped');
    })();
    return this.stopping;
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, isRunning, isStale, heartbeat } = payload;
    if (this.rebalanced) {
      this.rebalanced = false;
      await this.options.parkedKeys.refresh();
    }
    const claim = await this.claimFor(batch.topic, batch.partition);
    const pending: RawOutboundRecord[] = [];
    let pendingBytes = 0;
    let lastDone: string | undefined;

    const flush = async () => {
      if (lastDone === undefined) return;
      const publishing = pending.splice(0);
      pendingBytes = 0;
      const startedAt = performance.now();
      await this.options.sender.send(publishing);
      if (publishing.length > 0) {
        this.options.observer?.recordsPublished({ count: publishing.length, durationMs: performance.now() - startedAt });
      }
      payload.resolveOffset(lastDone);
      if (!isStale()) {
        await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: nextOffset(lastDone) }]);
      }
      lastDone = undefined;
    };

    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      if (claim?.nextOffset && BigInt(message.offset) < BigInt(claim.nextOffset)) {
        lastDone = message.offset; // already applied, says the database: a redelivery after a crash
        continue;
      }
      const record = toConsumedRecord(batch.topic, batch.partition, message);
      const startedAt = performance.now();
      const outcome = await this.processRecord(record, message, claim, { isRunning, isStale, heartbeat, flush });
      this.observe(record.topic, outcome, performance.now() - startedAt);
      if (outcome.kind === 'stopped') break;
      if (outcome.kind === 'fatal') {
        await flush();
        this.fail(outcome.failure);
        return;
      }
      const produced = outcome.kind === 'done' ? outcome.outputs : this.deadLetter(record, outcome);
      pending.push(...produced);
      pendingBytes += produced.reduce((sum, output) => sum + (output.value?.length ?? 0), 0);
      lastDone = message.offset;
      // Bounded by count and by bytes: one produce request must stay under the broker's message.max.bytes (1 MiB).
      if (pending.length >= (this.options.maxBufferedRecords ?? 500) || pendingBytes >= MAX_BUFFERED_BYTES) await flush();
      await heartbeat();
    }
    await flush();
  }

  private async processRecord(
    record: ConsumedRecord,
    message: KafkaMessage,
    claim: PartitionClaim | undefined,
    control: {
      isRunning: () => boolean;
      isStale: () => boolean;
      heartbeat: () => Promise<void>;
      flush: () => Promise<void>;
    },
  ): Promise<Outcome> {
    const parkedKeys = this.options.parkedKeys;
    const blocker = record.key ? parkedKeys.blockerOf(record.key) : undefined;
    const isRedriveOfBlocker =
      blocker !== undefined && record.headers[REPLAY_HEADERS.replayOfOriginal]?.toString('utf8') === blocker;
    if (blocker !== undefined && !isRedriveOfBlocker) {
      return { kind: 'done', outputs: [this.parkedLetter(record, blocker)], parked: true };
    }

    let firstFailureAt: string | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        const outputs = await this.handle(record, attempt, claim);
        if (isRedriveOfBlocker && record.key) outputs.push(parkedKeys.unpark(record.key));
        return { kind: 'done', outputs };
      } catch (error) {
        const failure = classifyError(error, this.options.isTransient);
        firstFailureAt ??= this.now().toISOString();
        const log = this.options.logger.child({ topic: record.topic, partition: record.partition, offset: message.offset });
        if (failure.disposition === 'fatal') return { kind: 'fatal', failure };
        if (failure.disposition !== 'transient' || attempt >= this.backoff.maxAttempts) {
          log.error({ err: error, failure, attempt }, 'record dead-lettered');
          return { kind: 'dead-letter', failure, attempts: attempt, firstFailureAt };
        }
        const delay = backoffDelay(this.backoff, attempt);
        this.options.observer?.recordRetried({ topic: record.topic, errorCode: failure.code });
        log.warn({ failure, attempt, delayMs: delay }, 'transient failure; retrying in place');
        // What is done so far is published and committed first: a long outage must not hold it back.
        await control.flush();
        if (!(await this.wait(delay, control))) return { kind: 'stopped' };
      }
    }
  }

  /** Decode, call the handler, encode its outputs. Any throw is classified by the caller. */
  private async handle(record: ConsumedRecord, attempt: number, claim: PartitionClaim | undefined): Promise<RawOutboundRecord[]> {
    const { codec, handler, logger } = this.options;
    const { value, schema, meta } = this.options.raw ? rawView(record) : decodedView(codec, record);
    let log: Logger | undefined;
    const outputs = await handler({
      record,
      value,
      schema,
      meta,
      // Built on first use: a pino child with redaction costs tens of microseconds, and most records log nothing.
      get log() {
        log ??= recordLogger(logger, {
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
          messageId: meta.id,
          correlationId: meta.correlationId,
        });
        return log;
      },
      attempt,
      partitionEpoch: claim?.epoch,
    });
    return (outputs ?? []).map((output) => encodeOutbound(codec, output));
  }

  private observe(topic: string, outcome: Outcome, durationMs: number): void {
    const observer = this.options.observer;
    if (!observer || outcome.kind === 'stopped' || outcome.kind === 'fatal') return;
    if (outcome.kind === 'dead-letter') {
      observer.recordFinished({ topic, outcome: 'dead-lettered', errorClass: outcome.failure.errorClass, durationMs });
    } else {
      observer.recordFinished({ topic, outcome: outcome.parked ? 'parked' : 'handled', durationMs });
    }
  }

  private deadLetter(record: ConsumedRecord, outcome: Extract<Outcome, { kind: 'dead-letter' }>): RawOutboundRecord[] {
    const letter = deadLetterRecord(record, {
      group: this.options.group,
      service: this.options.service.name,
      serviceVersion: this.options.service.version,
      dlqTopic: this.options.deadLetterTopic,
      failure: outcome.failure,
      attempts: outcome.attempts,
      firstFailureAt: outcome.firstFailureAt,
      lastFailureAt: this.now().toISOString(),
    });
    // Later records of this key must not overtake it: park the key behind this record.
    const park = record.key ? [this.options.parkedKeys.park(record.key, recordCoordinates(record))] : [];
    return [letter, ...park];
  }

  private parkedLetter(record: ConsumedRecord, blocker: string): RawOutboundRecord {
    const at = this.now().toISOString();
    this.options.logger.warn(
      { topic: record.topic, partition: record.partition, offset: record.offset, parkedBehind: blocker },
      'record parked behind an earlier dead letter of its key',
    );
    return deadLetterRecord(record, {
      group: this.options.group,
      service: this.options.service.name,
      serviceVersion: this.options.service.version,
      dlqTopic: this.options.deadLetterTopic,
      failure: { parkedBehind: blocker },
      attempts: 0,
      firstFailureAt: at,
      lastFailureAt: at,
    });
  }

  private async claimFor(topic: string, partition: number): Promise<PartitionClaim | undefined> {
    if (!this.options.claimPartition) return undefined;
    const key = `${topic}:${partition}`;
    let claim = this.claims.get(key);
    if (!claim) {
      claim = await this.options.claimPartition(topic, partition);
      this.claims.set(key, claim);
    }
    return claim;
  }

  /** Waits out a backoff delay, heartbeating; false when the consumer stops or loses the partition meanwhile. */
  private async wait(
    delayMs: number,
    control: { isRunning: () => boolean; isStale: () => boolean; heartbeat: () => Promise<void> },
  ): Promise<boolean> {
    const until = Date.now() + delayMs;
    while (Date.now() < until) {
      if (!control.isRunning() || control.isStale()) return false;
      await control.heartbeat();
      await sleep(Math.min(250, until - Date.now()));
    }
    return control.isRunning() && !control.isStale();
  }

  private fail(failure: Classification, why = 'consumer runner stopping on a fatal error'): void {
    this.options.logger.fatal({ failure, group: this.options.group }, why);
    // Not awaited: disconnecting waits for this very batch to return.
    void this.stop();
    this.options.onFatal?.(failure);
  }
}

function decodedView(codec: AvroCodec, record: ConsumedRecord): { value: unknown; schema: string; meta: EventMeta } {
  const decoded = codec.decode<Record<string, unknown>>(record.value);
  return { value: decoded.value, schema: decoded.reader.fullName, meta: readMeta(decoded.value) };
}

function rawView(record: ConsumedRecord): { value: unknown; schema: string; meta: EventMeta } {
  const meta = metaFromHeaders(record.headers) ?? {
    id: recordCoordinates(record),
    source: '',
    type: '',
    time: new Date(Number(record.timestamp)).toISOString(),
    subject: null,
    correlationId: record.key?.toString('utf8') ?? '',
    causationId: null,
    traceparent: null,
  };
  return { value: null, schema: '', meta };
}

function readMeta(value: Record<string, unknown>): EventMeta {
  const meta = value.meta as EventMeta | undefined;
  if (!meta || typeof meta.id !== 'string' || typeof meta.correlationId !== 'string') {
    throw new PoisonError('validation', 'MISSING_META', 'value has no meta record with an id and a correlation id');
  }
  return meta;
}
