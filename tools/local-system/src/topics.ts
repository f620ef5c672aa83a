import { allTopics, toTopicSpec } from '@ecris/contracts';
import { KafkaAdmin, type KafkaSettings } from '@ecris/messaging';

/**
 * Creates every registry topic the broker lacks, in the namespace (empty outside tests), as
 * `npm run topics:create` does; topics already there are left exactly as they are.
 */
export async function ensureRegistryTopics(settings: KafkaSettings, namespace: string): Promise<{ created: number; existing: number }> {
  const specs = allTopics().map((topic) => {
    const spec = toTopicSpec(topic);
    return { ...spec, name: `${namespace}${spec.name}` };
  });
  const admin = new KafkaAdmin(settings);
  await admin.connect();
  try {
    const { created, existing } = await admin.ensureTopics(specs);
    return { created: created.length, existing: existing.length };
  } finally {
    await admin.disconnect();
  }
}
