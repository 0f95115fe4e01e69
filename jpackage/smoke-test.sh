#!/usr/bin/env bash
# Smoke test of the Linux installer, as a user would meet it:
#   1. builds the app image and .deb (./mvnw -Ppackage package) and an upgrade .deb (the next patch version);
#   2. installs the .deb, starts the installed app under Xvfb with a temporary home, waits for the main window and
#      for the embedded gateway's /health, checks it started from its AOT cache, stores a prompt and a trace, quits
#      it (SIGTERM);
#   3. installs the upgrade over it, checks the data folder was left alone, starts the app again and finds the
#      prompt and the trace;
#   4. uninstalls and prints the .deb size, the installed size and the start-to-window times.
# Runs as root without a terminal (CI). Exits non-zero on any failure; bounded by SMOKE_TIMEOUT seconds (600;
# about 4 minutes on an idle 2-core machine, most of it the two builds).
# Options (environment): SMOKE_SKIP_BUILD=1 reuses the packages of an earlier run in jpackage/target/smoke.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)

SMOKE_TIMEOUT=${SMOKE_TIMEOUT:-600}
if [ -z "${SMOKE_UNDER_TIMEOUT:-}" ]; then
  export SMOKE_UNDER_TIMEOUT=1
  exec timeout --kill-after=20 "$SMOKE_TIMEOUT" bash "$root_dir/jpackage/smoke-test.sh" "$@"
fi
trap 'exit 124' TERM INT

log() { printf '[smoke %3ds] %s\n' "$SECONDS" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------------------------
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v xev >/dev/null || missing+=(x11-utils) # xev: jpackage/window-watch.sh
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
source .ci/find-jdk.sh
source jpackage/window-watch.sh

work="$root_dir/jpackage/target/smoke"
mkdir -p "$work"
tmp=$(mktemp -d /tmp/switchboard-smoke.XXXXXX)
xvfb_pid=""
app_pid=""
installed_by_us=""
made_desktop_dir=""

cleanup() {
  local rc=$?
  unwatch_windows
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ -n "$installed_by_us" ]; then
    dpkg -P switchboard >/dev/null 2>&1 || log "could not remove the switchboard package"
  fi
  [ -n "$made_desktop_dir" ] && rmdir /usr/share/desktop-directories 2>/dev/null || true
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

# --- build -------------------------------------------------------------------------------------------------------
project_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
IFS=. read -r major minor patch <<<"$project_version"
upgrade_version="$major.$minor.$((${patch%%[!0-9]*} + 1))"

# The upgrade is built first, so that jpackage/target ends with the real version's app image and installer.
build() {
  local version=$1 dest=$2
  shift 2
  log "building the app image and .deb $version (./mvnw -B -Ppackage package -Dapp.version=$version)"
  "$@" ./mvnw -B -q -Ppackage package -DskipTests -Dapp.version="$version" >"$work/build-$version.log" 2>&1 \
    || { tail -40 "$work/build-$version.log"; fail "build of $version"; }
  rm -rf "$dest" && mkdir -p "$dest"
  cp jpackage/target/installer/switchboard_"$version"-*.deb "$dest/"
}
if [ -z "${SMOKE_SKIP_BUILD:-}" ]; then
  # The upgrade only has to be newer: gzip instead of xz keeps its build quick.
  build "$upgrade_version" "$work/new" env DPKG_DEB_COMPRESSOR_TYPE=gzip
  build "$project_version" "$work/old" env
fi
old_deb=$(ls "$work"/old/*.deb 2>/dev/null | head -1)
new_deb=$(ls "$work"/new/*.deb 2>/dev/null | head -1)
[ -f "$old_deb" ] && [ -f "$new_deb" ] || fail "no packages in $work (run without SMOKE_SKIP_BUILD)"

deb_bytes=$(stat -c %s "$old_deb")
installed_kib=$(dpkg-deb -f "$old_deb" Installed-Size)
log ".deb $(dpkg-deb -f "$old_deb" Version): $(mib "$deb_bytes") ($deb_bytes bytes), Installed-Size $(mib $((installed_kib * 1024)))"

# --- display -----------------------------------------------------------------------------------------------------
exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -noreset >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
export DISPLAY=":$(cat "$tmp/display")"
log "Xvfb on $DISPLAY"

# --- install -----------------------------------------------------------------------------------------------------
install_deb() {
  # apt resolves the package's library dependencies (GTK...), as it would for a user.
  export DEBIAN_FRONTEND=noninteractive
  # Waits for another apt or dpkg run to finish instead of failing on its lock.
  local apt=(apt-get -o DPkg::Lock::Timeout=120 install -y -qq "$1")
  if ! "${apt[@]}" >"$tmp/apt.log" 2>&1; then
    apt-get update -qq && "${apt[@]}" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; fail "install $1"; }
  fi
}

# The package's menu entry goes in with xdg-desktop-menu, which needs the folder every desktop environment
# ships (GNOME, KDE, Xfce...); a bare CI machine has none, so stand in for one.
if [ ! -d /usr/share/desktop-directories ]; then
  mkdir -p /usr/share/desktop-directories
  made_desktop_dir=1
fi
# A previous Switchboard install (a developer's, or one an interrupted run left) makes way: the package holds
# only program files, and the user data it would have made lives in the users' homes, which stay as they are.
if dpkg-query -W -f '${Status}' switchboard 2>/dev/null | grep -Eq 'ok (installed|half-installed|half-configured|unpacked|triggers-awaited|triggers-pending)$'; then
  log "removing the installed switchboard $(dpkg-query -W -f '${Version}' switchboard) first"
  dpkg -P switchboard >/dev/null 2>&1 || fail "could not remove the installed switchboard package"
fi
log "installing $(basename "$old_deb") ($(dpkg-deb -f "$old_deb" Version))"
installed_by_us=1
install_deb "$old_deb"
launcher=/opt/switchboard/bin/Switchboard
[ -x "$launcher" ] || fail "no launcher at $launcher"
# Ours, not jpackage's (which asks rpm and dpkg for its package before starting Java).
head -c 2 "$launcher" | grep -q '#!' || fail "$launcher is jpackage's native launcher, not Switchboard's script"
ls /usr/share/applications/*switchboard*.desktop >/dev/null 2>&1 || fail "no menu entry in /usr/share/applications"
grep -q '^StartupWMClass=' /usr/share/applications/*switchboard*.desktop || fail "the menu entry has no StartupWMClass"
installed_size=$(du -sh /opt/switchboard | cut -f1)
log "installed: /opt/switchboard is $installed_size, menu entry $(basename /usr/share/applications/*switchboard*.desktop)"

# --- run ---------------------------------------------------------------------------------------------------------
home="$tmp/home"
mkdir -p "$home"
data_dir="$home/.local/share/switchboard"
port=$(free_port)
start_ms=0

# Starts the installed app as a user with an empty home; sets app_pid and start_ms (start to first window, in ms).
start_app() {
  local label=$1 began
  watch_windows "$work/windows-$label"
  began=$(date +%s%N)
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Dswitchboard.port=$port -Xlog:aot=info:file=$work/aot-$label.log" \
    "$launcher" >"$work/app-$label.log" 2>&1 &
  app_pid=$!
  # The main window: mapped and named Switchboard (GTK's hidden leader window has the name too, but is not mapped).
  local mapped_at
  if ! mapped_at=$(await_window "$work/windows-$label" '^Switchboard' "$app_pid" 60); then
    tail -30 "$work/app-$label.log"
    fail "$label: no window within 60 s, or the app exited"
  fi
  unwatch_windows
  start_ms=$((mapped_at - began / 1000000))
  log "$label: main window after $start_ms ms"
  local deadline=$((SECONDS + 60))
  until curl -sf "http://127.0.0.1:$port/health" >"$tmp/health" 2>/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { tail -30 "$work/app-$label.log"; fail "$label: the app exited"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$work/app-$label.log"; fail "$label: /health did not answer within 60 s"; }
    sleep 0.1
  done
  grep -q '"ok"' "$tmp/health" || fail "$label: /health said $(cat "$tmp/health")"
  log "$label: gateway /health 200 on port $port after $((($(date +%s%N) - began) / 1000000)) ms"
  grep -q 'Using AOT-linked classes: true' "$work/aot-$label.log" \
    || fail "$label: the launcher did not use the app's AOT cache (see $work/aot-$label.log)"
  if command -v import >/dev/null; then
    import -window root "$work/window-$label.png" 2>/dev/null || true
  fi
}

stop_app() {
  local label=$1
  kill -TERM "$app_pid"
  for _ in $(seq 1 150); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app_pid" 2>/dev/null; then fail "$label: still running 15 s after SIGTERM"; fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

admin() {
  local method=$1 path=$2
  shift 2
  curl -sf -X "$method" -H "Authorization: Bearer $(cat "$data_dir/admin-token")" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port$path" "$@"
}

start_app first-start
first_ms=$start_ms
[ -f "$data_dir/admin-token" ] || fail "no data in $data_dir (the per-user data folder)"
admin POST /admin/prompts -d '{"name":"smoke-upgrade","messages":[{"role":"user","content":"Hello {{name}}"}]}' \
  >/dev/null || fail "could not store a prompt"
# A request to a closed local port: the gateway answers 502 and records the trace.
dead_port=$(free_port)
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/chat/completions" \
  -H 'Authorization: Bearer sk-smoke' -H 'x-portkey-provider: openai' \
  -H "x-portkey-custom-host: http://127.0.0.1:$dead_port/v1" -H 'Content-Type: application/json' \
  -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"smoke"}]}')
[ "$status" = 502 ] || fail "proxy to a closed port answered $status, expected 502"
for _ in $(seq 1 50); do
  admin GET /admin/traces/count | grep -q '"count":[1-9]' && break
  sleep 0.1
done
admin GET /admin/traces/count | grep -q '"count":[1-9]' || fail "the trace was not stored"
sleep 2 # past the database's write delay: SIGTERM does not run the app's orderly stop
stop_app first-start
(cd "$data_dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$tmp/data-before"
log "data folder: $(wc -l <"$tmp/data-before") files in $data_dir"

# --- upgrade -----------------------------------------------------------------------------------------------------
log "upgrading to $(basename "$new_deb") ($(dpkg-deb -f "$new_deb" Version))"
install_deb "$new_deb"
[ "$(dpkg-query -W -f '${Version}' switchboard)" = "$(dpkg-deb -f "$new_deb" Version)" ] || fail "upgrade not installed"
(cd "$data_dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$tmp/data-after"
diff "$tmp/data-before" "$tmp/data-after" >/dev/null || fail "the upgrade changed the data folder"
log "the upgrade left the data folder untouched"

start_app after-upgrade
upgrade_ms=$start_ms
admin GET /admin/prompts/smoke-upgrade >/dev/null || fail "the prompt is gone after the upgrade"
admin GET /admin/traces/count | grep -q '"count":[1-9]' || fail "the trace is gone after the upgrade"
log "after the upgrade: the prompt and the trace are there"
stop_app after-upgrade

# --- uninstall ---------------------------------------------------------------------------------------------------
dpkg -P switchboard >/dev/null 2>&1 || fail "dpkg -P switchboard"
installed_by_us=""
[ ! -e /opt/switchboard ] || fail "/opt/switchboard left behind by dpkg -P"
[ -d "$data_dir" ] || fail "uninstalling removed the user's data"
log "uninstalled; the user's data stays"

cat <<EOF
Switchboard installer smoke test passed
  .deb:              $(basename "$old_deb") $(mib "$deb_bytes") ($deb_bytes bytes)
  installed size:    $installed_size (/opt/switchboard; Installed-Size $(mib $((installed_kib * 1024))))
  start to window:   ${first_ms} ms first start (empty home), ${upgrade_ms} ms after the upgrade
  total time:        ${SECONDS} s
EOF
