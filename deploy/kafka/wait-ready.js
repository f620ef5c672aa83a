// Exits 0 when the broker at argv[2] answers a metadata request, 1 otherwise.
// Plain JS with the workspace's kafkajs so the shell scripts need no TypeScript toolchain.
const { Kafka, logLevel } = require('kafkajs');

const admin = new Kafka({
  clientId: 'ecris-wait-ready',
  brokers: [process.argv[2]],
  logLevel: logLevel.NOTHING,
  retry: { retries: 0 },
  connectionTimeout: 1000,
}).admin();

admin
  .connect()
  .then(() => admin.describeCluster())
  .then(() => admin.disconnect())
  .then(() => process.exit(0))
  .catch(() => process.exit(1));
