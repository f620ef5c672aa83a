/**
 * Issue 4's translation: requests for the English rendering of Spanish NOTs, whose texts the translation
 * memory holds (reviewed earlier), so each is rendered at once and TextTranslated goes out: memory
 * lookup, the rendering, the ledger transaction. Measured for its memory while it drains a backlog
 * (each service under 200 MB); its rate is reported, with no target of its own.
 */
import { consumerGroup, dlqTopicFor, SchemaNames, type TextTranslated } from '@ecris/contracts';
import { loadMigrations, messagingMigrationsDir, migrate, type SqlDatabase } from '@ecris/messaging';
// bench is not a service, so it may start a service's definition by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { definition as TRANSLATION } from '../../../services/translation/src/translation.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { textsToTranslate } from '../../../services/translation/src/domain/free-texts';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { spanishTranslationRequest } from '../../../services/translation/src/testing/fixtures';
import type { BenchBroker } from '../broker';
import { prepareInChild } from './prepare-in-child';
import type { OutputCheck, ServiceThroughputResult } from './service-results';
import type { ServicePhaseSettings } from './service-under-test';
import { runThroughputPhase } from './throughput-phase';
import { tallyTopic } from './topic-watch';

const PHASE = 'translation';
const TEXT_TRANSLATED = 'exchange.translation.text-translated.v1';

export function translationThroughput(broker: BenchBroker, requests: number, settings: ServicePhaseSettings, progress: (m: string) => void): Promise<ServiceThroughputResult> {
  return runThroughputPhase(
    broker,
    {
      phase: PHASE,
      definition: TRANSLATION,
      rateUnit: 'renderings/s',
      async prepare({ topic, own }) {
        progress(`${PHASE}: reviewed translations into the memory, ${requests} requests loaded (in a child process)`);
        await migrate(own, [...(await loadMigrations(messagingMigrationsDir)), ...(await TRANSLATION.migrations!())]);
        await rememberFixtureTexts(own);
        await prepareInChild({
          kind: 'translation-requests',
          runId: broker.runId,
          topic: topic('exchange.notification-in.translation-requested.v1'),
          count: requests,
          serialBase: (BigInt(Date.now() % 1_000_000_000) * 1_000_000n).toString(),
        });
        return { inputs: requests, outputs: requests };
      },
      drainedWhen: { topic: TEXT_TRANSLATED, rowsSql: 'SELECT count(*)::text AS n FROM inbox' },
      checkOutputs: ({ own, namespace }, count) => checkOutputs(broker, own, namespace, count),
    },
    settings,
    progress,
  );
}

/** Every free text of the fixture request, as an operator would have reviewed it (the same SQL key the service reads). */
async function rememberFixtureTexts(db: SqlDatabase): Promise<void> {
  for (const text of textsToTranslate(spanishTranslationRequest())) {
    await db.query(
      `INSERT INTO translation.memory (source_lang, target_lang, source_sha256, source_text, translated_text, reviewed_by, reviewed_at)
       VALUES ($1, 'en', encode(sha256(convert_to($2, 'UTF8')), 'hex'), $2, $3, 'OPS-BENCH', now())
       ON CONFLICT DO NOTHING`,
      [text.lang ?? '', text.text, `[en] ${text.text}`],
    );
  }
}

/** One English rendering per request, no review task, nothing dead-lettered. */
async function checkOutputs(broker: BenchBroker, db: SqlDatabase, namespace: string, count: number): Promise<OutputCheck[]> {
  const renderings = await tallyTopic<TextTranslated>(broker.settings, `${namespace}${TEXT_TRANSLATED}`, SchemaNames.textTranslated, (value) => value.translationId);
  const tasks = await broker.recordCount(`${namespace}exchange.translation.review-tasks.v1`);
  const { rows } = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM translation.pending_jobs');
  const dlq = await broker.recordCount(`${namespace}${dlqTopicFor(consumerGroup('translation').group).name}`);
  return [
    {
      what: 'TextTranslated, one per request',
      ok: renderings.count === count && renderings.ids.size === count && renderings.other === 0,
      detail: `${renderings.count} renderings of ${renderings.ids.size} requests, ${renderings.other} other records`,
    },
    { what: 'review tasks, parked jobs, dead letters', ok: tasks === 0 && rows[0]?.n === '0' && dlq === 0, detail: `${tasks} review tasks, ${rows[0]?.n} parked jobs, ${dlq} dead letters` },
  ];
}
