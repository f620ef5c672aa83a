#!/usr/bin/env bash
# npm start: the whole ECRIS Exchange on this machine (tools/local-system/src/main.ts does the work).
#   - no KAFKA_BROKERS: starts the local broker (deploy/kafka/start.sh), and stops it on the way out;
#     with KAFKA_BROKERS, uses that broker and leaves it alone;
#   - the services' JSON logs go to $ECRIS_LOG_FILE (default: a file in $TMPDIR; "-" keeps them on
#     stdout, as in a container), and the terminal shows where everything is and the live summary;
#   - Ctrl-C (or SIGTERM) stops everything cleanly and exits 0. Arguments go to the entry point:
#     npm start -- --duration 30, --no-simulators, --report <file>, --help.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x node_modules/.bin/ts-node ]]; then
  echo "start: node_modules is missing; run npm ci --ignore-scripts first" >&2
  exit 1
fi

# Help needs no broker.
for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    exec node_modules/.bin/ts-node -P tools/tsconfig.json tools/local-system/src/main.ts --help
  fi
done

started_broker=false
stop_broker() {
  if [[ "$started_broker" == true ]]; then
    bash deploy/kafka/stop.sh >&2 || echo "start: could not stop the broker; see deploy/kafka/stop.sh" >&2
  fi
}
trap stop_broker EXIT

if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  source deploy/kafka/env.sh
  export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
  if node deploy/kafka/wait-ready.js "$KAFKA_BROKERS" 2>/dev/null; then
    echo "kafka: a broker already answers on $KAFKA_BROKERS; using it, and leaving it running" >&2
  else
    # In a session of its own: Ctrl-C goes to the terminal's foreground process group, and the broker
    # must outlive it until the services have drained; it is stopped afterwards, by the EXIT trap.
    started_broker=true
    if command -v setsid >/dev/null; then
      setsid --wait bash deploy/kafka/start.sh </dev/null >&2
    else
      echo "start: no setsid here; Ctrl-C may reach the broker before the services have stopped" >&2
      bash deploy/kafka/start.sh </dev/null >&2
    fi
  fi
fi

log_file="${ECRIS_LOG_FILE:-${TMPDIR:-/tmp}/ecris-local-$(date -u +%Y%m%dT%H%M%SZ)-$$.log}"
if [[ "$log_file" == "-" ]]; then
  node_modules/.bin/ts-node -P tools/tsconfig.json tools/local-system/src/main.ts "$@" &
else
  ECRIS_LOG_FILE="$log_file" node_modules/.bin/ts-node -P tools/tsconfig.json tools/local-system/src/main.ts "$@" >>"$log_file" &
fi
system=$!
# The system handles its own signals (drain, then exit). Ctrl-C already reaches it through the terminal;
# a signal sent to this script alone is passed on. The script waits for it to finish either way.
trap 'kill -INT "$system" 2>/dev/null || true' INT
trap 'kill -TERM "$system" 2>/dev/null || true' TERM
status=0
while :; do
  if wait "$system"; then status=0; else status=$?; fi
  kill -0 "$system" 2>/dev/null || break
done
exit "$status"
