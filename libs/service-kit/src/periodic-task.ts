import type { Logger } from '@ecris/logging';

/**
 * Runs `round` every `intervalMs`, one round at a time (a slow database must not pile rounds up),
 * logging a failed round and trying again at the next interval. The timer does not keep the process
 * alive; stop() waits for the round in flight. For deadline checks and other timers of a service.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly round: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** Idempotent; an interval of 0 or less means the task never runs by itself. */
  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return;
    this.inFlight = this.round()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.warn({ err, task: this.name }, 'periodic task failed; trying again at the next interval'))
      .finally(() => {
        this.inFlight = undefined;
      });
  }
}
