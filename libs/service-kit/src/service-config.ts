import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kafkaSettingsFromEnv, type KafkaSettings } from '@ecris/messaging';

/** Where the repository's schemas/ lives: every published Avro version the services can read. */
export const REPO_SCHEMAS_DIR = resolve(__dirname, '..', '..', '..', 'schemas');

export interface ServiceConfig {
  readonly service: string;
  readonly version: string;
  readonly kafka: KafkaSettings;
  /** Empty: the embedded PGlite register (same SQL and migrations). */
  readonly databaseUrl: string | undefined;
  /** Health, metrics and (for request-out) the agency API; 0 picks a free port. */
  readonly httpPort: number;
  readonly httpHost: string;
  readonly schemasDir: string;
  /**
   * Prefixed to every topic and consumer group name. Empty in production; tests give each run its own
   * so several copies of a service can share one broker without seeing each other's records.
   */
  readonly namespace: string;
  readonly logLevel: string;
  /** The environment the service was started with: services read their own settings from it, never from process.env. */
  readonly env: NodeJS.ProcessEnv;
}

const VERSION: string = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string })
  .version;

/** Each service's default port, so all six can run side by side on one machine. */
export const DEFAULT_HTTP_PORTS: Readonly<Record<string, number>> = {
  'notification-out': 8081,
  'notification-in': 8082,
  'request-out': 8083,
  'request-in': 8084,
  translation: 8085,
  'register-update': 8086,
  'audit-index': 8087,
};

export function serviceConfigFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = env.HTTP_PORT ?? env[`${service.toUpperCase().replace(/-/g, '_')}_HTTP_PORT`];
  return {
    service,
    version: VERSION,
    kafka: kafkaSettingsFromEnv(`ecris-exchange.${service}`, env),
    databaseUrl: env.DATABASE_URL || undefined,
    httpPort: port !== undefined ? Number(port) : (DEFAULT_HTTP_PORTS[service] ?? 0),
    httpHost: env.HTTP_HOST ?? '127.0.0.1',
    schemasDir: env.ECRIS_SCHEMAS_DIR ?? REPO_SCHEMAS_DIR,
    namespace: env.ECRIS_NAMESPACE ?? '',
    logLevel: env.LOG_LEVEL ?? 'info',
    env,
  };
}
