/**
 * Creates every topic of the registry (libs/contracts/src/topics) that the cluster lacks, on the
 * brokers in KAFKA_BROKERS (default 127.0.0.1:19092). Topics that exist are never changed: where
 * one differs from the registry (partitions or a declared config) it is reported for a person to
 * decide, since altering a live topic can reorder keys or delete history.
 *   npm run topics:create
 */
import { allTopics, toTopicSpec, type TopicSpec } from '@ecris/contracts';
import { KafkaAdmin, kafkaSettingsFromEnv, type TopicDescription } from '@ecris/messaging';
import { topicDrift } from './topic-drift';

async function describeExisting(admin: KafkaAdmin, specs: readonly TopicSpec[]): Promise<TopicDescription[]> {
  if (specs.length === 0) return [];
  const configNames = [...new Set(specs.flatMap((spec) => Object.keys(spec.config)))];
  return admin.describeTopics(
    specs.map((spec) => spec.name),
    configNames,
  );
}

async function createTopics(): Promise<void> {
  const settings = kafkaSettingsFromEnv('ecris-topics-create');
  const specs = allTopics().map(toTopicSpec);
  console.log(`topics: ${specs.length} in the registry; brokers ${settings.brokers.join(',')}`);

  const admin = new KafkaAdmin(settings);
  await admin.connect();
  try {
    const { created, existing } = await admin.ensureTopics(specs);
    for (const name of created) console.log(`  created  ${name}`);

    const existingSpecs = specs.filter((spec) => existing.includes(spec.name));
    const actual = await describeExisting(admin, existingSpecs);
    let differing = 0;
    for (const spec of existingSpecs) {
      const found = actual.find((topic) => topic.name === spec.name);
      const differences = found ? topicDrift(spec, found) : ['not described by the broker'];
      if (differences.length === 0) {
        console.log(`  present  ${spec.name}`);
      } else {
        differing += 1;
        console.log(`  DIFFERS  ${spec.name}: ${differences.join('; ')} (left unchanged)`);
      }
    }
    console.log(`topics: ${created.length} created, ${existing.length - differing} present, ${differing} differ from the registry`);
  } finally {
    await admin.disconnect();
  }
}

createTopics().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`topics: failed: ${reason}`);
  console.error('topics: is the broker running (npm run kafka:start) and KAFKA_BROKERS right?');
  process.exit(1);
});
