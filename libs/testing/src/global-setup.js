// Jest globalSetup of the integration project (jest.config.js): makes sure a Kafka broker and a
// PostgreSQL database exist, and publishes where they are as KAFKA_BROKERS and DATABASE_URL,
// which the test workers inherit. Plain JS: jest loads it before any TypeScript transform.
const { dockerEngineAnswers } = require('./docker-engine');
const { provideKafka } = require('./kafka-fixture');
const { provideDatabase } = require('./postgres-fixture');
const { stopAll } = require('./stop-fixtures');
const { startTestRun } = require('./test-run');

/** Shared with global-teardown.js, which jest runs in this same process. */
const FIXTURES = Symbol.for('ecris.testing.fixtures');

module.exports = async function globalSetup() {
  const needsDocker = !process.env.KAFKA_BROKERS || !process.env.DATABASE_URL;
  const docker = needsDocker && dockerEngineAnswers();
  const started = [];
  globalThis[FIXTURES] = started;
  startTestRun();

  let kafka, database;
  try {
    kafka = await provideKafka({ docker });
    started.push(kafka);
    process.env.KAFKA_BROKERS = kafka.brokers;

    database = await provideDatabase({ docker });
    started.push(database);
    process.env.DATABASE_URL = database.url;
  } catch (error) {
    // Jest runs no teardown after a failed setup: stop the broker here rather than leave it running.
    await stopAll(started);
    throw error;
  }

  console.log(`\ntest fixtures: kafka ${kafka.brokers} (${kafka.origin}); postgres ${new URL(database.url).host} (${database.origin})`);
};

module.exports.FIXTURES = FIXTURES;
