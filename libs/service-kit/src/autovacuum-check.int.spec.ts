import { openDatabase } from '@ecris/messaging';
import { testDatabaseUrl } from '@ecris/testing';
import { autovacuumProblem } from './autovacuum-check';

describe('autovacuumProblem', () => {
  it('names the problem exactly when the server says autovacuum is off', async () => {
    const db = await openDatabase(testDatabaseUrl(), { pool: { max: 1 } });
    try {
      const { rows } = await db.query<{ autovacuum: string }>('SHOW autovacuum');
      const problem = await autovacuumProblem(db);
      if (rows[0]?.autovacuum === 'off') expect(problem).toMatch(/autovacuum is off/);
      else expect(problem).toBeUndefined();
    } finally {
      await db.close();
    }
  });

  it('does not check embedded PGlite', async () => {
    const db = await openDatabase('');
    try {
      expect(await autovacuumProblem(db)).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
