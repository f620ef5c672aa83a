/**
 * Helpers for integration tests (`*.int.spec.ts`). The broker and database themselves come from
 * global-setup.js, which publishes them as KAFKA_BROKERS and DATABASE_URL.
 */
export { testKafkaSettings, uniqueName } from './names-and-settings';
export { createTestTopics, deleteTestTopics, readUntil } from './kafka-helpers';
export { testDatabaseUrl, withPgPool } from './postgres-helpers';
export { provisionNamespace } from './namespace';
export { eventually } from './eventually';
