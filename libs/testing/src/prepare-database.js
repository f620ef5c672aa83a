// Makes the database named in a PostgreSQL URL ready for the tests: creates it when missing.
// The one place to extend with schema migrations once libs/messaging has them.
// Also runnable: `node libs/testing/src/prepare-database.js [url]` (default DATABASE_URL, else the local one).
const { Client } = require('pg');
const { LOCAL_TEST_DATABASE_URL } = require('./local-defaults');

const DUPLICATE_DATABASE = '42P04';

function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The URL without its password, for messages. */
function describe(url) {
  const shown = new URL(url);
  shown.password = '';
  return shown.toString();
}

async function createDatabaseIfMissing(url) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!database) throw new Error(`prepareDatabase: no database name in ${describe(url)}`);
  // CREATE DATABASE has to be issued from another database on the same server.
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount > 0) return false;
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    return true;
  } catch (error) {
    // Two runs starting together may both find it missing; the loser's duplicate is fine.
    if (error.code === DUPLICATE_DATABASE) return false;
    throw error;
  } finally {
    await client.end();
  }
}

async function prepareDatabase(url) {
  try {
    return { created: await createDatabaseIfMissing(url) };
  } catch (error) {
    throw new Error(`prepareDatabase: cannot prepare ${describe(url)}: ${error.message}`, { cause: error });
  }
}

module.exports = { prepareDatabase };

if (require.main === module) {
  const url = process.argv[2] || process.env.DATABASE_URL || LOCAL_TEST_DATABASE_URL;
  prepareDatabase(url).then(
    ({ created }) => console.log(`database ${describe(url)}: ${created ? 'created' : 'present'}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
