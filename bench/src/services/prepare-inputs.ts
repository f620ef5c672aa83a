/**
 * Child-process entry: writes a phase's inputs (and seeds the register) before the service starts,
 * so what that work allocates never counts in the RSS of the process the service then runs in
 * (encoding and producing thousands of records leaves tens of MB of RSS behind, freed but not returned).
 * Started by prepare-in-child.ts; one message in, one message out, then exit.
 */
import { AvroCodec, openDatabase, SchemaArchive } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import { BenchBroker } from '../broker';
import { courtEvent, notificationsOwed } from './court-events';
import { inboundNotification, translationRequest } from './inbound-notifications';
import type { Preparation, Prepared } from './prepare-in-child';
import { preload } from './preload';
import { seedPersons, translatedNotification } from './translated-notifications';

async function prepare(job: Preparation): Promise<Prepared> {
  const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
  // Only its settings and end offsets are used here: the parent's BenchBroker owns and deletes the topics.
  const broker = new BenchBroker(job.runId);
  if (job.kind === 'court-events') {
    let owed = 0;
    await preload(broker, job.count, (index) => {
      owed += notificationsOwed(index);
      return courtEvent(codec, job.topic, job.runId, index);
    });
    return { owed };
  }
  if (job.kind !== 'translated-notifications') {
    const serialBase = BigInt(job.serialBase);
    const make = job.kind === 'inbound-notifications' ? inboundNotification : translationRequest;
    await preload(broker, job.count, (index) => make(codec, job.topic, serialBase + BigInt(index)));
    return { owed: job.count };
  }
  const db = await openDatabase(job.databaseUrl, { pool: { max: 1 } });
  try {
    await seedPersons(db, job.runId, job.count);
  } finally {
    await db.close();
  }
  const serialBase = BigInt(job.serialBase);
  await preload(broker, job.count, (index) => translatedNotification(codec, job.topic, index, serialBase));
  return { owed: job.count };
}

process.once('message', (job: Preparation) => {
  prepare(job)
    .then((prepared) => process.send!(prepared, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
});
