#!/usr/bin/env bash
# The team gateway on PostgreSQL under load, on this machine: requests/s and p50/p99 latency through one or
# more gateway replicas sharing one PostgreSQL database, and traces stored vs requests answered (none may be
# lost). Starts its own PostgreSQL (Debian's package, installed if missing), the mock provider and the
# gateways; loopback only; stops everything it started. About a minute with the defaults.
#
# Usage: bench/gateway-postgres.sh
# Environment (all optional):
#   DURATION=20        seconds of measured load
#   WARMUP=10          seconds of warm-up load
#   CONNECTIONS=16     wrk connections per replica
#   REPLICAS=1         gateways on the one database; each gets its own wrk, run at the same time
#   GATEWAY_JAVA_OPTS  JVM options for the gateways
#   KEEP_WORK=1        keep the temp dir (logs, wrk reports, the PostgreSQL cluster)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/gateway-embedded/target/switchboard-gateway.jar"
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-16}
REPLICAS=${REPLICAS:-1}
HOST=127.0.0.1
ADMIN_TOKEN="bench-$RANDOM$RANDOM"
DB_PASSWORD="bench-$RANDOM$RANDOM"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-pg-bench.XXXXXX")
chmod 755 "$WORK"
MOCK_PID=""
GATEWAY_PIDS=()
GATEWAY_URLS=()
PG_BIN=""
PGDATA="$WORK/pg"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# PostgreSQL refuses to run as root: run its tools as the postgres user when we are root.
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_process() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  for pid in "${GATEWAY_PIDS[@]}"; do stop_process "$pid"; done
  stop_process "$MOCK_PID"
  if [[ -n "$PG_BIN" && -f "$PGDATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
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
    if [[ "$(java_major "$candidate/bin/java")" -ge 21 ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}
JDK=$(pick_java) || die "no JDK 21 or newer found (set JAVA_HOME)"
JAVA="$JDK/bin/java"

apt_install() {
  log "installing $*"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@") >"$WORK/apt.log" 2>&1 \
    || { cat "$WORK/apt.log" >&2; die "could not install $*"; }
}
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  (cd "$ROOT" && JAVA_HOME="$JDK" ./mvnw -q -B -pl gateway-embedded -am package -DskipTests) || die "build failed"
fi

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  die "no free port found"
}

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

# ---------------------------------------------------------------- PostgreSQL
PG_PORT=$(free_port)
mkdir -p "$PGDATA" "$WORK/sock"
[[ $(id -u) == 0 ]] && chown postgres "$PGDATA" "$WORK/sock"
printf '%s\n' "$DB_PASSWORD" >"$WORK/pgpass"
chmod 644 "$WORK/pgpass"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') cluster on port $PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$WORK/pgpass" >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
# Defaults otherwise (fsync and synchronous commit on): what a real server does.
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -k $WORK/sock -c listen_addresses=$HOST -c max_connections=100" start >/dev/null \
  || { cat "$PGDATA/server.log" >&2; die "PostgreSQL did not start"; }
psql_admin() { as_pg psql -X -q -h "$WORK/sock" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_admin -c "CREATE ROLE switchboard LOGIN PASSWORD '$DB_PASSWORD'" \
  -c "CREATE DATABASE switchboard OWNER switchboard" >/dev/null

# ---------------------------------------------------------------- processes
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
  --host "$HOST" --port 0 --tokens 40 --token-delay-ms 0 --ttft-ms 0 >"$WORK/mock.log" 2>&1 &
MOCK_PID=$!
MOCK_URL=$(await_ready mock "$MOCK_PID" "$WORK/mock.log" "mock provider listening on")
UPSTREAM="$MOCK_URL/v1"

for i in $(seq "$REPLICAS"); do
  log "starting gateway replica $i"
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a list of options
  SWITCHBOARD_DB_USER=switchboard SWITCHBOARD_DB_PASSWORD="$DB_PASSWORD" SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN" \
    "$JAVA" ${GATEWAY_JAVA_OPTS:-} -jar "$JAR" --host "$HOST" --port 0 --data-dir "$WORK/data-$i" \
    --db "jdbc:postgresql://$HOST:$PG_PORT/switchboard" >"$WORK/gateway-$i.log" 2>&1 &
  GATEWAY_PIDS+=($!)
  GATEWAY_URLS+=("$(await_ready "gateway $i" "$!" "$WORK/gateway-$i.log" "listening on")")
done
log "mock at $MOCK_URL, gateways at ${GATEWAY_URLS[*]}"

# ---------------------------------------------------------------- load
# Load: bench/chat-load.lua, every gateway routes it to the mock.
export BENCH_UPSTREAM="$UPSTREAM"
field() { sed -nE "s/.*[ ]$2=([0-9.]+).*/\1/p" <<<"$1"; }

SENT=0
ANSWERED=0
ERRORS=0
# load NAME SECONDS: one wrk per replica at once; adds up what they sent and answered.
load() {
  local name=$1 seconds=$2 pids=() i
  for i in "${!GATEWAY_URLS[@]}"; do
    wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s --latency -s "$ROOT/bench/chat-load.lua" \
      "${GATEWAY_URLS[$i]}/v1/chat/completions" >"$WORK/wrk-$name-$i.txt" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || { cat "$WORK/wrk-$name-$i.txt" >&2; die "wrk failed"; }; done
  for i in "${!GATEWAY_URLS[@]}"; do
    local line
    line=$(grep '^BENCH ' "$WORK/wrk-$name-$i.txt") || die "no wrk summary in $WORK/wrk-$name-$i.txt"
    SENT=$((SENT + $(field "$line" sent)))
    ANSWERED=$((ANSWERED + $(field "$line" completed)))
    ERRORS=$((ERRORS + $(field "$line" errors)))
    log "$name replica $((i + 1)): $line"
  done
}

for url in "${GATEWAY_URLS[@]}"; do
  status=$(curl -s -o "$WORK/probe.json" -w '%{http_code}' "$url/v1/chat/completions" \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer sk-mock' \
    -H 'x-portkey-provider: openai' -H "x-portkey-custom-host: $UPSTREAM" \
    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in one short sentence."}]}')
  [[ "$status" == 200 ]] || { cat "$WORK/probe.json" >&2; die "$url answered $status to a chat completion"; }
  SENT=$((SENT + 1)); ANSWERED=$((ANSWERED + 1))
done

log "warming up (${WARMUP}s)"
load warmup "$WARMUP"
MEASURED_FROM=$ANSWERED
log "measuring (${DURATION}s, $CONNECTIONS connections per replica)"
load measured "$DURATION"

# ---------------------------------------------------------------- traces
metric() { curl -s "$1/metrics" | awk -v name="$2" '$1 == name { printf "%d", $2 }'; }
stored() { psql_admin -d switchboard -tA -c "SELECT COUNT(*) FROM traces"; }
# Every replica's writer drains in the background: wait until the queues are empty and the count settles.
STORED=$(stored)
for _ in $(seq 150); do
  sleep 0.2
  depth=0
  for url in "${GATEWAY_URLS[@]}"; do depth=$((depth + $(metric "$url" switchboard_trace_queue_depth))); done
  now=$(stored)
  if [[ "$depth" == 0 && "$now" == "$STORED" && "$now" -ge "$ANSWERED" ]]; then break; fi
  STORED=$now
done
DROPPED=0
for url in "${GATEWAY_URLS[@]}"; do DROPPED=$((DROPPED + $(metric "$url" switchboard_traces_dropped_total))); done
VIA_API=$(curl -s -H "Authorization: Bearer $ADMIN_TOKEN" "${GATEWAY_URLS[0]}/admin/traces/count" \
  | sed -nE 's/.*"count"[[:space:]]*:[[:space:]]*([0-9]+).*/\1/p')
for i in "${!GATEWAY_PIDS[@]}"; do
  kill -0 "${GATEWAY_PIDS[$i]}" 2>/dev/null || { tail -50 "$WORK/gateway-$((i + 1)).log" >&2; die "gateway $((i + 1)) died"; }
done

# ---------------------------------------------------------------- report
rps=0; p50=""; p99=""
for i in "${!GATEWAY_URLS[@]}"; do
  line=$(grep '^BENCH ' "$WORK/wrk-measured-$i.txt")
  rps=$(awk -v a="$rps" -v b="$(field "$line" rps)" 'BEGIN { printf "%.1f", a + b }')
  p50+="$(awk -v us="$(field "$line" p50_us)" 'BEGIN { printf "%.2f", us / 1000 }') "
  p99+="$(awk -v us="$(field "$line" p99_us)" 'BEGIN { printf "%.2f", us / 1000 }') "
done
lost=$(( ANSWERED > STORED ? ANSWERED - STORED : 0 ))
warn_lines=0
for i in $(seq "$REPLICAS"); do
  warn_lines=$((warn_lines + $(grep -c -E ' (WARN|ERROR) ' "$WORK/gateway-$i.log" || true)))
done

echo
echo "Switchboard gateway on PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): $REPLICAS replica(s)," \
  "$CONNECTIONS connections each, ${DURATION}s ($(nproc) cores, load before $LOAD_BEFORE," \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ))"
echo "requests/s (all replicas):      $rps"
echo "p50 / p99 ms per replica:       $p50/ $p99"
echo "errors (non-2xx or socket):     $ERRORS"
echo "requests answered:              $ANSWERED ($((ANSWERED - MEASURED_FROM)) measured, the rest probe and warm-up;" \
  "$((SENT - ANSWERED)) more in flight when wrk stopped)"
echo "traces in PostgreSQL:           $STORED (admin API of replica 1 says $VIA_API)"
echo "traces dropped (metrics):       $DROPPED"
echo "traces lost:                    $lost $( (( lost == 0 && DROPPED == 0 )) && echo PASS || echo FAIL)"
echo "gateway log:                    $warn_lines WARN/ERROR lines"
if awk -v load="$LOAD_BEFORE" -v cores="$(nproc)" 'BEGIN { exit !(load > cores / 2) }'; then
  echo "WARNING: the machine was busy before the run (load $LOAD_BEFORE): throughput and latency are pessimistic."
fi
