#!/usr/bin/env bash
# Stops the local broker by the pid it was started with, waiting for a clean shutdown first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

pid_file="$KAFKA_RUN_DIR/kafka.pid"
if [[ ! -f "$pid_file" ]]; then
  echo "kafka: not running (no $pid_file)"
  exit 0
fi
pid=$(cat "$pid_file")
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: pid $pid ignored SIGTERM for 30s; killing" >&2
    kill -KILL "$pid" || true
  fi
fi
rm -f "$pid_file"
echo "kafka: stopped"
