import { setFlagsFromString } from 'node:v8';

/**
 * How much the old generation may grow past what the last full collection kept before V8 collects it
 * again, in percent.
 *
 * A service process runs with its heap bounded (README, "Memory": --max-old-space-size=128). For a heap
 * that small V8 allows only 30 % growth, and a consumer promotes the records of every batch in flight
 * (they outlive a young collection while the batch's transaction runs), so it ran a full mark-compact
 * about every 200 ms: some 50 in a 20,000-event bench, and with the concurrent marking on the other core,
 * about half of notification-out's CPU. At 100 % it runs about a quarter as many, and the heap's peak
 * stays well inside the bound (bench/README.md has the figures).
 */
export const SERVICE_HEAP_GROWING_PERCENT = 100;

const FLAG = '--heap-growing-percent';

/**
 * The V8 flags applyServiceHeapSettings sets: none that the process was started with already (on its
 * command line or in NODE_OPTIONS), so an operator's own choice wins.
 */
export function heapFlagsToSet(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  // V8 reads `_` and `-` in flag names alike.
  const named = (flag: string) => given.map((arg) => arg.split('=')[0]!.replace(/_/g, '-')).includes(flag);
  return named(FLAG) ? [] : [`${FLAG}=${SERVICE_HEAP_GROWING_PERCENT}`];
}

/**
 * Applies the service process's V8 heap settings. Node accepts this flag on its command line but not in
 * NODE_OPTIONS, so a service sets it itself, first thing (runServiceMain). V8 reads it at every full
 * collection, so setting it while running takes effect from the next one.
 */
export function applyServiceHeapSettings(): void {
  for (const flag of heapFlagsToSet(process.execArgv, process.env.NODE_OPTIONS)) setFlagsFromString(flag);
}
