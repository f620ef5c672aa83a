export interface BackoffPolicy {
  /** First delay, before jitter. */
  readonly initialMs: number;
  /** No delay grows beyond this. */
  readonly maxMs: number;
  /** Attempts in all (the first try included) before a transient failure is dead-lettered; Infinity: never. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 30_000, maxAttempts: Infinity };

/**
 * "Full jitter" exponential backoff: a random delay in [0, min(max, initial * 2^(attempt-1))].
 * Spreading retries out stops every consumer of a recovering database from hitting it in the same instant.
 * `random` is injected so the schedule can be tested.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}
