import { setTimeout as sleep } from 'node:timers/promises';
import { allTopics, toTopicSpec } from '@ecris/contracts';
import { KafkaAdmin, type KafkaSettings } from '@ecris/messaging';

const ATTEMPTS = 5;

/**
 * Creates every registry topic the broker lacks, in the namespace (empty outside tests), as
 * `npm run topics:create` does; topics already there are left exactly as they are. A busy broker
 * sometimes answers the creation's leader check with "does not host this topic-partition" for a topic
 * it has just made: creating what is missing is idempotent, so the whole step is simply tried again.
 */
export async function ensureRegistryTopics(settings: KafkaSettings, namespace: string): Promise<{ created: number; existing: number }> {
  const specs = allTopics().map((topic) => {
    const spec = toTopicSpec(topic);
    return { ...spec, name: `${namespace}${spec.name}` };
  });
  for (let attempt = 1; ; attempt++) {
    const admin = new KafkaAdmin(settings);
    try {
      await admin.connect();
      const { created, existing } = await admin.ensureTopics(specs);
      return { created: created.length, existing: existing.length };
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await sleep(1_000 * attempt);
    } finally {
      await admin.disconnect();
    }
  }
}
