// Jest globalTeardown of the integration project: stops what global-setup.js started, and nothing
// it merely found (a broker given by KAFKA_BROKERS or already running is left alone).
const { FIXTURES } = require('./global-setup');
const { stopAll } = require('./stop-fixtures');

module.exports = async function globalTeardown() {
  await stopAll(globalThis[FIXTURES] ?? []);
};
