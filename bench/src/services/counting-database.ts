import type { NotificationHandlers, NotificationSubscription, SqlDatabase, SqlExecutor, SqlResult } from '@ecris/messaging';

/**
 * The service's own database (the same `openDatabase(url)` the kit would open), counting what goes
 * through it: each statement is a round trip and, sent unnamed as pg sends it, a parse and plan on
 * the server, so statements per record is what a record costs PostgreSQL. Given to the kit as its
 * `sharedDatabase`, which the kit migrates and uses as its own but leaves for us to close.
 */
export class CountingDatabase implements SqlDatabase {
  /** Per statement shape: how many were sent, and the milliseconds from sending each to its result. */
  readonly statements = new Map<string, { count: number; ms: number }>();
  transactions = 0;

  constructor(private readonly inner: SqlDatabase) {}

  get engine() {
    return this.inner.engine;
  }

  get statementCount(): number {
    let total = 0;
    for (const { count } of this.statements.values()) total += count;
    // BEGIN and COMMIT are sent inside inner.transaction, out of our sight.
    return total + 2 * this.transactions;
  }

  /** A copy of the counters, to subtract from a later one. */
  snapshot(): Map<string, { count: number; ms: number }> {
    return new Map([...this.statements].map(([shape, entry]) => [shape, { ...entry }]));
  }

  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>> {
    return this.timed(text, () => this.inner.query<R>(text, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) => {
      this.transactions++;
      return work({
        query: <R>(text: string, params?: unknown[]) => this.timed(text, () => tx.query<R>(text, params)),
      });
    });
  }

  listen(channel: string, handlers: NotificationHandlers): Promise<NotificationSubscription> {
    return this.inner.listen(channel, handlers);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async timed<T>(text: string, run: () => Promise<T>): Promise<T> {
    // A prefix first: multi-row statements run to tens of thousands of characters, and this runs in the
    // service's own process, so normalising all of each would be the bench's cost counted as the service's.
    const shape = text.slice(0, 200).replace(/\s+/g, ' ').trim().slice(0, 70);
    const entry = this.statements.get(shape) ?? { count: 0, ms: 0 };
    this.statements.set(shape, entry);
    entry.count++;
    const startedAt = performance.now();
    try {
      return await run();
    } finally {
      entry.ms += performance.now() - startedAt;
    }
  }
}
