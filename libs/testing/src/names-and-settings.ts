import { randomBytes } from 'node:crypto';
import { kafkaSettingsFromEnv, type KafkaSettings } from '@ecris/messaging';

/** Differs between runs (and between jest workers of one run, each loading this module). */
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let sequence = 0;

/** Kafka topic names allow [a-zA-Z0-9._-] up to 249 characters; leave room for `.dlq`-style suffixes. */
const MAX_PREFIX_LENGTH = 120;

/**
 * A name unique to this call in this run, safe as a Kafka topic and consumer group name:
 * `<prefix>.<run>.<n>`. Lower case, and no `_`, which Kafka's metric names confuse with `.`.
 */
export function uniqueName(prefix: string): string {
  sequence += 1;
  const safePrefix = prefix
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, MAX_PREFIX_LENGTH);
  return `${safePrefix}.${runId}.${sequence}`;
}

/** Settings for the broker the integration setup provided; a unique client id unless one is given. */
export function testKafkaSettings(clientId: string = uniqueName('test-client')): KafkaSettings {
  return kafkaSettingsFromEnv(clientId);
}
