/**
 * What the process's memory was made of when its RSS peaked: the V8 heap (used and reserved), and the
 * memory held outside it by Buffers (`arrayBuffers`, within `external`), where Kafka fetches and
 * produce requests live. Says whether a high RSS is objects kept alive or byte buffers in flight.
 */
export interface MemoryAtPeak {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly externalMb: number;
  readonly arrayBuffersMb: number;
  /** Seconds from the service's start to the peak. */
  readonly atSeconds: number;
}

const MB = 1024 * 1024;

export class MemoryAtPeakSampler {
  private peak: NodeJS.MemoryUsage = process.memoryUsage();
  private peakAt = performance.now();
  private readonly startedAt = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): MemoryAtPeak {
    clearInterval(this.timer);
    this.sample();
    const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = this.peak;
    return {
      rssMb: mb(rss),
      heapUsedMb: mb(heapUsed),
      heapTotalMb: mb(heapTotal),
      externalMb: mb(external),
      arrayBuffersMb: mb(arrayBuffers),
      atSeconds: Math.round((this.peakAt - this.startedAt) / 100) / 10,
    };
  }

  private sample(): void {
    // The cheap read first: the full breakdown (which walks the V8 heap) only when RSS is at a new peak.
    if (process.memoryUsage.rss() <= this.peak.rss) return;
    this.peak = process.memoryUsage();
    this.peakAt = performance.now();
  }
}
