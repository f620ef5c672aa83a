/** Peak memory of this process during a phase, sampled (process.memoryUsage is cheap at this rate). */
export interface MemoryPeak {
  /** Resident set size when the phase began: RSS is process-wide and rarely shrinks, so read peaks against it. */
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  readonly heapUsedPeakMb: number;
}

const MB = 1024 * 1024;

export class MemorySampler {
  private rssPeak: number;
  private heapPeak: number;
  private readonly rssStart: number;
  private readonly timer: NodeJS.Timeout;

  private constructor(intervalMs: number) {
    const first = process.memoryUsage();
    this.rssStart = first.rss;
    this.rssPeak = first.rss;
    this.heapPeak = first.heapUsed;
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  static start(intervalMs = 50): MemorySampler {
    return new MemorySampler(intervalMs);
  }

  stop(): MemoryPeak {
    clearInterval(this.timer);
    this.sample();
    return { rssStartMb: round(this.rssStart / MB), rssPeakMb: round(this.rssPeak / MB), heapUsedPeakMb: round(this.heapPeak / MB) };
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.rssPeak = Math.max(this.rssPeak, rss);
    this.heapPeak = Math.max(this.heapPeak, heapUsed);
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
