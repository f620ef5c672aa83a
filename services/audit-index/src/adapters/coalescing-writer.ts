/**
 * Group commit: rows handed in while a write is in flight go out together in the next one. The runner
 * hands the audit index one record at a time per partition, but many partitions at once; this turns
 * those concurrent single rows into multi-row inserts without ever holding a row back waiting for a
 * timer (a lone row is written at once).
 */
export interface CoalescingWriterOptions<T> {
  readonly write: (items: readonly T[]) => Promise<void>;
  /** Rows per write at most. */
  readonly maxBatch: number;
  /**
   * When a write of several rows fails with an error worth isolating (not a database outage, which would
   * fail each row alike), each row is written on its own, so one bad row fails only its own record.
   */
  readonly isolateOn: (error: unknown) => boolean;
}

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class CoalescingWriter<T> {
  private queue: Waiting<T>[] = [];
  private draining = false;

  constructor(private readonly options: CoalescingWriterOptions<T>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        await this.writeBatch(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeBatch(batch: readonly Waiting<T>[]): Promise<void> {
    try {
      await this.options.write(batch.map((waiting) => waiting.item));
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1 || !this.options.isolateOn(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      for (const waiting of batch) await this.writeBatch([waiting]);
    }
  }
}
