import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  assertSimpleIdentifier,
  type NotificationHandlers,
  type NotificationSubscription,
  type SqlDatabase,
  type SqlExecutor,
  type SqlResult,
} from './sql-database';

const INT8_OID = 20;
const BYTEA_OID = 17;

/**
 * Make PGlite return what `pg` returns, so code behaves the same on both engines: int8 as a decimal
 * string (PGlite's default is a JS number, which silently rounds offsets above 2^53) and bytea as a
 * Buffer (PGlite's default is a Uint8Array). Values reach the parser in PostgreSQL's text format,
 * bytea as `\x` followed by hex.
 */
const pgCompatibleParsers = {
  [INT8_OID]: (text: string) => text,
  [BYTEA_OID]: (text: string) => Buffer.from(text.slice(2), 'hex'),
};

interface PgliteResultLike {
  rows: unknown[];
  rowCount?: number;
  affectedRows?: number;
}

function toSqlResult<R>(result: PgliteResultLike | undefined): SqlResult<R> {
  const rows = (result?.rows ?? []) as R[];
  return { rows, rowCount: result?.rowCount ?? result?.affectedRows ?? rows.length };
}

/**
 * PGlite's `query` uses the extended protocol (one statement); `exec` the simple protocol (several
 * statements, no parameters). Routing on "has parameters" mirrors what `pg` does by itself.
 */
function executorOf(target: PGlite | Transaction): SqlExecutor {
  return {
    async query<R>(text: string, params?: unknown[]) {
      if (params === undefined || params.length === 0) {
        const results = await target.exec(text);
        return toSqlResult<R>(results[results.length - 1]);
      }
      return toSqlResult<R>(await target.query(text, params));
    },
  };
}

export interface PgliteDatabaseOptions {
  /** A directory to keep the data in; in memory when absent. */
  readonly dataDir?: string;
  readonly searchPath?: string;
}

/** Embedded PostgreSQL (WASM) in this process: one connection, so transactions run one at a time. */
export class PgliteDatabase implements SqlDatabase {
  readonly engine = 'pglite' as const;
  private readonly executor: SqlExecutor;

  private constructor(private readonly pglite: PGlite) {
    this.executor = executorOf(pglite);
  }

  static async open(options: PgliteDatabaseOptions = {}): Promise<PgliteDatabase> {
    const pglite = await PGlite.create(options.dataDir, { parsers: pgCompatibleParsers });
    const db = new PgliteDatabase(pglite);
    if (options.searchPath !== undefined) {
      await db.query(`SET search_path TO ${assertSimpleIdentifier(options.searchPath, 'searchPath')}`);
    }
    return db;
  }

  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>> {
    return this.executor.query<R>(text, params);
  }

  /**
   * PGlite's own transaction. Inside `work`, use only `tx`: a query on the database itself waits
   * for the transaction to end, which would never happen.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) => work(executorOf(tx)));
  }

  async listen(channel: string, handlers: NotificationHandlers): Promise<NotificationSubscription> {
    // In-process: there is no connection to lose, so onLost is never called.
    const unlisten = await this.pglite.listen(assertSimpleIdentifier(channel, 'channel'), () => handlers.onNotify());
    return { close: () => unlisten() };
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
