/**
 * Putting records back on the log (reliability.md, "Replay"): the unchanged key and value, the original
 * headers without dead-letter provenance, marked as a replay; sent in order, throttled.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { REPLAY_HEADERS, type RawOutboundRecord, type RecordHeaders, type RecordSender } from '@ecris/messaging';
import type { Progress } from './output';

export interface ReplayMarks {
  /** The operator action that replays it. */
  readonly replayId: string;
  /** Where this copy comes from: a dead letter's coordinates, or the record's own for a range re-publish. */
  readonly replayOf: string;
  /**
   * The record as first consumed (`dlq-original-*` of a dead letter): the runner releases a key parked
   * behind exactly these coordinates when it sees this copy (libs/messaging consumer-runner parking).
   */
  readonly replayOfOriginal: string;
  readonly replayBy: string;
  readonly reason: string;
}

const PROVENANCE_PREFIX = 'dlq-';
const REPLAY_NAMES = new Set<string>(Object.values(REPLAY_HEADERS));

/** The headers of the copy: the original ones minus dlq-* provenance and any earlier replay marks, plus this replay's. */
export function replayHeaders(headers: RecordHeaders, marks: ReplayMarks): RecordHeaders {
  const kept: RecordHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(PROVENANCE_PREFIX) && !REPLAY_NAMES.has(name)) kept[name] = value;
  }
  kept[REPLAY_HEADERS.replayId] = Buffer.from(marks.replayId);
  kept[REPLAY_HEADERS.replayOf] = Buffer.from(marks.replayOf);
  kept[REPLAY_HEADERS.replayOfOriginal] = Buffer.from(marks.replayOfOriginal);
  kept[REPLAY_HEADERS.replayedBy] = Buffer.from(marks.replayBy);
  kept[REPLAY_HEADERS.replayReason] = Buffer.from(marks.reason);
  return kept;
}

/** At most `perSecond` records a second on average since the first take (0: no limit). */
export class Throttle {
  private startedAt: number | undefined;
  private taken = 0;

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
  ) {}

  /** Records per send: about a tenth of a second's worth, so the pace stays even. */
  get chunk(): number {
    return this.perSecond > 0 ? Math.max(1, Math.min(500, Math.ceil(this.perSecond / 10))) : 500;
  }

  async take(count: number): Promise<void> {
    if (this.perSecond <= 0) return;
    this.startedAt ??= this.clock();
    this.taken += count;
    const due = this.startedAt + (this.taken / this.perSecond) * 1000;
    const ahead = due - this.clock();
    if (ahead > 0) await this.wait(ahead);
  }
}

/**
 * Sends records in the order given (so per key and partition the order of the log is kept), throttled,
 * each send awaited: the broker has acknowledged everything before this resolves.
 */
export async function sendThrottled(
  sender: RecordSender,
  records: readonly RawOutboundRecord[],
  throttle: Throttle,
  progress: Progress,
): Promise<void> {
  for (let i = 0; i < records.length; i += throttle.chunk) {
    const chunk = records.slice(i, i + throttle.chunk);
    await throttle.take(chunk.length);
    await sender.send(chunk);
    progress.advance(chunk.length);
  }
}
