# Times when a window appears without polling the X server. Polling (an xdotool search every few milliseconds)
# takes CPU from the app being timed: on two cores it made the packaged app's start look a second slower than it
# is. xev blocks on the root window's events instead, and a reader stamps each top-level window the moment the X
# server maps it; await_window then finds the one with the wanted name among them.
#
#   source jpackage/window-watch.sh
#   watch_windows "$dir"                                  # before starting the app; needs x11-utils (xev), xdotool
#   at_ms=$(await_window "$dir" '^Switchboard' "$app_pid" 60)   # epoch ms of the mapping; fails on exit or timeout
#   unwatch_windows
# Needs $DISPLAY: an X server without a window manager, such as Xvfb (under a window manager the root window sees
# the manager's unnamed frames mapped, not the app's windows). Sourced by jpackage/smoke-test.sh and
# bench/app-package-start.sh.

WINDOW_WATCH_PIDS=()

watch_windows() {
  local dir=$1
  mkdir -p "$dir"
  : >"$dir/mapped"
  rm -f "$dir/events"
  mkfifo "$dir/events"
  rm -f "$dir/ready"
  stdbuf -oL xev -root -event substructure -event property >"$dir/events" 2>/dev/null &
  WINDOW_WATCH_PIDS+=($!)
  # One "epoch-ms window-id" line per mapped window (xev prints MapNotify, then the window on the next line); any
  # property change on the root window means xev is listening.
  (
    while IFS= read -r line; do
      if [[ $line == PropertyNotify* ]]; then
        : >"$dir/ready"
      elif [[ $line == MapNotify* ]]; then
        # Digits only: bash writes EPOCHREALTIME with the locale's decimal separator.
        at=${EPOCHREALTIME//[!0-9]/}
        IFS= read -r line
        [[ $line =~ window\ (0x[0-9a-f]+) ]] && printf '%s %s\n' "$((at / 1000))" "${BASH_REMATCH[1]}" >>"$dir/mapped"
      fi
    done <"$dir/events"
  ) &
  WINDOW_WATCH_PIDS+=($!)
  # Touches a root window property until xev reports it: a window mapped before xev listens would be missed.
  local tries
  for ((tries = 0; tries < 100; tries++)); do
    xprop -root -f _SWITCHBOARD_WINDOW_WATCH 8s -set _SWITCHBOARD_WINDOW_WATCH "$tries"
    sleep 0.05
    [[ -e $dir/ready ]] && break
  done
  [[ -e $dir/ready ]] || { echo "window-watch: xev did not start listening on $DISPLAY" >&2; return 1; }
  # Keeps xev's own start, and what an earlier run left to clean up, out of the time measured next.
  sleep 0.3
}

# Prints the epoch ms at which the first window whose title matches the regex was mapped; returns 1 when the app
# (pid) exits or the timeout (seconds) passes first. A window without a title yet is looked at again next time.
await_window() {
  local dir=$1 pattern=$2 pid=$3 deadline=$((SECONDS + $4)) entry at id name
  local -A other=()
  while :; do
    while IFS= read -r entry; do
      read -r at id <<<"$entry"
      [[ -z ${other[$id]:-} ]] || continue
      name=$(xdotool getwindowname "$id" 2>/dev/null) || name=""
      if [[ -n $name && $name =~ $pattern ]]; then
        echo "$at"
        return 0
      fi
      [[ -z $name ]] || other[$id]=1
    done <"$dir/mapped"
    kill -0 "$pid" 2>/dev/null || return 1
    [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.05
  done
}

unwatch_windows() {
  [[ ${#WINDOW_WATCH_PIDS[@]} -gt 0 ]] && kill "${WINDOW_WATCH_PIDS[@]}" 2>/dev/null
  WINDOW_WATCH_PIDS=()
}
