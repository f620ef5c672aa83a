import { Pool } from 'pg';

/** The database global-setup.js provided (created if it was missing). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: run integration tests through jest, whose globalSetup provides it');
  }
  return url;
}

/** Runs `work` with a small pool on the test database and always closes the pool afterwards. */
export async function withPgPool<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
