import { Client } from 'pg';

/**
 * A PostgreSQL database of the phase's own, created empty and dropped at the end, so a phase never
 * reads another's rows (or a test's) and its tables start with no bloat. `BENCH_POSTGRES_URL` names
 * the server (any database on it; the maintenance one by default).
 */
export class OwnDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly serverUrl: string,
  ) {}

  static async create(label: string): Promise<OwnDatabase> {
    const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    // Lower case letters, digits and _ only: the name goes into the statement text (CREATE takes no parameters).
    const name = `ecris_bench_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return new OwnDatabase(name, url.toString(), serverUrl);
  }

  /**
   * Drops it even with connections left open (a failed phase); a failure is reported, never fatal.
   * BENCH_KEEP_DATABASE=1 keeps it, to look at the rows and plans afterwards (drop it by hand).
   */
  async drop(): Promise<void> {
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      console.warn(`bench: kept database ${this.name} (BENCH_KEEP_DATABASE=1)`);
      return;
    }
    try {
      await withClient(this.serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
    } catch (error) {
      console.warn(`bench: could not drop database ${this.name}: ${(error as Error).message}`);
    }
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
