#!/usr/bin/env bash
# Playground benchmark (not a test): the FX thread's longest stall while N columns stream at once through the
# embedded gateway from the mock provider, with the Playground page on screen (target <= 50 ms). Runs through
# bench/app-ui.sh, which builds the app and finds a display.
#   bench/playground.sh [columns] [tokens] [tokenDelayMs] [runs]     (default: 6 500 2 3)
set -euo pipefail
exec "$(dirname "$0")/app-ui.sh" playground "${1:-6}" "${2:-500}" "${3:-2}" "${4:-3}"
