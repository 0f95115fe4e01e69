#!/usr/bin/env bash
# Trains the app image's ahead-of-time cache (JDK 25, JEP 483/514): starts the app once as a user would, until its
# embedded gateway answers, quits it, and keeps the classes it loaded and linked in lib/app/switchboard.aot. The
# launcher then opens that cache at every start, which saves about 40% of the CPU time to the first window.
#
#   jpackage/train-aot-cache.sh <app image>      e.g. jpackage/target/jpackage/app-image/Switchboard (Linux)
#
# The build calls it between the app image and the installers. It needs a display: $DISPLAY, else Xvfb. Without
# either it says so and leaves the image without a cache (the app works the same, it only starts slower).
# The training run has its own empty home and a free port, so it touches nothing of the builder's.
set -euo pipefail

image=${1:?usage: train-aot-cache.sh <app image>}
launcher="$image/bin/Switchboard"
cfg="$image/lib/app/Switchboard.cfg"
cache_option='-XX:AOTCache=$APPDIR/switchboard.aot'
record_option='-XX:AOTCacheOutput=$APPDIR/switchboard.aot'

log() { printf '[aot] %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

[[ -x "$launcher" && -f "$cfg" ]] || fail "no Linux app image at $image"

tmp=$(mktemp -d /tmp/switchboard-aot.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill -9 "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  # The image never keeps the recording option, whatever happened.
  sed -i "\#^java-options=$record_option\$#d" "$cfg"
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
  if ! command -v Xvfb >/dev/null; then
    log "no display and no Xvfb (apt-get install xvfb): the image gets no AOT cache and starts slower"
    exit 0
  fi
  exec 3>"$tmp/display"
  Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -noreset >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 1 100); do [[ -s "$tmp/display" ]] && break; sleep 0.1; done
  [[ -s "$tmp/display" ]] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
  export DISPLAY=":$(cat "$tmp/display")"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
  2>/dev/null || echo $((20000 + RANDOM % 20000)))

sed -i "\#^java-options=$cache_option\$#d" "$cfg"
rm -f "$image/lib/app/switchboard.aot"
printf 'java-options=%s\n' "$record_option" >>"$cfg"

home="$tmp/home"
mkdir -p "$home"
log "training run on $DISPLAY, gateway port $port"
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
  JAVA_TOOL_OPTIONS="-Duser.home=$home -Dswitchboard.port=$port" \
  "$launcher" >"$tmp/app.log" 2>&1 &
app_pid=$!

deadline=$((SECONDS + 120))
until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  kill -0 "$app_pid" 2>/dev/null || { tail -30 "$tmp/app.log" >&2; fail "the app exited during training"; }
  [[ $SECONDS -lt $deadline ]] || { tail -30 "$tmp/app.log" >&2; fail "the gateway did not answer within 120 s"; }
  sleep 0.2
done
# The first screen finishes loading (traces page, usage figures) shortly after the gateway is up.
sleep 3

# The cache is written when the JVM exits; on a busy machine that takes a while.
kill -TERM "$app_pid"
deadline=$((SECONDS + 300))
while kill -0 "$app_pid" 2>/dev/null; do
  [[ $SECONDS -lt $deadline ]] || fail "the app did not exit within 300 s of SIGTERM"
  sleep 0.5
done
wait "$app_pid" 2>/dev/null || true
app_pid=""

[[ -s "$image/lib/app/switchboard.aot" ]] || { tail -30 "$tmp/app.log" >&2; fail "no AOT cache was written"; }
sed -i "\#^java-options=$record_option\$#d" "$cfg"
printf 'java-options=%s\n' "$cache_option" >>"$cfg"
log "AOT cache: $(du -h "$image/lib/app/switchboard.aot" | cut -f1) in $image/lib/app"
