import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { lazyRecordLogger, type Logger } from '@ecris/logging';
import type { AvroCodec } from '../avro/avro-codec';
import type { EventMeta } from '../cloudevents/event-meta';
import { metaFromHeaders } from '../cloudevents/headers';
import { classifyError, PoisonError, type Classification } from '../errors';
import { nextOffset, toConsumedRecord } from '../kafka/consumed-record';
import { consumerRetry, createKafka, type KafkaSettings } from '../kafka/kafka-settings';
import type { LedgerBatch, LedgerBatches } from '../idempotency/effect-ledger';
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
  /**
   * Batch mode, for handlers whose effects all go through the ledger with `MessageContext.batch`:
   * consecutive records of a partition are applied in one transaction (needs `claimPartition`). When
   * anything in a batch fails, the batch rolls back and its records are applied one by one, so dead
   * letters, parking and retries behave exactly as without batches.
   */
  readonly batches?: LedgerBatches;
  /** Records per batch transaction, at most (default 200). */
  readonly maxBatchRecords?: number;
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
      retry: consumerRetry(() => this.stopping !== undefined),
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      // kafkajs restarts itself after a retriable crash; after any other it stays down. Say so, loudly
      // (unless we are stopping: then it is not restarted on purpose).
      if (!event.payload.restart && this.stopping === undefined) {
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
    const done = async (offset: string, produced: readonly RawOutboundRecord[]) => {
      pending.push(...produced);
      pendingBytes += produced.reduce((sum, output) => sum + (output.value?.length ?? 0), 0);
      lastDone = offset;
      // Bounded by count and by bytes: one produce request must stay under the broker's message.max.bytes (1 MiB).
      if (pending.length >= (this.options.maxBufferedRecords ?? 500) || pendingBytes >= MAX_BUFFERED_BYTES) await flush();
      await heartbeat();
    };
    /** One record on its own: 'next', or why the batch ends here. */
    const single = async (message: KafkaMessage): Promise<'next' | 'stop' | 'fatal'> => {
      const record = toConsumedRecord(batch.topic, batch.partition, message);
      const startedAt = performance.now();
      const outcome = await this.processRecord(record, message, claim, { isRunning, isStale, heartbeat, flush });
      this.observe(record.topic, outcome, performance.now() - startedAt);
      if (outcome.kind === 'stopped') return 'stop';
      if (outcome.kind === 'fatal') {
        await flush();
        this.fail(outcome.failure);
        return 'fatal';
      }
      await done(message.offset, outcome.kind === 'done' ? outcome.outputs : this.deadLetter(record, outcome));
      return 'next';
    };

    const messages = batch.messages;
    let index = 0;
    records: while (index < messages.length) {
      if (!isRunning() || isStale()) break;
      const message = messages[index]!;
      if (claim?.nextOffset && BigInt(message.offset) < BigInt(claim.nextOffset)) {
        lastDone = message.offset; // already applied, says the database: a redelivery after a crash
        index++;
        continue;
      }
      const together = this.batchable(messages, index, claim);
      if (together.length > 1 && claim) {
        const outputs = await this.applyTogether(batch.topic, batch.partition, together, claim);
        if (outputs) {
          index += together.length;
          await done(together[together.length - 1]!.offset, outputs);
          continue;
        }
        // Rolled back: the same records one by one below, where a failure is retried or dead-lettered alone.
      }
      const end = index + Math.max(1, together.length);
      for (; index < end; index++) {
        if (!isRunning() || isStale()) break records;
        const verdict = await single(messages[index]!);
        if (verdict === 'fatal') return;
        if (verdict === 'stop') break records;
      }
    }
    await flush();
  }

  /**
   * The records from `from` on that may share a transaction: in batch mode, up to maxBatchRecords, and
   * none whose key is parked or that re-drives a parked key (those take the single path's rules).
   */
  private batchable(messages: readonly KafkaMessage[], from: number, claim: PartitionClaim | undefined): KafkaMessage[] {
    if (!this.options.batches || !claim || this.options.raw) return [];
    const max = this.options.maxBatchRecords ?? 200;
    const together: KafkaMessage[] = [];
    for (let index = from; index < messages.length && together.length < max; index++) {
      const message = messages[index]!;
      if (message.key && this.options.parkedKeys.blockerOf(message.key) !== undefined) break;
      if (message.headers?.[REPLAY_HEADERS.replayOfOriginal] !== undefined) break;
      together.push(message);
    }
    return together;
  }

  /** Applies records in one ledger batch; their outputs, or undefined when the batch rolled back. */
  private async applyTogether(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
    claim: PartitionClaim,
  ): Promise<RawOutboundRecord[] | undefined> {
    const records = messages.map((message) => toConsumedRecord(topic, partition, message));
    const startedAt = performance.now();
    const committed: (() => void)[] = [];
    try {
      // Decoding inside the try: an undecodable record sends the whole batch down the single path, where it is dead-lettered.
      const views = records.map((record) => decodedView(this.options.codec, record));
      const scope = {
        group: this.options.group,
        topic,
        partition,
        epoch: claim.epoch,
        eventIds: views.map((view) => view.meta.id),
        values: views.map((view) => view.value),
        lastOffset: records[records.length - 1]!.offset,
      };
      const outputs = await this.options.batches!.inBatch(scope, async (batch) => {
        const all: RawOutboundRecord[] = [];
        for (const [index, record] of records.entries()) {
          all.push(...(await this.handle(record, views[index]!, { attempt: 1, claim, batch, committed })));
        }
        return all;
      });
      const perRecordMs = (performance.now() - startedAt) / records.length;
      for (const record of records) this.observe(record.topic, { kind: 'done', outputs: [] }, perRecordMs);
      this.options.observer?.batchFinished({ topic, records: records.length, committed: true });
      this.runCommitted(committed);
      return outputs;
    } catch (error) {
      this.options.logger.info(
        { topic, partition, fromOffset: records[0]!.offset, toOffset: records[records.length - 1]!.offset, failure: classifyError(error, this.options.isTransient) },
        'batch rolled back; applying its records one by one',
      );
      this.options.observer?.batchFinished({ topic, records: records.length, committed: false });
      return undefined;
    }
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
        const committed: (() => void)[] = [];
        const view = this.options.raw ? rawView(record) : decodedView(this.options.codec, record);
        const outputs = await this.handle(record, view, { attempt, claim, batch: undefined, committed });
        if (isRedriveOfBlocker && record.key) outputs.push(parkedKeys.unpark(record.key));
        // Without a batch the handler's effect has committed by the time it returns.
        this.runCommitted(committed);
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

  /** Calls the handler with a decoded record, encodes its outputs. Any throw is classified by the caller. */
  private async handle(
    record: ConsumedRecord,
    { value, schema, meta }: RecordView,
    run: { attempt: number; claim: PartitionClaim | undefined; batch: LedgerBatch | undefined; committed: (() => void)[] },
  ): Promise<RawOutboundRecord[]> {
    const { codec, handler, logger } = this.options;
    const outputs = await handler({
      record,
      value,
      schema,
      meta,
      log: lazyRecordLogger(logger, {
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        messageId: meta.id,
        correlationId: meta.correlationId,
      }),
      attempt: run.attempt,
      partitionEpoch: run.claim?.epoch,
      batch: run.batch,
      afterCommit: (hook) => run.committed.push(hook),
    });
    return (outputs ?? []).map((output) => encodeOutbound(codec, output));
  }

  /** Hooks of committed effects (metrics, logs): one that throws must not undo or stop the consumer. */
  private runCommitted(hooks: readonly (() => void)[]): void {
    for (const hook of hooks) {
      try {
        hook();
      } catch (error) {
        this.options.logger.error({ err: error }, 'an after-commit hook failed');
      }
    }
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

interface RecordView {
  readonly value: unknown;
  readonly schema: string;
  readonly meta: EventMeta;
}

function decodedView(codec: AvroCodec, record: ConsumedRecord): RecordView {
  const decoded = codec.decode<Record<string, unknown>>(record.value);
  return { value: decoded.value, schema: decoded.reader.fullName, meta: readMeta(decoded.value) };
}

function rawView(record: ConsumedRecord): RecordView {
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
