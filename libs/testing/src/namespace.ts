import { allTopics, toTopicSpec } from '@ecris/contracts';
import { createTestTopics } from './kafka-helpers';
import { uniqueName } from './names-and-settings';

/**
 * A private copy of every registry topic, prefixed with a unique namespace, so a test can run real
 * services (ECRIS_NAMESPACE=<namespace>) on the shared broker without seeing other tests' records.
 * Fewer partitions than production: the shape is the same, the broker's work is smaller.
 */
export async function provisionNamespace(label: string, partitions = 2): Promise<string> {
  const namespace = `${uniqueName(label)}.`;
  await createTestTopics(
    allTopics().map((topic) => {
      const spec = toTopicSpec(topic);
      return { ...spec, name: `${namespace}${spec.name}`, partitions: Math.min(spec.partitions, partitions) };
    }),
  );
  return namespace;
}
