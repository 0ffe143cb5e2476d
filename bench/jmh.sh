#!/bin/sh
# Builds the bench module and runs the JMH benchmarks of the detection engine (single thread, so
# the figures are per core). Each operation scans 1 MiB, so ops/s = MiB/s.
# Usage: bench/jmh.sh [JMH options], e.g. bench/jmh.sh -wi 1 -i 3
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/bin/find-jdk.sh"
[ -n "$WARDEN_JAVA_HOME" ] || { echo "no JDK ${WARDEN_JDK_MIN} found" >&2; exit 2; }
./mvnw -B -q -pl bench -am install -DskipTests -DskipITs -Dspotless.check.skip=true -Dcheckstyle.skip
./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$ROOT/bench/target/classpath.txt"
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
# The Vector API on, as bin/warden starts the gateway (the forks get it from the benchmark's @Fork).
exec "$WARDEN_JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" \
  org.openjdk.jmh.Main DetectionBenchmark "$@"
