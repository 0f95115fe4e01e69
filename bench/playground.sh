#!/usr/bin/env bash
# Playground benchmark (not a test): the FX thread's longest stall while N columns stream at once through the
# embedded gateway from the mock provider, with the Playground page on screen.
#   bench/playground.sh [columns] [tokens] [tokenDelayMs] [runs]     (default: 6 500 2 3; target stall <= 50 ms)
# Needs a display: uses $DISPLAY, else starts Xvfb on :97 when installed, else runs headless (Monocle).
# Builds in the reactor (nothing is installed into ~/.m2); work files go to app/target/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
COLUMNS="${1:-6}"
TOKENS="${2:-500}"
DELAY_MS="${3:-2}"
RUNS="${4:-3}"

./mvnw -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp
CP="app/target/test-classes:app/target/classes:$(cat app/target/bench.cp)"

JAVA_OPTS=(-Xmx2g -Dbench.dir=app/target/bench -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
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

"${JAVA_HOME:-/usr}/bin/java" "${JAVA_OPTS[@]}" -cp "$CP" dev.switchboard.app.bench.AppBenchmark \
  playground "$COLUMNS" "$TOKENS" "$DELAY_MS" "$RUNS"
