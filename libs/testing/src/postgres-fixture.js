// Provides PostgreSQL for the integration tests: DATABASE_URL when given, else a postgres:15
// container when a Docker engine answers, else the local server. The database is created if missing.
const { LOCAL_TEST_DATABASE_URL } = require('./local-defaults');
const { prepareDatabase } = require('./prepare-database');

const POSTGRES_IMAGE = 'postgres:15';
const nothingToStop = async () => {};

async function startPostgresContainer() {
  const { GenericContainer, Wait } = require('testcontainers');
  const container = await new GenericContainer(POSTGRES_IMAGE)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    // The image starts the server twice (once to initialise); only the second start is the real one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  return {
    url: `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/ecris_test`,
    origin: `container ${POSTGRES_IMAGE}`,
    stop: async () => {
      await container.stop();
    },
  };
}

async function provideDatabase({ docker }) {
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, origin: 'DATABASE_URL', stop: nothingToStop }
    : docker
      ? await startPostgresContainer()
      : { url: LOCAL_TEST_DATABASE_URL, origin: 'local server', stop: nothingToStop };
  await prepareDatabase(database.url);
  return database;
}

module.exports = { provideDatabase };
