/** `npm run schemas:build`: publish new schema versions from tools/schemas/src (see schemas/README.md). */
import { CATALOGUE } from './src/catalogue';
import { SCHEMAS_DIR } from './src/paths';
import { publish } from './src/publish';

const result = publish(CATALOGUE, SCHEMAS_DIR);
for (const label of result.written) console.log(`published ${label}`);
console.log(`${result.unchanged.length} published versions unchanged`);
for (const problem of result.problems) console.error(`ERROR ${problem}`);
process.exitCode = result.problems.length > 0 ? 1 : 0;
