#!/usr/bin/env bash
# Playground benchmark (not a test): the FX thread's longest stall while N columns stream at once through the
# embedded gateway from the mock provider, with the Playground page on screen (target <= 50 ms). Runs through
# bench/app-ui.sh, which builds the app and finds a display. The warm-up runs come first and are printed as such:
# in the first seconds of a run the JIT compilers take most of a core (0 warm-up runs measures from cold).
#   bench/playground.sh [columns] [tokens] [tokenDelayMs] [runs] [warmupRuns]     (default: 6 500 2 3 1)
set -euo pipefail
exec "$(dirname "$0")/app-ui.sh" playground "${1:-6}" "${2:-500}" "${3:-2}" "${4:-3}" "${5:-1}"
