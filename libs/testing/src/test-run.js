// One id per test run, set by global-setup.js and inherited by the jest workers: the databases a run
// creates (freshTestDatabase) carry it, so global-teardown.js can drop whatever a crashed or killed
// test file left behind, and nothing of another run going on at the same time.
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

const RUN_ID_VARIABLE = 'ECRIS_TEST_RUN_ID';

function startTestRun() {
  process.env[RUN_ID_VARIABLE] = randomBytes(3).toString('hex');
}

/** The run's id (6 hex digits), or a random one when running outside global-setup.js. */
function testRunId() {
  return process.env[RUN_ID_VARIABLE] || randomBytes(3).toString('hex');
}

/** Drops every database of this run still on the server of `serverUrl`; returns their names. */
async function dropTestRunDatabases(serverUrl) {
  const runId = process.env[RUN_ID_VARIABLE];
  if (!runId) return [];
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname ~ ('_' || $1 || '[0-9a-f]{6}$')", [runId]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

module.exports = { dropTestRunDatabases, startTestRun, testRunId };
