import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@ecris/logging';

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

export const DEFAULT_LOCAL_BROKER = '127.0.0.1:19092';

/** `KAFKA_BROKERS` (comma-separated), else the local broker deploy/kafka/start.sh runs. */
export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const brokers = (env.KAFKA_BROKERS ?? DEFAULT_LOCAL_BROKER)
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is set but names no broker');
  return { brokers, clientId };
}

/** One kafkajs client; its own log lines go through our logger (JSON, redacted) instead of stdout. */
export function createKafka(settings: KafkaSettings, logger?: Logger): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    logLevel: logger ? logLevel.WARN : logLevel.NOTHING,
    logCreator: () => (entry: LogEntry) => logKafkajsEntry(logger, entry),
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10_000 },
  });
}

/**
 * kafkajs warns that an idempotent producer with bounded retries "may invalidate EoS guarantees". We
 * bound them on purpose (a send must fail, not hang, when the broker is gone) and do not rely on Kafka
 * exactly-once: a send retried by us after kafkajs gives up can duplicate a record, and consumers drop
 * the copy by its ce_id. The warning would only repeat that at every start.
 */
const ACCEPTED_WARNINGS = ['Limiting retries for the idempotent producer may invalidate EoS guarantees'];

function logKafkajsEntry(logger: Logger | undefined, entry: LogEntry): void {
  if (!logger) return;
  if (ACCEPTED_WARNINGS.includes(entry.log.message)) return;
  const { message, ...fields } = entry.log;
  const line = { kafkajs: entry.namespace, ...fields };
  if (entry.level === logLevel.ERROR) logger.error(line, message);
  else if (entry.level === logLevel.WARN) logger.warn(line, message);
  else logger.debug(line, message);
}

/**
 * A consumer's retry settings (kafkajs's consumer default, 5 retries) with one addition: it is not
 * restarted after a crash once its owner is stopping. kafkajs schedules the restart of a crashed
 * consumer on a timer that a concurrent `disconnect()` can miss; the consumer then comes back after
 * being stopped and retries its broker for ever (seen after a test stopped the broker it used).
 */
export function consumerRetry(isStopping: () => boolean): { retries: number; restartOnFailure: () => Promise<boolean> } {
  return { retries: 5, restartOnFailure: async () => !isStopping() };
}
