#!/usr/bin/env bash
# How fast the packaged app starts: from running its launcher to its main window being mapped on the screen, and to
# the embedded gateway answering /health. The window is timed from X events, not by polling (see
# jpackage/window-watch.sh). Runs the app image under its own Xvfb, RUNS times: the first run with an empty home
# (first start: settings and database created), the others reusing that home. Prints each run and the median, with
# the CPU time the process had used just after the window appeared (less sensitive to a busy machine).
#
# Usage: bench/app-package-start.sh            (build the image first: ./mvnw -Ppackage package -DskipTests)
# Environment (all optional):
#   RUNS=5          runs (the first one is the first start)
#   APP_IMAGE=...   the app image (default: jpackage/target/jpackage/app-image/Switchboard)
#   KEEP_WORK=1     keep the temp dir (the app's logs and data)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
APP_IMAGE=${APP_IMAGE:-$ROOT/jpackage/target/jpackage/app-image/Switchboard}
LAUNCHER="$APP_IMAGE/bin/Switchboard"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

[[ -x "$LAUNCHER" ]] || die "no app image at $APP_IMAGE: run ./mvnw -Ppackage package -DskipTests first"
for tool in Xvfb xdotool xev curl; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y xvfb xdotool x11-utils curl)"
done
source "$ROOT/jpackage/window-watch.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-start.XXXXXX")
XVFB_PID=""
APP_PID=""
cleanup() {
  unwatch_windows
  [[ -n "$APP_PID" ]] && kill -9 "$APP_PID" 2>/dev/null || true
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
  if [[ -n "${KEEP_WORK:-}" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -noreset >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 100); do [[ -s "$WORK/display" ]] && break; sleep 0.1; done
[[ -s "$WORK/display" ]] || die "Xvfb did not start"
export DISPLAY=":$(cat "$WORK/display")"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
home="$WORK/home"
mkdir -p "$home"
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
ticks=$(getconf CLK_TCK)

windows=()
for run in $(seq "$RUNS"); do
  watch_windows "$WORK/windows-$run"
  began=$(date +%s%N)
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Dswitchboard.port=$port" "$LAUNCHER" >"$WORK/app-$run.log" 2>&1 &
  APP_PID=$!
  mapped_at=$(await_window "$WORK/windows-$run" '^Switchboard' "$APP_PID" 60) \
    || die "no window within 60 s, or the app exited (see $WORK/app-$run.log; KEEP_WORK=1 keeps it)"
  window_ms=$((mapped_at - began / 1000000))
  unwatch_windows
  read -ra stat <"/proc/$APP_PID/stat"
  cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    [[ $(ms_since "$began") -lt 60000 ]] || die "/health did not answer within 60 s"
    sleep 0.02
  done
  health_ms=$(ms_since "$began")
  label=$([[ $run == 1 ]] && echo "first start" || echo "start $run")
  printf '%-12s window %5d ms (CPU %5d ms)   /health %5d ms\n' "$label" "$window_ms" "$cpu_ms" "$health_ms"
  windows+=("$window_ms")
  sleep 1
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
done
median=$(printf '%s\n' "${windows[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "start to window: median $median ms over $RUNS runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
