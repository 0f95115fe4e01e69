#!/usr/bin/env bash
# Desktop app benchmark (not a test): prints start-up time, the FX thread's longest stall while traces stream in,
# and first-page / filter times over a large store.
#   bench/app-ui.sh [start|stream|large|all]    (default: all)
#   bench/app-ui.sh playground [columns tokens tokenDelayMs runs warmupRuns]    (see bench/playground.sh)
# Needs a display: uses $DISPLAY, else starts Xvfb on :97 when installed, else runs headless (Monocle).
# Work files go to app/target/bench; the seeded large store is kept there and reused.
# BENCH_JVM_EXTRA adds JVM options, e.g. "-XX:StartFlightRecording=filename=/tmp/app.jfr" to see what the FX
# thread does during a stall (jfr print --events jdk.ExecutionSample; the FX thread is GtkNativeMainLoopThread).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-all}"
STREAM_RATE="${STREAM_RATE:-500}"
STREAM_SECONDS="${STREAM_SECONDS:-60}"
# Seconds of the same load before the stall probe starts: the JIT compilers take most of a core at first.
STREAM_WARMUP="${STREAM_WARMUP:-20}"
LARGE_TRACES="${LARGE_TRACES:-1000000}"

./mvnw -q -B -pl app -am install -DskipTests
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
# Only jars on the class path: a class-data archive cannot be made from one with class directories.
mkdir -p app/target/bench
"${JAVA_HOME:-/usr}/bin/jar" --create --file app/target/bench/app-tests.jar -C app/target/test-classes .
CP="app/target/bench/app-tests.jar:app/target/switchboard-app-0.1.0.jar:$(cat app/target/bench.cp)"

# -XX:MaxGCPauseMillis=20 as the installed app and ./mvnw -Prun start it.
JAVA_OPTS=(${BENCH_JVM_EXTRA:-} -XX:MaxGCPauseMillis=20 -Xmx4g -Dbench.dir=app/target/bench -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
# STREAM_CONTROL=1: the stream goes to a gateway the UI does not watch (what the load alone does to the FX thread).
[[ -n "${STREAM_CONTROL:-}" ]] && JAVA_OPTS+=(-Dbench.control=true)
XVFB_PID=""
if [[ -z "${DISPLAY:-}" ]]; then
  if command -v Xvfb >/dev/null; then
    Xvfb :97 -screen 0 1440x900x24 >/dev/null 2>&1 & XVFB_PID=$!
    export DISPLAY=:97
    sleep 1
  else
    JAVA_OPTS+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw)
  fi
fi
trap '[[ -n "$XVFB_PID" ]] && kill "$XVFB_PID"' EXIT

run() { "${JAVA_HOME:-/usr}/bin/java" "${JAVA_OPTS[@]}" -cp "$CP" dev.switchboard.app.bench.AppBenchmark "$@"; }
start_runs() {
  run start
  # As ./mvnw -Prun starts it: with a class-data archive, made by the first start and used by the second.
  rm -f app/target/bench/app.jsa
  CDS=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=app/target/bench/app.jsa)
  run_cds() { "${JAVA_HOME:-/usr}/bin/java" "${CDS[@]}" "${JAVA_OPTS[@]}" -cp "$CP" dev.switchboard.app.bench.AppBenchmark "$@"; }
  run_cds start >/dev/null
  echo "with a class-data archive (as ./mvnw -pl app -am -Prun compile runs it):"
  run_cds start
}
case "$MODE" in
  start) start_runs ;;
  stream) run stream "$STREAM_RATE" "$STREAM_SECONDS" "$STREAM_WARMUP" ;;
  large) run large "$LARGE_TRACES" ;;
  all) start_runs; run stream "$STREAM_RATE" "$STREAM_SECONDS" "$STREAM_WARMUP"; run large "$LARGE_TRACES" ;;
  playground) run playground "${@:2}" ;;
  *) echo "usage: $0 [start|stream|large|all|playground]" >&2; exit 2 ;;
esac
