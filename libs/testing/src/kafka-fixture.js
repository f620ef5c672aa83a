// Provides a Kafka broker for the integration tests, in this order of preference:
//   1. KAFKA_BROKERS, when given (CI starts its broker before the tests);
//   2. a container of the official apache/kafka image, when a Docker engine answers;
//   3. the project's own local broker (deploy/kafka/start.sh) on KAFKA_PORT, default 19092,
//      reused if it is already running, and then left running.
// Returns where the broker is and how to stop whatever was started here.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '../../..');
const kafkaDeployDir = path.join(repoRoot, 'deploy/kafka');
const KAFKA_IMAGE = 'apache/kafka:4.1.1';
const HOST_LISTENER_PORT = 19092; // the HOST listener inside the container (deploy/kafka/container.env)

const nothingToStop = async () => {};

/** KEY=VALUE lines of deploy/kafka/container.env, the same settings docker-compose.yml uses. */
function containerEnvironment() {
  const text = fs.readFileSync(path.join(kafkaDeployDir, 'container.env'), 'utf8');
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

async function startKafkaContainer() {
  const { GenericContainer, RandomPortGenerator, Wait, getContainerRuntimeClient } = require('testcontainers');
  // The broker must advertise the address clients outside reach it on, and it reads that once at
  // start, so the host port is chosen before the container starts rather than mapped at random.
  const runtime = await getContainerRuntimeClient();
  const host = runtime.info.containerRuntime.host;
  const hostPort = await new RandomPortGenerator().generatePort();
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withEnvironment({
      ...containerEnvironment(),
      KAFKA_ADVERTISED_LISTENERS: `HOST://${host}:${hostPort},BROKER://localhost:9094`,
    })
    .withExposedPorts({ container: HOST_LISTENER_PORT, host: hostPort })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  return {
    brokers: `${host}:${hostPort}`,
    origin: `container ${KAFKA_IMAGE}`,
    stop: async () => {
      await container.stop();
    },
  };
}

/** Whether a broker at `address` answers a metadata call (deploy/kafka/wait-ready.js). */
function brokerAnswers(address) {
  const probe = spawnSync(process.execPath, [path.join(kafkaDeployDir, 'wait-ready.js'), address], {
    stdio: 'ignore',
    timeout: 10_000,
  });
  return probe.status === 0;
}

function runScript(script, port) {
  const run = spawnSync('bash', [path.join(kafkaDeployDir, script)], {
    cwd: repoRoot,
    env: { ...process.env, KAFKA_PORT: port },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) {
    throw new Error(`deploy/kafka/${script} failed (exit ${run.status ?? run.signal}); see its output above`);
  }
}

async function startLocalKafka() {
  const port = process.env.KAFKA_PORT || '19092';
  const address = `127.0.0.1:${port}`;
  if (brokerAnswers(address)) {
    return { brokers: address, origin: 'local broker, already running (left running)', stop: nothingToStop };
  }
  runScript('start.sh', port);
  return {
    brokers: address,
    origin: 'local broker, started for this run',
    stop: async () => runScript('stop.sh', port),
  };
}

async function provideKafka({ docker }) {
  if (process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS, origin: 'KAFKA_BROKERS', stop: nothingToStop };
  }
  return docker ? startKafkaContainer() : startLocalKafka();
}

module.exports = { provideKafka };
