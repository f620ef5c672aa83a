import { headerText, type EventMeta } from '@ecris/messaging';
import { loadFixture } from './fixtures';
import { withPgPool } from './postgres-helpers';
import { startTestService, type StartedService } from './test-service';

/**
 * The harness around a stand-in for the kit's startService (libs/testing sits below the kit): what it
 * gives the service and what it cleans up. The services' own integration tests run it with real services.
 */
function recordingStart(fail?: Error) {
  const calls: { env: NodeJS.ProcessEnv; closed: number }[] = [];
  const start = async (env: NodeJS.ProcessEnv): Promise<StartedService> => {
    const call = { env, closed: 0 };
    calls.push(call);
    if (fail) throw fail;
    return { url: 'http://127.0.0.1:9', close: async () => void (call.closed += 1) };
  };
  return { calls, start };
}

const databaseNameOf = (url: string) => new URL(url).pathname.slice(1);
const databaseExists = (name: string) =>
  withPgPool(async (pool) => (await pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

describe('startTestService', () => {
  it('starts the service in a namespace of its own, on an empty database of its own, with the test environment', async () => {
    const { calls, start } = recordingStart();
    const test = await startTestService(start, { label: 'testing-harness', database: 'postgres', env: { SOME_SETTING: 'on' } });
    try {
      expect(calls).toHaveLength(1);
      expect(calls[0]!.env).toMatchObject({ ECRIS_NAMESPACE: test.ns, HTTP_PORT: '0', DATABASE_URL: test.databaseUrl, SOME_SETTING: 'on' });
      expect(test.ns).toMatch(/^testing-harness\..+\.$/);
      expect(test.topic('ecris.inbound.v1')).toBe(`${test.ns}ecris.inbound.v1`);
      const tables = await withPgPool(
        async (pool) => (await pool.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).rows[0].n,
        test.databaseUrl,
      );
      expect(tables).toBe(0);
    } finally {
      await test.stop();
    }
    expect(calls[0]!.closed).toBe(1);
    expect(await databaseExists(databaseNameOf(test.databaseUrl))).toBe(false);
  });

  it('publishes encoded records with their CloudEvents headers and raw ones as they are, to its namespace, and reads them back', async () => {
    const test = await startTestService(recordingStart().start, { label: 'testing-harness', database: 'pglite' });
    try {
      expect(test.databaseUrl).toBe('');
      const value = loadFixture<{ meta: EventMeta; translationId: string }>('TranslationRequested', 2);
      const record = { topic: 'ecris.inbound.v1', key: 'exchange-1', schema: 'uk.ecris.exchange.TranslationRequested', value };
      await test.publish([record, { topic: 'ecris.inbound.v1', key: 'exchange-1', value: Buffer.from('garbage') }]);

      const read = await test.readUntil('ecris.inbound.v1', (records) => records.length >= 2);
      expect(read.map((r) => r.topic)).toEqual([test.topic('ecris.inbound.v1'), test.topic('ecris.inbound.v1')]);
      expect(test.decode<typeof value>(read[0]!).value).toEqual(value);
      expect(read[0]!.value).toEqual(test.encode(record).value);
      expect(headerText(read[0]!.headers, 'ce_id')).toBe(value.meta.id);
      expect(read[1]!.value?.toString()).toBe('garbage');
      expect(await test.readAll('ecris.inbound.v1')).toHaveLength(2);
    } finally {
      await test.stop();
    }
  });

  it('drops the database it made when the service fails to start, and reports the failure', async () => {
    const { calls, start } = recordingStart(new Error('would not start'));
    await expect(startTestService(start, { label: 'testing-harness', database: 'postgres' })).rejects.toThrow('would not start');
    const url = calls[0]!.env.DATABASE_URL!;
    expect(url).not.toBe('');
    expect(await databaseExists(databaseNameOf(url))).toBe(false);
  });
});
