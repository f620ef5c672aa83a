#!/usr/bin/env bash
# Obtains Apache Kafka's broker and its runtime dependencies from Maven Central into a cache folder.
# Reused when present: the marker file is written only after a complete copy.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [[ -f "$KAFKA_CACHE_DIR/.complete" ]]; then
  echo "kafka $KAFKA_VERSION: cached in $KAFKA_CACHE_DIR"
  exit 0
fi
command -v mvn >/dev/null || { echo "kafka: Maven (mvn) is needed to fetch Kafka from Maven Central" >&2; exit 1; }
command -v java >/dev/null || { echo "kafka: Java 17+ is needed to run the broker" >&2; exit 1; }

echo "kafka $KAFKA_VERSION: fetching from Maven Central into $KAFKA_CACHE_DIR"
rm -rf "$KAFKA_CACHE_DIR.partial"
mkdir -p "$KAFKA_CACHE_DIR.partial"
mvn -q -B -f "$KAFKA_DIR/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_CACHE_DIR.partial/libs"
touch "$KAFKA_CACHE_DIR.partial/.complete"
rm -rf "$KAFKA_CACHE_DIR"
mv "$KAFKA_CACHE_DIR.partial" "$KAFKA_CACHE_DIR"
echo "kafka $KAFKA_VERSION: $(ls "$KAFKA_CACHE_DIR/libs" | wc -l) jars ready"
