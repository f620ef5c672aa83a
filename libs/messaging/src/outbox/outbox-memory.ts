import type { RawOutboundRecord } from '../ports';

/** An outbox row this process committed, with its id. */
export interface CommittedOutboxRow {
  readonly id: string;
  readonly record: RawOutboundRecord;
}

export interface OutboxMemoryOptions {
  /** Bytes of values and headers held at most; beyond it rows are not kept, and the relay reads them back. Default 16 MiB. */
  readonly maxBytes?: number;
  /** A row kept longer than this (another process's relay published it, say) is dropped. Default 60 s. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

interface Kept {
  readonly record: RawOutboundRecord;
  readonly bytes: number;
  readonly keptAt: number;
}

/**
 * The outbox rows this process has just committed, by row id, so that its relay publishes them from
 * memory instead of reading values and headers back from the table it wrote them to a moment ago.
 *
 * Only ever a shortcut: the table stays the truth. The relay still locks the unsent rows and marks them
 * sent; a row it does not find here (written by another process, dropped for space or age, or written
 * before this process started) is read from the table as before. An outbox row never changes once
 * inserted and ids are never reused, so a kept row can be stale only in the sense of already sent, and
 * then it merely waits here until it ages out.
 */
export class OutboxMemory {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: OutboxMemoryOptions = {}) {
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Call only once the transaction that inserted the rows has committed. */
  remember(rows: readonly CommittedOutboxRow[]): void {
    const keptAt = this.now();
    for (const { id, record } of rows) {
      const bytes = sizeOf(record);
      if (this.bytes + bytes > this.maxBytes) return;
      this.kept.set(id, { record, bytes, keptAt });
      this.bytes += bytes;
    }
  }

  get(id: string): RawOutboundRecord | undefined {
    return this.kept.get(id)?.record;
  }

  /** Rows now marked sent (or known to be): no longer needed. Also drops rows past their age. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.drop(id);
    const oldest = this.now() - this.maxAgeMs;
    // Insertion order is age order: stop at the first row young enough.
    for (const [id, kept] of this.kept) {
      if (kept.keptAt >= oldest) break;
      this.drop(id);
    }
  }

  get size(): number {
    return this.kept.size;
  }

  private drop(id: string): void {
    const kept = this.kept.get(id);
    if (!kept) return;
    this.kept.delete(id);
    this.bytes -= kept.bytes;
  }
}

/** Roughly what a kept record holds on to: its value, its header values, and a little for the rest. */
function sizeOf(record: RawOutboundRecord): number {
  let bytes = 256 + (record.value?.length ?? 0);
  for (const name in record.headers) bytes += name.length + record.headers[name]!.length;
  return bytes;
}
