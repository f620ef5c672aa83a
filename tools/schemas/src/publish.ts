/**
 * Writes each catalogue entry's bundled schema to schemas/ as a new version, and never rewrites a
 * published one: if the source of a published version now bundles differently, the build fails and
 * names the schemas whose version must be bumped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { bundle, publishedText } from './bundle';
import type { CatalogueEntry } from './catalogue';
import { schemaFile } from './paths';

export interface PublishResult {
  readonly written: string[];
  readonly unchanged: string[];
  readonly problems: string[];
}

export function publish(catalogue: readonly CatalogueEntry[], root: string, options: { dryRun?: boolean } = {}): PublishResult {
  const result: PublishResult = { written: [], unchanged: [], problems: [] };
  for (const { schema, version } of catalogue) {
    const label = `${schema.name} v${version}`;
    let bundled: object;
    try {
      bundled = bundle(schema);
    } catch (error) {
      result.problems.push(`${label}: ${(error as Error).message}`);
      continue;
    }
    const file = schemaFile(root, schema.name, version);
    if (existsSync(file)) {
      const published = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (isDeepStrictEqual(published, bundled)) {
        result.unchanged.push(label);
      } else {
        result.problems.push(
          `${label} is published and its source now differs: published versions never change; bump the version in tools/schemas/src/catalogue.ts`,
        );
      }
      continue;
    }
    if (version > 1 && !existsSync(schemaFile(root, schema.name, version - 1))) {
      result.problems.push(`${label}: v${version - 1} is not published; versions go up one at a time`);
      continue;
    }
    if (!options.dryRun) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, publishedText(bundled));
    }
    result.written.push(label);
  }
  return result;
}
