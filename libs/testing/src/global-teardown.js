// Jest globalTeardown of the integration project: drops the databases of this run that a test file
// did not (one that crashed or timed out), then stops what global-setup.js started, and nothing it
// merely found (a broker given by KAFKA_BROKERS or already running is left alone).
const { FIXTURES } = require('./global-setup');
const { stopAll } = require('./stop-fixtures');
const { dropTestRunDatabases } = require('./test-run');

module.exports = async function globalTeardown() {
  try {
    const leftOver = process.env.DATABASE_URL ? await dropTestRunDatabases(process.env.DATABASE_URL) : [];
    if (leftOver.length > 0) console.log(`\ntest fixtures: dropped ${leftOver.length} database(s) a test file left: ${leftOver.join(', ')}`);
  } finally {
    await stopAll(globalThis[FIXTURES] ?? []);
  }
};
