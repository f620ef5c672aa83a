/**
 * Plays a scenario at wall-clock time: each record is published, and each agency request submitted,
 * when its moment comes. What cannot be delivered (broker or API down) is retried in place, in order:
 * a simulation that skipped records would show gaps that are not the system's.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@ecris/logging';
import type { AgencySubmission } from './agency/agency-requests';
import type { Scenario } from './scenario';
import type { ScheduledMessage } from './schedule';

export interface PlayerTargets {
  /** Publishes records and resolves once the broker acknowledged them all. */
  publish(messages: readonly ScheduledMessage[]): Promise<void>;
  /** Submits one agency request; resolves 'refused' for an answer that retrying will not change. */
  submit(submission: AgencySubmission): Promise<'accepted' | 'refused'>;
}

export interface PlayerProgress {
  published: number;
  submitted: number;
  refused: number;
  retries: number;
  readonly total: number;
}

type Item = { readonly atMs: number; readonly message: ScheduledMessage } | { readonly atMs: number; readonly submission: AgencySubmission };

const RETRY_DELAY_MS = 1_000;

export class ScenarioPlayer {
  readonly progress: PlayerProgress;
  private readonly items: Item[];
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    scenario: Scenario,
    private readonly targets: PlayerTargets,
    private readonly logger: Logger,
  ) {
    this.items = [
      ...scenario.messages.map((message) => ({ atMs: message.atMs, message })),
      ...scenario.submissions.map((submission) => ({ atMs: submission.atMs, submission })),
    ].sort((a, b) => a.atMs - b.atMs);
    this.progress = { published: 0, submitted: 0, refused: 0, retries: 0, total: this.items.length };
  }

  /** Starts playing; the scenario's moment 0 is now. */
  start(): void {
    this.running ??= this.play(Date.now()).catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.logger.error({ err: error }, 'scenario player stopped');
    });
  }

  /** Resolves when everything has been played (or the player was stopped). */
  finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async play(startedAt: number): Promise<void> {
    let next = 0;
    while (next < this.items.length && !this.abort.signal.aborted) {
      const wait = startedAt + this.items[next]!.atMs - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal: this.abort.signal });
      const due: Item[] = [];
      while (next < this.items.length && startedAt + this.items[next]!.atMs <= Date.now()) due.push(this.items[next++]!);
      const messages = due.flatMap((item) => ('message' in item ? [item.message] : []));
      if (messages.length > 0) {
        await this.untilDone('publish', () => this.targets.publish(messages));
        this.progress.published += messages.length;
      }
      for (const item of due) {
        if (!('submission' in item)) continue;
        const outcome = await this.untilDone('submit', () => this.targets.submit(item.submission));
        if (outcome === 'refused') this.progress.refused += 1;
        else this.progress.submitted += 1;
      }
    }
  }

  /** Retries in place until it works or the player stops (then the abort error ends play()). */
  private async untilDone<T>(what: string, attempt: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (this.abort.signal.aborted) throw error;
        this.progress.retries += 1;
        this.logger.warn({ err: error, what }, 'simulated traffic not delivered; retrying');
        await sleep(RETRY_DELAY_MS, undefined, { signal: this.abort.signal });
      }
    }
  }
}
