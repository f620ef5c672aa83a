#!/usr/bin/env bash
# Starts the local single-node Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT, in the background, and waits
# until it answers. Fetches Kafka on first use. Idempotent: a broker already running on this run folder is reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

pid_file="$KAFKA_RUN_DIR/kafka.pid"
if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "kafka: already running (pid $(cat "$pid_file")) on 127.0.0.1:$KAFKA_PORT"
  exit 0
fi
if (echo >"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; then
  echo "kafka: port $KAFKA_PORT is taken by another process; set KAFKA_PORT to a free port" >&2
  exit 1
fi

bash "$KAFKA_DIR/fetch.sh"
classpath="$KAFKA_CACHE_DIR/libs/*"

java_opts=(-Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.xml" -Dkafka.logs.file="$KAFKA_RUN_DIR/kafka.log")

# Fresh storage on every start: the local broker is for runs and tests, not for keeping data.
# KAFKA_KEEP_DATA=1 restarts on the storage already there (a broker-restart test needs its log to survive).
if [[ "${KAFKA_KEEP_DATA:-0}" == "1" && -f "$KAFKA_RUN_DIR/data/meta.properties" ]]; then
  echo "kafka: restarting on the existing storage in $KAFKA_RUN_DIR/data"
else
  rm -rf "$KAFKA_RUN_DIR"
  mkdir -p "$KAFKA_RUN_DIR/data"
  sed -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$KAFKA_RUN_DIR/data#g" \
    "$KAFKA_DIR/server.properties.template" >"$KAFKA_RUN_DIR/server.properties"
  cluster_id=$(java "${java_opts[@]}" -cp "$classpath" kafka.tools.StorageTool random-uuid)
  java "${java_opts[@]}" -cp "$classpath" kafka.tools.StorageTool format --standalone \
    -t "$cluster_id" -c "$KAFKA_RUN_DIR/server.properties" >"$KAFKA_RUN_DIR/format.log"
fi

# shellcheck disable=SC2086
nohup java $KAFKA_HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true "${java_opts[@]}" \
  -cp "$classpath" kafka.Kafka "$KAFKA_RUN_DIR/server.properties" >"$KAFKA_RUN_DIR/stdout.log" 2>&1 &
echo $! >"$pid_file"

# Waiting for the port is not enough: the broker must answer a metadata call (wait-ready.js).
deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
until node "$KAFKA_DIR/wait-ready.js" "127.0.0.1:$KAFKA_PORT" 2>/dev/null; do
  if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "kafka: the broker exited during start; see $KAFKA_RUN_DIR/stdout.log and kafka.log" >&2
    tail -20 "$KAFKA_RUN_DIR/stdout.log" >&2 || true
    exit 1
  fi
  if ((SECONDS > deadline)); then
    echo "kafka: not ready after ${KAFKA_START_TIMEOUT:-90}s; see $KAFKA_RUN_DIR" >&2
    exit 1
  fi
  sleep 0.5
done
echo "kafka: ready on 127.0.0.1:$KAFKA_PORT (pid $(cat "$pid_file"), data in $KAFKA_RUN_DIR)"
