/**
 * `npm run schemas:types`: writes libs/contracts/src/generated/schema-types.ts from the newest version
 * of every schema in schemas/. `--check` only compares, and fails when the file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SchemaArchive } from '@ecris/messaging';
import { SCHEMAS_DIR, WORKSPACE_ROOT } from './src/paths';
import { generateTypes, type LatestSchema } from './src/typescript';

export const GENERATED_TYPES_FILE = join(WORKSPACE_ROOT, 'libs/contracts/src/generated/schema-types.ts');

export function renderTypes(schemasDir = SCHEMAS_DIR): string {
  const archive = SchemaArchive.load([schemasDir]);
  const latest: LatestSchema[] = archive.names().map((fullName) => {
    const newest = archive.latest(fullName)!;
    return {
      fullName,
      version: newest.version,
      schema: JSON.parse(readFileSync(newest.file, 'utf8')),
      file: relative(WORKSPACE_ROOT, newest.file),
    };
  });
  return generateTypes(latest);
}

if (require.main === module) {
  const rendered = renderTypes();
  const current = existsSync(GENERATED_TYPES_FILE) ? readFileSync(GENERATED_TYPES_FILE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== rendered) {
      console.error(`${relative(WORKSPACE_ROOT, GENERATED_TYPES_FILE)} is stale: run npm run schemas:types`);
      process.exitCode = 1;
    }
  } else if (current !== rendered) {
    writeFileSync(GENERATED_TYPES_FILE, rendered);
    console.log(`wrote ${relative(WORKSPACE_ROOT, GENERATED_TYPES_FILE)}`);
  } else {
    console.log('generated types are up to date');
  }
}
