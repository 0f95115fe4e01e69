# Times when a window appears without polling the X server. Polling (an xdotool search every few milliseconds)
# takes CPU from the app being timed: on two cores it made the packaged app's start look a second slower than it
# is. xev blocks on the root window's events instead, and a reader stamps each top-level window the moment the X
# server maps it; await_window then finds the one with the wanted name among them.
#
#   source jpackage/window-watch.sh
#   watch_windows "$dir"                                  # before starting the app; needs x11-utils (xev), xdotool
#   at_ms=$(await_window "$dir" '^Switchboard' "$app_pid" 60)   # epoch ms of the mapping; fails on exit or timeout
#   unwatch_windows
# Needs $DISPLAY. Sourced by jpackage/smoke-test.sh and bench/app-package-start.sh.

WINDOW_WATCH_PIDS=()

watch_windows() {
  local dir=$1
  mkdir -p "$dir"
  : >"$dir/mapped"
  rm -f "$dir/events"
  mkfifo "$dir/events"
  stdbuf -oL xev -root -event substructure >"$dir/events" 2>/dev/null &
  WINDOW_WATCH_PIDS+=($!)
  # One "epoch-ms window-id" line per mapped window. xev prints MapNotify, then the window on the next line.
  (
    while IFS= read -r line; do
      [[ $line == MapNotify* ]] || continue
      at=${EPOCHREALTIME/./}
      IFS= read -r line
      [[ $line =~ window\ (0x[0-9a-f]+) ]] && printf '%s %s\n' "$((at / 1000))" "${BASH_REMATCH[1]}" >>"$dir/mapped"
    done <"$dir/events"
  ) &
  WINDOW_WATCH_PIDS+=($!)
  # xev must be listening before the app maps its window, or the event is missed; the pause also keeps xev's own
  # start (and what the previous run left to clean up) out of the time measured next.
  sleep 0.5
}

# Prints the epoch ms at which the first window whose title matches the regex was mapped; returns 1 when the app
# (pid) exits or the timeout (seconds) passes first.
await_window() {
  local dir=$1 pattern=$2 pid=$3 deadline=$((SECONDS + $4)) checked=0 entries i at id
  while :; do
    mapfile -t entries <"$dir/mapped"
    for ((i = checked; i < ${#entries[@]}; i++)); do
      read -r at id <<<"${entries[i]}"
      if [[ $(xdotool getwindowname "$id" 2>/dev/null) =~ $pattern ]]; then
        echo "$at"
        return 0
      fi
    done
    checked=${#entries[@]}
    kill -0 "$pid" 2>/dev/null || return 1
    [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.05
  done
}

unwatch_windows() {
  [[ ${#WINDOW_WATCH_PIDS[@]} -gt 0 ]] && kill "${WINDOW_WATCH_PIDS[@]}" 2>/dev/null
  WINDOW_WATCH_PIDS=()
}
