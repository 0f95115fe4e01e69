#!/usr/bin/env bash
# What the Switchboard gateway adds on top of an upstream, measured in one run on this machine:
# requests/s and p50/p99 latency with 1 and 16 connections straight to the mock provider and through the
# gateway, time to first streamed token both ways, the gateway's peak RSS, and traces stored vs requests sent.
# Loopback only; takes about three minutes; stops everything it started.
#
# Usage: bench/gateway-overhead.sh
# Environment (all optional):
#   DURATION=10        seconds per measured wrk run (four runs)
#   WARMUP=30          seconds of wrk warm-up per target (C2 keeps compiling for ~20 s on 2 busy cores)
#   TTFT_WARMUP=2000   streamed requests per target before timing the first token (the stream path warms up too)
#   TTFT_REQUESTS=1000 streamed requests per target for time to first token
#   MOCK_PORT=0 GATEWAY_PORT=0   ports; 0 (the default) picks free ones, so a running gateway on 8787 is no obstacle
#   GATEWAY_JAVA_OPTS  JVM options for the gateway (default: those of the README's headless command, the way
#                      users start it; set it to "" for the JVM's own defaults)
#   KEEP_WORK=1        keep the temp dir (logs, wrk reports, the gateway's database) for a closer look
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/gateway-embedded/target/switchboard-gateway.jar"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-30}
TTFT_REQUESTS=${TTFT_REQUESTS:-1000}
TTFT_WARMUP=${TTFT_WARMUP:-2000}
MOCK_PORT=${MOCK_PORT:-0}
GATEWAY_PORT=${GATEWAY_PORT:-0}
HOST=127.0.0.1
ADMIN_TOKEN="bench-$RANDOM$RANDOM"
# Keep in step with the README's headless command and deploy/.
HEADLESS_JAVA_OPTS="-Xmx112m -XX:+UseSerialGC"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-bench.XXXXXX")
MOCK_PID=""
GATEWAY_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

stop_process() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  stop_process "$GATEWAY_PID"
  stop_process "$MOCK_PID"
  if [[ "${KEEP_WORK:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
java_major() { "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }

pick_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    local major
    major=$(java_major "$candidate/bin/java")
    if [[ "${major:-0}" -ge 21 ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

JDK=$(pick_java) || die "no JDK 21 or newer found (set JAVA_HOME)"
JAVA="$JDK/bin/java"
log "JDK: $JDK ($(java_major "$JAVA"))"

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >"$WORK/apt.log" 2>&1 \
    || { cat "$WORK/apt.log" >&2; die "could not install wrk"; }
fi
command -v curl >/dev/null || die "curl is required"

if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  (cd "$ROOT" && JAVA_HOME="$JDK" ./mvnw -q -B -pl gateway-embedded -am package -DskipTests) \
    || die "build failed"
fi

# Other work on the machine slows everything measured here; say so next to the figures.
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------- processes
# Waits for a ready line "... listening on http://HOST:PORT" in a log and prints the URL.
await_ready() {
  local name=$1 pid=$2 logfile=$3 pattern=$4
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || { cat "$logfile" >&2; die "$name exited during start-up"; }
    local url
    url=$(grep -oE "$pattern http://[^ /]+" "$logfile" | head -1 | sed -E 's/.* (http:)/\1/' || true)
    if [[ -n "$url" ]]; then echo "$url"; return 0; fi
    sleep 0.1
  done
  cat "$logfile" >&2
  die "$name not ready after 60 s"
}

log "starting the mock provider"
"$JAVA" -Xmx256m -cp "$JAR" dev.switchboard.gateway.mock.MockProviderMain \
  --host "$HOST" --port "$MOCK_PORT" --tokens 40 --token-delay-ms 0 --ttft-ms 0 >"$WORK/mock.log" 2>&1 &
MOCK_PID=$!
MOCK_URL=$(await_ready mock "$MOCK_PID" "$WORK/mock.log" "mock provider listening on")

log "starting the gateway"
# shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a list of options
"$JAVA" ${GATEWAY_JAVA_OPTS-$HEADLESS_JAVA_OPTS} -jar "$JAR" --host "$HOST" --port "$GATEWAY_PORT" \
  --data-dir "$WORK/data" --admin-token "$ADMIN_TOKEN" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
GATEWAY_URL=$(await_ready gateway "$GATEWAY_PID" "$WORK/gateway.log" "listening on")
log "mock at $MOCK_URL, gateway at $GATEWAY_URL (pid $GATEWAY_PID)"

UPSTREAM="$MOCK_URL/v1"

# ---------------------------------------------------------------- load
# The same request both ways (bench/chat-load.lua); the mock ignores the gateway's routing headers.
export BENCH_UPSTREAM="$UPSTREAM"

GATEWAY_SENT=0
GATEWAY_ANSWERED=0
RESULT=""

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# run_wrk NAME URL CONNECTIONS THREADS SECONDS SERVER_PID: saves wrk's report and leaves its BENCH line, plus the
# server's CPU time per answered request (cpu_us, which contention on a shared machine hardly moves), in RESULT
run_wrk() {
  local name=$1 url=$2 connections=$3 threads=$4 seconds=$5 pid=$6
  local ticks_before
  ticks_before=$(cpu_ticks "$pid")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$ROOT/bench/chat-load.lua" \
    "$url/v1/chat/completions" >"$WORK/wrk-$name.txt" 2>&1 || { cat "$WORK/wrk-$name.txt" >&2; die "wrk failed"; }
  local line
  line=$(grep '^BENCH ' "$WORK/wrk-$name.txt") || { cat "$WORK/wrk-$name.txt" >&2; die "no wrk summary"; }
  line+=$(awk -v ticks=$(( $(cpu_ticks "$pid") - ticks_before )) -v hz="$CLK_TCK" -v n="$(field "$line" completed)" \
    'BEGIN { printf " cpu_us=%.0f", ticks * 1e6 / hz / (n > 0 ? n : 1) }')
  if [[ "$url" == "$GATEWAY_URL" ]]; then
    GATEWAY_SENT=$((GATEWAY_SENT + $(field "$line" sent)))
    GATEWAY_ANSWERED=$((GATEWAY_ANSWERED + $(field "$line" completed)))
  fi
  log "$name: $line"
  RESULT=$line
}

field() { sed -nE "s/.*[ ]$2=([0-9.]+).*/\1/p" <<<"$1"; }

# The gateway must answer the benchmark's request with 200 before any figure means anything.
status=$(curl -s -o "$WORK/probe.json" -w '%{http_code}' "$GATEWAY_URL/v1/chat/completions" \
  -H 'Content-Type: application/json' -H 'Authorization: Bearer sk-mock' \
  -H 'x-portkey-provider: openai' -H "x-portkey-custom-host: $UPSTREAM" \
  -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in one short sentence."}]}')
GATEWAY_SENT=$((GATEWAY_SENT + 1))
GATEWAY_ANSWERED=$((GATEWAY_ANSWERED + 1))
[[ "$status" == 200 ]] || { cat "$WORK/probe.json" >&2; die "gateway answered $status to a chat completion"; }

log "warming up (${WARMUP}s each)"
run_wrk warmup-direct "$MOCK_URL" 16 2 "$WARMUP" "$MOCK_PID"
run_wrk warmup-gateway "$GATEWAY_URL" 16 2 "$WARMUP" "$GATEWAY_PID"

log "measuring (${DURATION}s per run)"
# Interleaved, so drift on a shared machine hits both sides alike.
run_wrk direct-c1 "$MOCK_URL" 1 1 "$DURATION" "$MOCK_PID"; DIRECT_1=$RESULT
run_wrk gateway-c1 "$GATEWAY_URL" 1 1 "$DURATION" "$GATEWAY_PID"; GATEWAY_1=$RESULT
run_wrk direct-c16 "$MOCK_URL" 16 2 "$DURATION" "$MOCK_PID"; DIRECT_16=$RESULT
run_wrk gateway-c16 "$GATEWAY_URL" 16 2 "$DURATION" "$GATEWAY_PID"; GATEWAY_16=$RESULT

log "time to first token ($TTFT_REQUESTS streamed requests each way)"
TTFT=$("$JAVA" "$ROOT/bench/TtftProbe.java" "$MOCK_URL/v1/chat/completions" \
  "$GATEWAY_URL/v1/chat/completions" "$UPSTREAM" "$TTFT_REQUESTS" "$TTFT_WARMUP" | grep '^TTFT ') \
  || die "TTFT probe failed"
log "$TTFT"
GATEWAY_SENT=$((GATEWAY_SENT + $(field "$TTFT" gateway_sent)))
GATEWAY_ANSWERED=$((GATEWAY_ANSWERED + $(field "$TTFT" gateway_sent)))

# ---------------------------------------------------------------- traces and memory
# The trace writer flushes in the background: poll the count until it stops moving.
trace_count() {
  curl -s -H "Authorization: Bearer $ADMIN_TOKEN" "$GATEWAY_URL/admin/traces/count" \
    | sed -nE 's/.*"count"[[:space:]]*:[[:space:]]*([0-9]+).*/\1/p'
}
STORED=$(trace_count)
if [[ -n "$STORED" ]]; then
  stable=0
  for _ in $(seq 100); do
    sleep 0.2
    now=$(trace_count)
    if [[ "$now" == "$STORED" ]]; then
      stable=$((stable + 1))
      (( stable >= 5 && STORED >= GATEWAY_SENT )) && break
      (( stable >= 15 )) && break
    else
      stable=0
      STORED=$now
    fi
  done
fi

kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -50 "$WORK/gateway.log" >&2; die "the gateway died during the run"; }
PEAK_RSS_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$GATEWAY_PID/status")

# ---------------------------------------------------------------- report
ms() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000 }'; }
verdict() { awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }" && echo PASS || echo FAIL; }

added_p50_us=$(( $(field "$GATEWAY_1" p50_us) - $(field "$DIRECT_1" p50_us) ))
added_p50_16_us=$(( $(field "$GATEWAY_16" p50_us) - $(field "$DIRECT_16" p50_us) ))
added_ttft_us=$(( $(field "$TTFT" gateway_p50_us) - $(field "$TTFT" direct_p50_us) ))
gateway_rps_16=$(field "$GATEWAY_16" rps)
peak_rss_mb=$(awk -v kb="$PEAK_RSS_KB" 'BEGIN { printf "%.0f", kb / 1024 }')
if [[ -n "$STORED" ]]; then
  lost=$(( GATEWAY_SENT > STORED ? GATEWAY_SENT - STORED : 0 ))
  lost_verdict=$( (( lost == 0 )) && echo PASS || echo FAIL)
  # wrk stops with requests in flight: written (so counted as sent) but never answered.
  traces="$STORED stored of $GATEWAY_SENT sent ($GATEWAY_ANSWERED answered, $((GATEWAY_SENT - GATEWAY_ANSWERED)) in flight when wrk stopped)"
else
  lost="n/a"; lost_verdict="n/a"; traces="GET /admin/traces/count unavailable"
fi
direct_errors=$(( $(field "$DIRECT_1" errors) + $(field "$DIRECT_16" errors) ))
gateway_errors=$(( $(field "$GATEWAY_1" errors) + $(field "$GATEWAY_16" errors) + $(field "$TTFT" errors) ))

row() { printf '%-34s %14s %14s %14s\n' "$@"; }
echo
echo "Switchboard gateway overhead ($(nproc) cores, load before $LOAD_BEFORE, $(date -u +%Y-%m-%dT%H:%M:%SZ), ${DURATION}s per run)"
echo "gateway JVM options: ${GATEWAY_JAVA_OPTS-$HEADLESS_JAVA_OPTS}"
row "" "direct" "via gateway" "added"
row "1 connection: requests/s" "$(field "$DIRECT_1" rps)" "$(field "$GATEWAY_1" rps)" ""
row "1 connection: p50 ms" "$(ms "$(field "$DIRECT_1" p50_us)")" "$(ms "$(field "$GATEWAY_1" p50_us)")" \
  "$(ms "$added_p50_us")"
row "1 connection: p99 ms" "$(ms "$(field "$DIRECT_1" p99_us)")" "$(ms "$(field "$GATEWAY_1" p99_us)")" ""
row "16 connections: requests/s" "$(field "$DIRECT_16" rps)" "$gateway_rps_16" ""
row "16 connections: p50 ms" "$(ms "$(field "$DIRECT_16" p50_us)")" "$(ms "$(field "$GATEWAY_16" p50_us)")" \
  "$(ms "$added_p50_16_us")"
row "16 connections: p99 ms" "$(ms "$(field "$DIRECT_16" p99_us)")" "$(ms "$(field "$GATEWAY_16" p99_us)")" ""
row "16 connections: server CPU us/req" "$(field "$DIRECT_16" cpu_us) (mock)" "$(field "$GATEWAY_16" cpu_us)" \
  "(gateway only)"
row "stream: time to first token p50 ms" "$(ms "$(field "$TTFT" direct_p50_us)")" \
  "$(ms "$(field "$TTFT" gateway_p50_us)")" "$(ms "$added_ttft_us")"
row "stream: time to first token p90 ms" "$(ms "$(field "$TTFT" direct_p90_us)")" \
  "$(ms "$(field "$TTFT" gateway_p90_us)")" ""
echo "errors (non-2xx or socket): direct $direct_errors, via gateway $gateway_errors"
cores=$(nproc)
if awk -v load="$LOAD_BEFORE" -v cores="$cores" 'BEGIN { exit !(load > cores / 2) }'; then
  echo "WARNING: the machine was busy before the run (load $LOAD_BEFORE on $cores cores): latency and throughput"
  echo "         are pessimistic; server CPU per request is the figure least moved by that."
fi
echo "traces: $traces"
echo "gateway log: $(grep -c -E ' (WARN|ERROR) ' "$WORK/gateway.log" || true) WARN/ERROR lines$(grep -m1 -E ' (WARN|ERROR) ' "$WORK/gateway.log" | sed 's/^/, first: /' || true)"
echo
printf '%-34s %14s %14s %8s\n' "target" "goal" "measured" "verdict"
printf '%-34s %14s %14s %8s\n' "added p50 latency, 1 connection" "<= 0.5 ms" "$(ms "$added_p50_us") ms" \
  "$(verdict "$added_p50_us" "<=" 500)"
printf '%-34s %14s %14s %8s\n' "throughput, 16 connections" ">= 3000 req/s" "$gateway_rps_16" \
  "$(verdict "$gateway_rps_16" ">=" 3000)"
printf '%-34s %14s %14s %8s\n' "added time to first token p50" "<= 1 ms" "$(ms "$added_ttft_us") ms" \
  "$(verdict "$added_ttft_us" "<=" 1000)"
printf '%-34s %14s %14s %8s\n' "gateway peak RSS" "<= 300 MB" "$peak_rss_mb MB" \
  "$(verdict "$peak_rss_mb" "<=" 300)"
printf '%-34s %14s %14s %8s\n' "traces lost" "0" "$lost" "$lost_verdict"
