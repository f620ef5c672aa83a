import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One schema change. `id` is the file name without `.sql`, e.g. `001_messaging`; ids sort in apply order. */
export interface Migration {
  readonly id: string;
  readonly sql: string;
}

/** `NNN_name.sql`: at least three digits, so ids sort numerically as strings. */
const MIGRATION_FILE = /^(\d{3,})_([a-z0-9][a-z0-9_-]*)\.sql$/;

/**
 * Reads a directory of `NNN_name.sql` files. Any other `.sql` file is an error rather than skipped:
 * a misnamed migration silently left out would leave a database without a table the code needs.
 * Two files with the same number are an error too, as their order would be a coin toss.
 */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql'));
  const byNumber = new Map<string, string>();
  for (const name of names) {
    const match = MIGRATION_FILE.exec(name);
    if (!match) throw new Error(`Migration file "${name}" in ${dir} is not named NNN_name.sql`);
    const number = match[1] as string;
    const clash = byNumber.get(number);
    if (clash) throw new Error(`Migrations "${clash}" and "${name}" in ${dir} share the number ${number}`);
    byNumber.set(number, name);
  }
  const migrations = await Promise.all(
    names.map(async (name) => ({ id: name.slice(0, -'.sql'.length), sql: await readFile(join(dir, name), 'utf8') })),
  );
  return sortMigrations(migrations);
}

/** Apply order: by id. Duplicate ids (e.g. the same directory loaded twice) are refused. */
export function sortMigrations(migrations: readonly Migration[]): Migration[] {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.id)) throw new Error(`Migration id "${m.id}" appears twice`);
    seen.add(m.id);
  }
  return [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A fingerprint of what was applied, so an edit to an already-applied migration is caught instead of
 * silently never reaching the databases that ran the old text. Line endings are normalised so a
 * checkout with CRLF does not count as an edit.
 */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** The migrations still to apply, in order; throws when an applied one's text has changed since. */
export function pendingMigrations(
  migrations: readonly Migration[],
  appliedChecksums: ReadonlyMap<string, string>,
): Migration[] {
  const pending: Migration[] = [];
  for (const m of sortMigrations(migrations)) {
    const applied = appliedChecksums.get(m.id);
    if (applied === undefined) pending.push(m);
    else assertUnchanged(m, applied);
  }
  return pending;
}

export function assertUnchanged(migration: Migration, appliedChecksum: string): void {
  if (migrationChecksum(migration.sql) !== appliedChecksum) {
    throw new Error(
      `Migration "${migration.id}" was changed after it was applied; add a new migration instead of editing it`,
    );
  }
}
