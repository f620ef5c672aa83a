import { Pool } from 'pg';

/** The database global-setup.js provided (created if it was missing). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: run integration tests through jest, whose globalSetup provides it');
  }
  return url;
}

/**
 * Runs `work` with a small pool on the test database, or on `url` (a freshTestDatabase), and always
 * closes the pool afterwards.
 */
export async function withPgPool<T>(work: (pool: Pool) => Promise<T>, url: string = testDatabaseUrl()): Promise<T> {
  const pool = new Pool({ connectionString: url, max: 4 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
