import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's schemas/: every published record version, with a golden fixture of each. */
export const REPO_SCHEMAS_DIR = resolve(__dirname, '..', '..', '..', 'schemas');

let byFileName: Map<string, string> | undefined;

/** Every golden fixture under schemas/ by its file name (`Notification.v1.json`), which is unique. */
function fixtureFiles(): Map<string, string> {
  if (byFileName) return byFileName;
  const found = new Map<string, string>();
  for (const entry of readdirSync(REPO_SCHEMAS_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json') || !entry.parentPath.endsWith('fixtures')) continue;
    const earlier = found.get(entry.name);
    if (earlier) throw new Error(`loadFixture: ${entry.name} is in ${earlier} and ${entry.parentPath}; name it by full name`);
    found.set(entry.name, join(entry.parentPath, entry.name));
  }
  byFileName = found;
  return found;
}

/**
 * A fresh copy of the golden fixture of a record version (schemas/<namespace>/fixtures/<Name>.v<n>.json),
 * by its short name (`'Notification'`) or full name (`SchemaNames.notification`). Change its ids per test.
 */
export function loadFixture<T>(name: string, version: number): T {
  const shortName = name.slice(name.lastIndexOf('.') + 1);
  const path =
    name.includes('.')
      ? join(REPO_SCHEMAS_DIR, ...name.split('.').slice(0, -1), 'fixtures', `${shortName}.v${version}.json`)
      : fixtureFiles().get(`${shortName}.v${version}.json`);
  if (!path) throw new Error(`loadFixture: no fixture ${shortName}.v${version}.json under ${REPO_SCHEMAS_DIR}`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
