/**
 * Issue 5: an inbound REQ about a person with no record, to its final RRS acknowledged on
 * ecris.outbound.v1, through request-in (validate, RDL deadline, register search, no-record answer,
 * ledger + outbox transaction, relay), at a fixed rate.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { consumerGroup, dlqTopicFor, SchemaNames } from '@ecris/contracts';
import { AvroCodec, KafkajsRecordSender, SchemaArchive, TopicTail, type ConsumedRecord } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
// bench is not a service, so it may start a service's definition by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { definition as REQUEST_IN } from '../../../services/request-in/src/request-in.definition';
import type { BenchBroker } from '../broker';
import { MemorySampler } from '../memory';
import { MemoryAtPeakSampler } from './memory-at-peak';
import { distribution } from '../stats';
import { inboundRequest, type InboundRequest } from './inbound-requests';
import { OwnDatabase } from './own-database';
import { loadAverageNow, rssMbNow, type OutputCheck, type RequestLatencyResult } from './service-results';
import { ServiceUnderTest, type ServicePhaseSettings } from './service-under-test';

const PHASE = 'request-in-latency';

export interface RequestLoad {
  readonly rate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
}

/** What came back for each request, by the time (performance.now) the tail read it. */
class Answers {
  readonly rrsAt: Float64Array;
  readonly rdlAt: Float64Array;
  readonly copies = { rrs: 0, rdl: 0, other: 0 };
  private readonly indexOf = new Map<string, number>();
  private read = 0;
  private rrsCount = 0;
  private expected: number;

  constructor(private readonly codec: AvroCodec, requests: readonly InboundRequest[]) {
    requests.forEach((request, index) => this.indexOf.set(request.messageId, index));
    this.rrsAt = new Float64Array(requests.length).fill(NaN);
    this.rdlAt = new Float64Array(requests.length).fill(NaN);
    this.expected = requests.length;
  }

  /**
   * Stamps the records the tail has read since the last call with the time now. TopicTail calls a
   * waiter's predicate as each fetched batch arrives, so this is the moment the records reached us.
   */
  stamp(records: readonly ConsumedRecord[]): boolean {
    const at = performance.now();
    for (; this.read < records.length; this.read++) {
      const decoded = this.codec.decode<{ header: { responseTo: string | null } }>(records[this.read]!.value);
      const index = this.indexOf.get(decoded.value.header.responseTo ?? '');
      const schema = decoded.writer.fullName;
      if (index === undefined) this.copies.other++;
      else if (schema === SchemaNames.requestResponse) {
        if (Number.isNaN(this.rrsAt[index])) {
          this.rrsAt[index] = at;
          this.rrsCount++;
        } else this.copies.rrs++;
      } else if (schema === SchemaNames.requestDeadline) {
        if (Number.isNaN(this.rdlAt[index])) this.rdlAt[index] = at;
        else this.copies.rdl++;
      } else this.copies.other++;
    }
    return this.rrsCount >= this.expected;
  }

  answered(index: number): boolean {
    return !Number.isNaN(this.rrsAt[index]);
  }
}

export async function requestInLatency(broker: BenchBroker, load: RequestLoad, settings: ServicePhaseSettings, progress: (m: string) => void): Promise<RequestLatencyResult> {
  const loadAtStart = loadAverageNow();
  const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
  const namespace = await ServiceUnderTest.provision(broker, PHASE, settings.partitions);
  const inbound = `${namespace}ecris.inbound.v1`;
  const outbound = `${namespace}ecris.outbound.v1`;
  const database = await OwnDatabase.create(`${broker.runId}_${PHASE.replace(/-/g, '_')}`);
  try {
    // The first request is a probe, sent alone: once its RRS is back the group has joined and claimed
    // its partitions. Then warm-up requests, then the measured ones; all encoded before the clock starts.
    const warmup = Math.round(load.rate * load.warmupSeconds);
    const measured = Math.round(load.rate * load.seconds);
    const serialBase = BigInt(Date.now() % 1_000_000_000) * 1_000_000n;
    const requests = Array.from({ length: 1 + warmup + measured }, (_, index) =>
      inboundRequest(codec, inbound, index, serialBase, new Date()),
    );
    const answers = new Answers(codec, requests);
    const sentAt = new Float64Array(requests.length).fill(NaN);

    progress(`${PHASE}: starting request-in (rss ${rssMbNow()} MB)`);
    const sampler = MemorySampler.start();
    const atPeak = new MemoryAtPeakSampler();
    const service = await ServiceUnderTest.start(broker, PHASE, namespace, REQUEST_IN, database.url, settings);
    const tail = await TopicTail.start({ ...broker.settings, clientId: 'ecris-bench-tail' }, [outbound]);
    const sender = await KafkajsRecordSender.connect(broker.settings);
    let consumed: Record<string, number>;
    let requestRows: Record<string, number>;
    let outboxTimes: Map<string, { createdMs: number; sentMs: number }>;
    // TopicTail calls a waiter's predicate as each fetched batch arrives; short waits, renewed until all
    // are answered or the phase ends, so no long timer outlives the phase.
    let following = true;
    const follow = (async () => {
      while (following && !answers.stamp(tail.records)) await tail.waitFor((records) => answers.stamp(records), 1000).catch(() => undefined);
    })();
    try {
      sentAt[0] = performance.now();
      await sender.send([requests[0]!.record]);
      await until(() => answers.answered(0), 60_000, 'the probe request was not answered');

      progress(`${PHASE}: ${load.warmupSeconds + load.seconds} s at ${load.rate} REQs/s`);
      const sends: Promise<void>[] = [];
      const startedAt = performance.now();
      let next = 1;
      while (next < requests.length) {
        const due = Math.min(requests.length, Math.floor(((performance.now() - startedAt) / 1000) * load.rate) + 2);
        for (; next < due; next++) {
          sentAt[next] = performance.now();
          sends.push(sender.send([requests[next]!.record]));
        }
        const wait = startedAt + ((next - 1) / load.rate) * 1000 - performance.now();
        if (wait > 0) await sleep(wait);
      }
      await Promise.all(sends);
      await until(() => requests.every((_, index) => answers.answered(index)), 30_000, 'some requests were not answered').catch((error: Error) =>
        console.warn(`bench: ${error.message}`),
      );
      // The answers' other copies (a relay retry) would come right behind; a moment's catch-up shows them.
      await tail.catchUp(10_000);
      consumed = (await service.consumed()).byOutcome;
      const { rows } = await service.database.query<{ status: string; outcome: string | null; n: string }>(
        'SELECT status, outcome, count(*)::text AS n FROM request_in.requests GROUP BY status, outcome',
      );
      requestRows = Object.fromEntries(rows.map((row) => [`${row.status}/${row.outcome ?? '-'}`, Number(row.n)]));
      outboxTimes = await outboxTimesOf(service);
    } finally {
      following = false;
      await sender.disconnect();
      await tail.stop();
      await follow;
      await service.close();
    }
    const memory = sampler.stop();
    const memoryAtPeak = atPeak.stop();
    const loadAtEnd = loadAverageNow();

    const rrs: number[] = [];
    const rdl: number[] = [];
    let missing = 0;
    for (let index = 1 + warmup; index < requests.length; index++) {
      if (answers.answered(index)) rrs.push(answers.rrsAt[index]! - sentAt[index]!);
      else missing++;
      if (!Number.isNaN(answers.rdlAt[index])) rdl.push(answers.rdlAt[index]! - sentAt[index]!);
    }
    if (rrs.length === 0) throw new Error(`${PHASE}: no measured request was answered`);
    const stages = stagesOf(requests, sentAt, answers, outboxTimes, 1 + warmup);
    const dlq = await broker.recordCount(`${namespace}${dlqTopicFor(consumerGroup('request-in').group).name}`);
    const checks: OutputCheck[] = [
      { what: 'one RRS and one RDL per measured REQ', ok: missing === 0 && rdl.length === measured, detail: `${rrs.length} RRS, ${rdl.length} RDL of ${measured}` },
      {
        what: 'no copies, FEMs or other outputs',
        ok: answers.copies.rrs + answers.copies.rdl + answers.copies.other === 0,
        detail: `${answers.copies.rrs} RRS copies, ${answers.copies.rdl} RDL copies, ${answers.copies.other} other`,
      },
      {
        what: 'requests answered NO_RECORD',
        ok: requestRows['ANSWERED/NO_RECORD'] === requests.length && Object.keys(requestRows).length === 1,
        detail: Object.entries(requestRows).map(([kind, n]) => `${kind} ${n}`).join(', '),
      },
      { what: 'dead letters', ok: dlq === 0, detail: String(dlq) },
    ];
    return {
      phase: PHASE,
      rate: load.rate,
      seconds: load.seconds,
      warmupSeconds: load.warmupSeconds,
      rrsLatencyMs: distribution(rrs),
      rdlLatencyMs: distribution(rdl),
      stagesMs: stages,
      missing,
      memory,
      memoryAtPeak,
      consumed,
      checks,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
    };
  } finally {
    await database.drop();
  }
}

/**
 * Per answered request, the epoch milliseconds at which request-in's ledger transaction began (the
 * outbox row's created_at: now() is the transaction's start) and its relay's transaction began
 * (sent_at), from the outbox rows of the REQ's key (its RDL and RRS, written and relayed together).
 */
async function outboxTimesOf(service: ServiceUnderTest): Promise<Map<string, { createdMs: number; sentMs: number }>> {
  const { rows } = await service.database.query<{ key: string; created_ms: string; sent_ms: string | null }>(
    `SELECT record_key AS key, (extract(epoch FROM max(created_at)) * 1000)::text AS created_ms,
            (extract(epoch FROM max(sent_at)) * 1000)::text AS sent_ms
       FROM outbox GROUP BY record_key`,
  );
  return new Map(rows.filter((row) => row.sent_ms !== null).map((row) => [row.key, { createdMs: Number(row.created_ms), sentMs: Number(row.sent_ms) }]));
}

/**
 * Where each measured request's time went, in three consecutive stages that add up to its RRS latency.
 * The bench's clock (performance.timeOrigin + now) and PostgreSQL's now() read the same machine clock.
 */
function stagesOf(
  requests: readonly InboundRequest[],
  sentAt: Float64Array,
  answers: Answers,
  outbox: Map<string, { createdMs: number; sentMs: number }>,
  firstMeasured: number,
): RequestLatencyResult['stagesMs'] {
  const toTransaction: number[] = [];
  const toRelay: number[] = [];
  const toReadBack: number[] = [];
  for (let index = firstMeasured; index < requests.length; index++) {
    const times = outbox.get(requests[index]!.messageId);
    if (!times || !answers.answered(index)) continue;
    toTransaction.push(times.createdMs - (performance.timeOrigin + sentAt[index]!));
    toRelay.push(times.sentMs - times.createdMs);
    toReadBack.push(performance.timeOrigin + answers.rrsAt[index]! - times.sentMs);
  }
  if (toTransaction.length === 0) return undefined;
  return { toLedgerTransaction: distribution(toTransaction), toRelayTransaction: distribution(toRelay), relayToReadBack: distribution(toReadBack) };
}

/** Polls a condition the tail's stamping makes true; fails with `message` after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(message);
    await sleep(5);
  }
}
