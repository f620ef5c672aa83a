/**
 * `npm run asyncapi:generate`: writes docs/asyncapi.json (AsyncAPI 3.0) and docs/asyncapi.md from the
 * topic registry and schemas/. `--check` only compares and exits 1 when either file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allConsumerGroups, allTopics, SERVICE_NAMES } from '@ecris/contracts';
import { SchemaArchive } from '@ecris/messaging';
import { buildAsyncApi } from './src/document';
import { renderMarkdown } from './src/markdown';

const ROOT = join(__dirname, '..', '..');
export const ASYNCAPI_JSON = join(ROOT, 'docs', 'asyncapi.json');
export const ASYNCAPI_MD = join(ROOT, 'docs', 'asyncapi.md');

export function renderAsyncApi(): { json: string; markdown: string; document: object } {
  const archive = SchemaArchive.load([join(ROOT, 'schemas')]);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const topics = allTopics();
  const document = buildAsyncApi({ version, topics, groups: allConsumerGroups(), services: SERVICE_NAMES, archive, workspaceRoot: ROOT });
  return { json: `${JSON.stringify(document, null, 2)}\n`, markdown: renderMarkdown(topics, archive, ROOT), document };
}

if (require.main === module) {
  const rendered = renderAsyncApi();
  const files: [string, string][] = [
    [ASYNCAPI_JSON, rendered.json],
    [ASYNCAPI_MD, rendered.markdown],
  ];
  const check = process.argv.includes('--check');
  for (const [file, text] of files) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    if (check) {
      console.error(`${relative(ROOT, file)} is stale: run npm run asyncapi:generate`);
      process.exitCode = 1;
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${relative(ROOT, file)}`);
    }
  }
}
