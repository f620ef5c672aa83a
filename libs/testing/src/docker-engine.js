// Whether a Docker engine answers here. The `docker` command may exist with no engine behind it
// (as on the CI box), so ask the engine itself, and give up quickly when it does not reply.
const { spawnSync } = require('node:child_process');

function dockerEngineAnswers(timeoutMs = 5000) {
  const probe = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: timeoutMs });
  return probe.status === 0;
}

module.exports = { dockerEngineAnswers };
