/** Where published schemas and their fixtures live: schemas/<namespace as folders>/<Name>.v<N>.avsc. */
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
export const SCHEMAS_DIR = join(WORKSPACE_ROOT, 'schemas');

function split(fullName: string): { folders: string[]; name: string } {
  const parts = fullName.split('.');
  return { folders: parts.slice(0, -1), name: parts[parts.length - 1] };
}

export function schemaFile(root: string, fullName: string, version: number): string {
  const { folders, name } = split(fullName);
  return join(root, ...folders, `${name}.v${version}.avsc`);
}

export function fixtureFile(root: string, fullName: string, version: number): string {
  const { folders, name } = split(fullName);
  return join(root, ...folders, 'fixtures', `${name}.v${version}.json`);
}
