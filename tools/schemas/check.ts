/**
 * `npm run schemas:check`, the CI gate for schemas/: compatibility and fixtures (src/compatibility.ts),
 * sources in step with what is published, and generated TypeScript up to date. Exits 1 with every
 * problem listed.
 */
import { readFileSync } from 'node:fs';
import { CATALOGUE } from './src/catalogue';
import { checkSchemas } from './src/compatibility';
import { SCHEMAS_DIR, WORKSPACE_ROOT } from './src/paths';
import { publish } from './src/publish';
import { GENERATED_TYPES_FILE, renderTypes } from './generate-types';

const report = checkSchemas([SCHEMAS_DIR], WORKSPACE_ROOT);
const problems = [...report.problems];

const sources = publish(CATALOGUE, SCHEMAS_DIR, { dryRun: true });
problems.push(...sources.problems);
for (const label of sources.written) problems.push(`${label} is in tools/schemas/src but not published: run npm run schemas:build`);

try {
  if (readFileSync(GENERATED_TYPES_FILE, 'utf8') !== renderTypes()) {
    problems.push('libs/contracts/src/generated/schema-types.ts is stale: run npm run schemas:types');
  }
} catch (error) {
  problems.push(`generated types: ${(error as Error).message}`);
}

console.log(
  `schemas:check: ${report.schemas} schema versions, ${report.pairs} version pairs resolved both ways, ${report.fixtures} golden fixtures decoded with the newest reader`,
);
for (const problem of problems) console.error(`FAIL ${problem}`);
console.log(problems.length === 0 ? 'schemas:check passed' : `schemas:check failed: ${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
