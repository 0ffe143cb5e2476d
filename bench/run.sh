#!/bin/sh
# Builds the gateway jar and the benchmark, then runs the load benchmark (direct vs through the
# gateway). Arguments pass through to dev.warden.bench.LoadBenchmark; --help lists them.
# BENCH_SKIP_BUILD=1 skips the Maven build.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/bin/find-jdk.sh"
if [ -z "$WARDEN_JAVA_HOME" ]; then
  echo "bench/run.sh: no JDK $WARDEN_JDK_MIN or newer found; set JAVA_HOME" >&2
  exit 1
fi
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
exec "$WARDEN_JAVA_HOME/bin/java" -Dlogback.configurationFile=bench-logback.xml -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.warden.bench.LoadBenchmark "$@"
