/**
 * A tiny SQL port. The same SQL and migrations run on PostgreSQL through `pg` and on embedded PGlite
 * (the national register uses PGlite when no DATABASE_URL is set), so code above this port never
 * knows which engine it talks to.
 *
 * Value conventions, identical on both engines: `bigint` columns come back as decimal strings
 * (Kafka offsets are 64-bit and do not fit a JS number), `bytea` as Buffer, `jsonb` as parsed JSON.
 * A query without parameters goes through the simple query protocol, so it may hold several
 * statements (migrations rely on that); a query with parameters must be a single statement.
 */
export interface SqlResult<R> {
  readonly rows: R[];
  /** Rows returned by a SELECT or changed by an INSERT/UPDATE/DELETE (0 for a conflict skipped). */
  readonly rowCount: number;
}

export interface SqlExecutor {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>>;
}

/** Called by a LISTEN subscription. */
export interface NotificationHandlers {
  /** A NOTIFY arrived on the channel (the payload is not passed: we only use notifications as wake-ups). */
  onNotify(): void;
  /** The subscription's connection broke; no further notifications will arrive on it. */
  onLost(err: unknown): void;
}

export interface NotificationSubscription {
  close(): Promise<void>;
}

export type SqlEngine = 'postgres' | 'pglite';

export interface SqlDatabase extends SqlExecutor {
  /**
   * PGlite is a single process with a single connection, so cross-process coordination
   * (advisory locks) is pointless there; code that needs such coordination checks this.
   */
  readonly engine: SqlEngine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; notifications sent inside a transaction arrive when it commits. */
  listen(channel: string, handlers: NotificationHandlers): Promise<NotificationSubscription>;
  close(): Promise<void>;
}

const SIMPLE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Identifiers we put into SQL text (schema and channel names) come from configuration, never from
 * records; we still refuse anything but a plain lower-case identifier rather than quote it.
 */
export function assertSimpleIdentifier(name: string, what: string): string {
  if (!SIMPLE_IDENTIFIER.test(name)) {
    throw new Error(`${what} must be a lower-case SQL identifier ([a-z_][a-z0-9_]*), got "${name}"`);
  }
  return name;
}
