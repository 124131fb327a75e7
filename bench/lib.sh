# Helpers for the benchmark scripts: build, start and stop what a benchmark measures. Sourced.
# shellcheck shell=bash
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${BENCH_DIR}/.." && pwd)"
RESULTS="${BENCH_DIR}/results"
# warm-up: 10 s windows of load until the JIT is done (see warm_up), at most BENCH_WARMUP_MAX s an endpoint
WARMUP_MAX="${BENCH_WARMUP_MAX:-300}"
API_JAR="${REPO_DIR}/api/target/serialtrust-api-0.1.0-SNAPSHOT.jar"
WORK="$(mktemp -d)"
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "${pid}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "${WORK}"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "bench: installing $2" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# build_api: the api's jar, built when a source changed, copied so that no later build replaces it
# under a running benchmark
build_api() {
  "${REPO_DIR}/api/build-if-changed"
  cp "${REPO_DIR}/api/target/serialtrust-api-0.1.0-SNAPSHOT.jar" "${WORK}/api.jar"
  API_JAR="${WORK}/api.jar"
}

start_redis() {
  need redis-server redis-server
  REDIS_PORT="$(free_port)"
  redis-server --port "${REDIS_PORT}" --bind 127.0.0.1 --save "" --appendonly no >"${WORK}/redis.log" 2>&1 &
  PIDS+=($!)
  until redis-cli -p "${REDIS_PORT}" ping >/dev/null 2>&1; do sleep 0.1; done
}

# await URL PID NAME DEADLINE: until URL answers; stops the bench, with the tail of WORK/NAME.log, if the
# process dies or DEADLINE (in SECONDS) passes
await() {
  until curl -fs -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { tail -20 "${WORK}/$3.log" >&2; echo "bench: the $3 process died" >&2; exit 1; }
    ((SECONDS < $4)) || { echo "bench: the $3 process did not start" >&2; exit 1; }
    sleep 0.3
  done
}

# start_api ARGS...: the api on the embedded ledger with the demo, on a free port, until it answers
start_api() {
  API_PORT="$(free_port)"
  # shellcheck disable=SC2086 # API_JAVA_OPTS is a list of flags
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java ${API_JAVA_OPTS:-@${REPO_DIR}/api/jvm.options} -jar "${API_JAR}" --server.port="${API_PORT}" --serialtrust.data-dir="${WORK}/data" \
    --serialtrust.demo.enabled=true "$@" >"${WORK}/api.log" 2>&1 &
  API_PID=$!
  PIDS+=("${API_PID}")
  local deadline=$((SECONDS + 120))
  await "http://127.0.0.1:${API_PORT}/actuator/health/liveness" "${API_PID}" api "${deadline}"
  # the demo's seeding runs after the port opens: wait until it prints its labels
  until grep -q "demo is ready" "${WORK}/api.log"; do
    ((SECONDS < deadline)) || { echo "bench: the demo was not seeded" >&2; exit 1; }
    sleep 0.3
  done
}

# await_read_model: on Fabric, until the api's read model answers queries (it has caught up with the
# peer's blocks: from block 0 on a new data folder), so that a measurement is of the read model
await_read_model() {
  local key deadline=$((SECONDS + 300))
  key="$(demo_key authority)"
  until curl -fs -H "Authorization: Bearer ${key}" "http://127.0.0.1:${API_PORT}/actuator/health/readModel" \
      | grep -q '"answersQueries":true'; do
    ((SECONDS < deadline)) || { echo "bench: the read model did not catch up with the peer" >&2; exit 1; }
    sleep 0.5
  done
}

# demo_key ORG: the demo's api key of ORG (brand, authority...), from the api's data folder
demo_key() { sed -n "s/^$1=//p" "${WORK}/data/demo/api-keys.properties"; }

# register_items PREFIX COUNT [FROM]: COUNT new items of the demo brand through the api (register.py, 4 clients,
# batches of 1,000, the api signing each), named PREFIX B1000- and a 7-digit number from FROM (default 0), as
# random-item.lua picks them
register_items() {
  REGISTER_FROM="${3:-0}" REGISTER_WARMUP=0 REGISTER_NO_BASELINE=1 python3 "${BENCH_DIR}/register.py" \
    "http://127.0.0.1:${API_PORT}" "$(demo_key brand)" "$1" "$2" 4 1000 >/dev/null
}

# the URL of demo item N (whatever the serial prefix)
demo_label() { grep -o "http://[^ ]*/01/09520123456788/21/[^ ?]*000$1?sig=[^ ]*" "${WORK}/api.log" | head -n1 | tr -d "'"; }

# wrk_run URL CONNECTIONS SECONDS [LUA_SCRIPT] [ACCEPT] -> "requests_per_second p50_ms p99_ms"
# Every answer must be a 2xx: a run with any other answer (or a socket error) measured errors, not the
# endpoint, and stops the benchmark with the count. ACCEPT defaults to application/json.
wrk_run() {
  need wrk wrk
  local out script=()
  [[ -n "${4:-}" ]] && script=(-s "$4")
  out="$(wrk -t2 -c"$2" -d"$3"s --latency "${script[@]}" -H "Accept: ${5:-application/json}" "$1")"
  echo "${out}" >>"${WORK}/wrk.log"
  local rps p50 p99 requests bad errors
  rps="$(echo "${out}" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')"
  p50="$(echo "${out}" | awk '$1=="50%" {print $2}')"
  p99="$(echo "${out}" | awk '$1=="99%" {print $2}')"
  requests="$(echo "${out}" | sed -n 's/^ *\([0-9]*\) requests in .*/\1/p')"
  bad="$(echo "${out}" | sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')"
  errors="$(echo "${out}" | sed -n 's/^ *Socket errors: \(.*\)$/\1/p')"
  # a timeout is a slow answer (over wrk's 2 s), said but not fatal; a refused or broken connection is not
  if [[ -n "${bad}" && "${bad}" != 0 ]] || [[ "${errors}" =~ (connect|read|write)\ [1-9] ]]; then
    echo "bench: ${1}: ${bad:-0} of ${requests} answers were not 2xx; socket errors: ${errors:-none}" >&2
    exit 1
  fi
  [[ -n "${errors}" ]] && echo "bench: ${1}: ${errors}" >&2
  echo "${rps} $(to_ms "${p50}") $(to_ms "${p99}")"
}

# cpu_ticks PID: CPU clock ticks (user and system) the process PID has used so far
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# rss_mb PID: the resident memory of a process now, in MB
rss_mb() { echo $(($(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024)); }

# jit_ticks PID: CPU clock ticks the JVM's compiler threads (C1, C2) have used so far
jit_ticks() {
  local t total=0
  for t in /proc/"$1"/task/*/stat; do
    # the thread's name is field 2, in parentheses, and may hold spaces: count fields after the ')'
    total=$((total + $(sed -n 's/^[0-9]* (C[12] CompilerThre) //p' "${t}" 2>/dev/null | awk '{s += $12 + $13} END {print s + 0}')))
  done
  echo "${total}"
}

# warm_up PID URL ACCEPT [SCRIPT]: 10 s windows of wrk (64 connections) on URL until the JVM of PID is warm: its
# compilers used under 2 % of the window's CPU and the rate moved less than 5 % from the window before.
# On 2 cores the api took 90 s of load to get there (a verification ran 1,760/s after 20 s, 5,250/s after
# 90 s: the compiler thread competes with the load for the cores), so a fixed warm-up measured half-compiled
# code. Adds the seconds used to WARMED (seconds per endpoint, for results files); past WARMUP_MAX s it says
# so and goes on. A window with an answer that is not a 2xx ends the benchmark, as every measurement does.
WARMED=()
warm_up() {
  local pid="$1" url="$2" accept="$3" script="${4:-}" seconds=0 rps before=0 jit0 jit1 hz window=10
  hz="$(getconf CLK_TCK)"
  while :; do
    jit0="$(jit_ticks "${pid}")"
    read -r rps _ < <(wrk_run "${url}" 64 "${window}" "${script}" "${accept}") || true
    [[ -n "${rps:-}" ]] || { echo "bench: the warm-up of ${url} failed" >&2; exit 1; }
    jit1="$(jit_ticks "${pid}")"
    seconds=$((seconds + window))
    if awk -v j="$((jit1 - jit0))" -v hz="${hz}" -v w="${window}" -v c="$(nproc)" -v r="${rps}" -v b="${before}" \
        'BEGIN {exit !(j / hz < 0.02 * w * c && b > 0 && (r - b) / b < 0.05 && (b - r) / b < 0.05)}'; then
      break
    fi
    if ((seconds >= WARMUP_MAX)); then
      echo "bench: ${url} still compiling after ${seconds} s of load; measuring anyway" >&2
      break
    fi
    before="${rps}"
  done
  echo "warm after ${seconds} s: ${url}" >&2
  WARMED+=("${seconds}")
}

# warmup_json: the seconds of load each endpoint took to warm up, as a JSON list
warmup_json() { local IFS=,; echo "[${WARMED[*]}]"; }

to_ms() {
  local v="$1"
  case "${v}" in
    *us) echo "${v%us}" | awk '{printf "%.3f", $1/1000}' ;;
    *ms) echo "${v%ms}" ;;
    *s) echo "${v%s}" | awk '{printf "%.3f", $1*1000}' ;;
    *) echo "${v}" ;;
  esac
}

# build_bare: the bare Spring Boot WebFlux app of bench/bare (the api's Boot version), copied like the api's jar
build_bare() {
  (cd "${REPO_DIR}" && ./mvnw -q -pl bench/bare package -DskipTests)
  cp "${REPO_DIR}/bench/bare/target/serialtrust-bench-bare-0.1.0-SNAPSHOT.jar" "${WORK}/bare.jar"
}

# start_bare: the bare app on a free port, with the api's JVM flags, until it answers
start_bare() {
  BARE_PORT="$(free_port)"
  # shellcheck disable=SC2086 # API_JAVA_OPTS is a list of flags
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java ${API_JAVA_OPTS:-@${REPO_DIR}/api/jvm.options} -jar "${WORK}/bare.jar" --server.port="${BARE_PORT}" >"${WORK}/bare.log" 2>&1 &
  BARE_PID=$!
  PIDS+=("${BARE_PID}")
  await "http://127.0.0.1:${BARE_PORT}/ping" "${BARE_PID}" bare $((SECONDS + 60))
}

# compare_with_bare URL: warm each endpoint up (warm_up), then wrk (64 connections) on the bare app's /ping, the
# api's /ping and URL, each alone on the machine, in turns: BENCH_TURNS (default 3) windows of BENCH_WINDOW s
# (default 10) each, one endpoint after the other, so that the speed of this machine, which changes from
# minute to minute, falls on each alike (20 s each, one after the other, on 2 December: the api's /ping at
# 0.52 of the bare app's one evening, 0.69 the afternoon before). Sets bare_rps bare_p50 bare_p99, ping_rps
# ping_p50 ping_p99, ver_rps ver_p50 ver_p99 (the means of the windows), *_windows (each window's "rate p50
# p99", as JSON lists), ping_ratio and ratio (each to the bare app), rss_mb (the api's, after load) and
# bare_rss_mb
compare_with_bare() {
  local bare="http://127.0.0.1:${BARE_PORT}/ping" ping="http://127.0.0.1:${API_PORT}/ping" turn
  local -a bare_w=() ping_w=() ver_w=()
  echo "warming up until the JIT is done..." >&2
  warm_up "${BARE_PID}" "${bare}" text/plain
  warm_up "${API_PID}" "${ping}" text/plain
  warm_up "${API_PID}" "$1" application/json
  for ((turn = 0; turn < ${BENCH_TURNS:-3}; turn++)); do
    bare_w+=("$(wrk_run "${bare}" 64 "${BENCH_WINDOW:-10}" "" text/plain)")
    ping_w+=("$(wrk_run "${ping}" 64 "${BENCH_WINDOW:-10}" "" text/plain)")
    ver_w+=("$(wrk_run "$1" 64 "${BENCH_WINDOW:-10}")")
  done
  read -r bare_rps bare_p50 bare_p99 < <(mean_windows "${bare_w[@]}")
  read -r ping_rps ping_p50 ping_p99 < <(mean_windows "${ping_w[@]}")
  read -r ver_rps ver_p50 ver_p99 < <(mean_windows "${ver_w[@]}")
  bare_windows="$(windows_json "${bare_w[@]}")" ping_windows="$(windows_json "${ping_w[@]}")" ver_windows="$(windows_json "${ver_w[@]}")"
  ping_ratio="$(awk -v a="${ping_rps}" -v b="${bare_rps}" 'BEGIN {printf "%.3f", a/b}')"
  ratio="$(awk -v a="${ver_rps}" -v b="${bare_rps}" 'BEGIN {printf "%.3f", a/b}')"
  rss_mb="$(rss_mb "${API_PID}")"
  bare_rss_mb="$(rss_mb "${BARE_PID}")"
}

# mean_windows "RATE P50 P99"...: the means of wrk_run's figures over windows
mean_windows() { printf '%s\n' "$@" | awk '{r += $1; a += $2; b += $3; n++} END {printf "%.2f %.3f %.3f\n", r / n, a / n, b / n}'; }

# windows_json "RATE P50 P99"...: the windows as a JSON list
windows_json() {
  printf '%s\n' "$@" | awk 'BEGIN {printf "["} {printf "%s{\"requests_per_second\": %s, \"p50_ms\": %s, \"p99_ms\": %s}", (NR > 1 ? ", " : ""), $1, $2, $3} END {printf "]"}'
}

# baseline_json: the "baseline" and "api_ping" members of a results file, from compare_with_bare
baseline_json() {
  cat <<JSON
  "baseline": {"app": "bare Spring Boot $(boot_version) WebFlux (bench/bare), same JVM flags", "endpoint": "/ping",
               "requests_per_second": ${bare_rps}, "p50_ms": ${bare_p50}, "p99_ms": ${bare_p99}, "rss_mb_after_load": ${bare_rss_mb},
               "windows": ${bare_windows}},
  "api_ping": {"endpoint": "/ping", "requests_per_second": ${ping_rps}, "p50_ms": ${ping_p50}, "p99_ms": ${ping_p99},
               "ratio_to_baseline": ${ping_ratio}, "windows": ${ping_windows}},
JSON
}

# the flags of api/jvm.options, as words
jvm_options() { grep -v '^#' "${REPO_DIR}/api/jvm.options" | xargs; }

# the JVM flags the api and the bare app run with, as words (for results files), with the malloc arenas ./run sets too
jvm_flags() {
  echo "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} $(if [[ -n "${API_JAVA_OPTS:-}" ]]; then echo "${API_JAVA_OPTS}"; else jvm_options; fi)"
}

boot_version() { sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' "${REPO_DIR}/pom.xml"; }

# print_comparison LABEL: the table of compare_with_bare's figures
print_comparison() {
  printf '%-44s %12s %10s %10s %8s\n' "endpoint (64 connections)" "requests/s" "p50 ms" "p99 ms" "ratio"
  printf '%-44s %12s %10s %10s %8s\n' "bare WebFlux app /ping (baseline)" "${bare_rps}" "${bare_p50}" "${bare_p99}" "1.000"
  printf '%-44s %12s %10s %10s %8s\n' "api /ping" "${ping_rps}" "${ping_p50}" "${ping_p99}" "${ping_ratio}"
  printf '%-44s %12s %10s %10s %8s\n' "$1" "${ver_rps}" "${ver_p50}" "${ver_p99}" "${ratio}"
}

# short_id: 4 base-36 characters from the clock, for serials unique to a run (a serial has at most 20)
short_id() { python3 -c 'import time; n = int(time.time()) % 36**4; d = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"; print("".join(d[n // 36**k % 36] for k in (3, 2, 1, 0)))'; }
