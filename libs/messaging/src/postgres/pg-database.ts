import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type PoolConfig, type QueryConfig, type QueryResult } from 'pg';
import {
  assertSimpleIdentifier,
  type NotificationHandlers,
  type NotificationSubscription,
  type SqlDatabase,
  type SqlExecutor,
  type SqlResult,
} from './sql-database';

export interface PgDatabaseOptions {
  /** Sets the connection's search_path (tests use a schema of their own). */
  readonly searchPath?: string;
  /** Extra pool settings (max, timeouts...). A LISTEN subscription holds one client for itself. */
  readonly pool?: Omit<PoolConfig, 'connectionString' | 'options'>;
  /**
   * An idle pooled connection failed (server restart, network cut). pg removes it from the pool;
   * without a listener the 'error' event would crash the process. The next query simply opens a
   * new connection or fails with an error `isTransientDatabaseError` recognises.
   */
  readonly onIdleClientError?: (err: Error) => void;
}

/** `pg` returns an array of results for a multi-statement text; callers want the last one. */
function toSqlResult<R>(result: QueryResult | QueryResult[]): SqlResult<R> {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
}

/**
 * A statement with parameters goes as a named prepared statement (its name a hash of its text): each
 * connection parses and plans it once and then only binds, where an unnamed one is parsed and planned on
 * every call. The services run the same few statements per record, so this is a third of PostgreSQL's
 * CPU per record (bench/README.md). Parameterless text (migrations, several statements) goes as it is.
 */
function statement(text: string, params: unknown[] | undefined): QueryConfig | string {
  if (params === undefined || params.length === 0) return text;
  // A multi-row statement's text changes with its row count: prepared by name, each count would stay
  // in the connection for its life (plan and all). Sent unnamed, it is planned once per batch of rows.
  if (params.length > MAX_PARAMETERS_PREPARED) return { text, values: params };
  return { name: statementName(text), text, values: params };
}

/** More parameters than this: a multi-row statement (many rows in one). */
const MAX_PARAMETERS_PREPARED = 64;

/** Names by text: hashing the text on every call is a cost per statement; the texts are few. */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    // Bounded, should texts ever vary without end (multi-row statements, whose texts vary, are not named).
    if (statementNames.size >= 2000) statementNames.clear();
    name = `ecris_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function executorOf(client: Pick<PoolClient, 'query'>): SqlExecutor {
  return {
    async query<R>(text: string, params?: unknown[]) {
      const result = await client.query(statement(text, params));
      return toSqlResult<R>(result as QueryResult | QueryResult[]);
    },
  };
}

/** PostgreSQL through a `pg` pool. */
export class PgDatabase implements SqlDatabase {
  readonly engine = 'postgres' as const;

  constructor(private readonly pool: Pool) {}

  static fromUrl(connectionString: string, options: PgDatabaseOptions = {}): PgDatabase {
    const searchPath =
      options.searchPath === undefined ? undefined : assertSimpleIdentifier(options.searchPath, 'searchPath');
    const pool = new Pool({
      ...options.pool,
      connectionString,
      ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
    });
    pool.on('error', (err) => options.onIdleClientError?.(err));
    return new PgDatabase(pool);
  }

  async query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>> {
    return toSqlResult<R>((await this.pool.query(statement(text, params))) as QueryResult | QueryResult[]);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection that broke, or whose ROLLBACK failed, is in an unknown state: destroy it rather
    // than return it to the pool.
    let broken: Error | undefined;
    // pg emits 'error' on a checked-out client whose connection dies between two queries (server
    // restart, admin shutdown); unheard, that event would crash the process. The next query then
    // fails with an error isTransientDatabaseError recognises.
    const onConnectionError = (err: Error) => {
      broken = err;
    };
    client.on('error', onConnectionError);
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackErr) {
        broken ??= rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
      }
      throw err;
    } finally {
      client.off('error', onConnectionError);
      client.release(broken);
    }
  }

  async listen(channel: string, handlers: NotificationHandlers): Promise<NotificationSubscription> {
    assertSimpleIdentifier(channel, 'channel');
    // LISTEN belongs to a session, so the subscription keeps one client out of the pool for itself.
    const client = await this.pool.connect();
    let released = false;
    const release = (err?: Error) => {
      if (released) return;
      released = true;
      client.removeAllListeners('notification');
      // Destroyed rather than returned: a pooled session must not carry our LISTEN to other users.
      client.release(err ?? true);
    };
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify();
    });
    client.on('error', (err) => {
      if (released) return;
      release(err);
      handlers.onLost(err);
    });
    try {
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      release(err instanceof Error ? err : undefined);
      throw err;
    }
    return {
      close: async () => release(),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
