/**
 * Helpers for integration tests (`*.int.spec.ts`). The broker and database themselves come from
 * global-setup.js, which publishes them as KAFKA_BROKERS and DATABASE_URL.
 */
export { testKafkaSettings, uniqueName } from './names-and-settings';
export { createTestTopics, deleteTestTopics, readToEnd, readUntil } from './kafka-helpers';
export { testDatabaseUrl, withPgPool } from './postgres-helpers';
export { freshTestDatabase, testDatabaseName } from './fresh-database';
export type { TestDatabase } from './fresh-database';
export { provisionNamespace } from './namespace';
export { eventually } from './eventually';
export { encodeTestRecord, publishTestRecords, testCodec } from './test-records';
export type { RawTestRecord, TestRecord } from './test-records';
export { startTestService } from './test-service';
export type { StartedService, TestService, TestServiceOptions } from './test-service';
export { uniqueSerials } from './serials';
export { loadFixture } from './fixtures';
export { TransientFailures } from './transient-failures';
export { runTsUntilExit } from './child-process';
