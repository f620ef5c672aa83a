import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrationChecksum, pendingMigrations, sortMigrations } from './migrations';
import { messagingMigrationsDir } from './messaging-migrations';

describe('loadMigrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'migrations-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads NNN_name.sql files in numeric order, ignoring other files', async () => {
    await writeFile(join(dir, '010_later.sql'), 'select 10');
    await writeFile(join(dir, '002_second.sql'), 'select 2');
    await writeFile(join(dir, '001_first.sql'), 'select 1');
    await writeFile(join(dir, 'README.md'), 'not a migration');

    expect(await loadMigrations(dir)).toEqual([
      { id: '001_first', sql: 'select 1' },
      { id: '002_second', sql: 'select 2' },
      { id: '010_later', sql: 'select 10' },
    ]);
  });

  it('refuses a misnamed .sql file instead of skipping it', async () => {
    await writeFile(join(dir, '1_too_short.sql'), 'select 1');
    await expect(loadMigrations(dir)).rejects.toThrow('"1_too_short.sql"');
  });

  it('refuses two files with the same number', async () => {
    await writeFile(join(dir, '003_a.sql'), 'select 1');
    await writeFile(join(dir, '003_b.sql'), 'select 2');
    await expect(loadMigrations(dir)).rejects.toThrow('share the number 003');
  });

  it('finds the messaging migrations', async () => {
    const ids = (await loadMigrations(messagingMigrationsDir)).map((m) => m.id);
    expect(ids).toEqual(['001_messaging', '002_outbox_owner']);
  });
});

describe('sortMigrations and pendingMigrations', () => {
  const first = { id: '001_messaging', sql: 'create table a ()' };
  const second = { id: '001_register', sql: 'create table b ()' };
  const third = { id: '002_register', sql: 'create table c ()' };

  it('orders migrations from several directories by id', () => {
    expect(sortMigrations([third, second, first]).map((m) => m.id)).toEqual([
      '001_messaging',
      '001_register',
      '002_register',
    ]);
  });

  it('refuses the same id twice', () => {
    expect(() => sortMigrations([first, { ...first }])).toThrow('"001_messaging" appears twice');
  });

  it('leaves out what was applied and keeps the order of the rest', () => {
    const applied = new Map([[second.id, migrationChecksum(second.sql)]]);
    expect(pendingMigrations([third, second, first], applied)).toEqual([first, third]);
  });

  it('refuses an applied migration whose text has changed since', () => {
    const applied = new Map([[first.id, migrationChecksum('create table a (x int)')]]);
    expect(() => pendingMigrations([first], applied)).toThrow('"001_messaging" was changed after it was applied');
  });

  it('does not count CRLF line endings as a change', () => {
    expect(migrationChecksum('a\r\nb\r\n')).toBe(migrationChecksum('a\nb\n'));
    expect(migrationChecksum('a\nb')).not.toBe(migrationChecksum('a\nc'));
  });
});
