# Shared settings of the local broker scripts; sourced, never run.
# Every value can be overridden from the environment.
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
# The jars live outside git and outside the work tree, so a fresh clone reuses them and `git clean` keeps them.
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ecris-exchange/kafka-$KAFKA_VERSION}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
# One run folder per port, so two brokers (say a developer's and CI's) never share storage.
KAFKA_RUN_DIR="${KAFKA_RUN_DIR:-${TMPDIR:-/tmp}/ecris-kafka-$KAFKA_PORT}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
