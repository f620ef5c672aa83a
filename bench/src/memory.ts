/**
 * Peak memory of this process during a phase, sampled. The service under test runs in this process, so
 * sampling must cost it little: RSS is read every tick (process.memoryUsage.rss() is one read), the full
 * process.memoryUsage() (which walks the V8 heap's spaces) only every fifth.
 */
export interface MemoryPeak {
  /** Resident set size when the phase began: RSS is process-wide and rarely shrinks, so read peaks against it. */
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  readonly heapUsedPeakMb: number;
}

const MB = 1024 * 1024;
/** Full memoryUsage() every this many ticks. */
const HEAP_EVERY = 5;

export class MemorySampler {
  private rssPeak: number;
  private heapPeak: number;
  private readonly rssStart: number;
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;

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
    this.rssPeak = Math.max(this.rssPeak, process.memoryUsage.rss());
    if (this.ticks++ % HEAP_EVERY === 0) this.heapPeak = Math.max(this.heapPeak, process.memoryUsage().heapUsed);
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
