# Helpers for the benchmark scripts: build, start and stop what a benchmark measures. Sourced.
# shellcheck shell=bash
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${BENCH_DIR}/.." && pwd)"
RESULTS="${BENCH_DIR}/results"
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

# start_api ARGS...: the api on the embedded ledger with the demo, on a free port, until it answers
start_api() {
  API_PORT="$(free_port)"
  # shellcheck disable=SC2086 # API_JAVA_OPTS is a list of flags
  java ${API_JAVA_OPTS:--Xmx512m} -jar "${API_JAR}" --server.port="${API_PORT}" --serialtrust.data-dir="${WORK}/data" \
    --serialtrust.demo.enabled=true "$@" >"${WORK}/api.log" 2>&1 &
  API_PID=$!
  PIDS+=("${API_PID}")
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "http://127.0.0.1:${API_PORT}/actuator/health/liveness"; do
    kill -0 "${API_PID}" 2>/dev/null || { tail -20 "${WORK}/api.log" >&2; echo "bench: the api died" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "bench: the api did not start" >&2; exit 1; }
    sleep 0.5
  done
  # the demo's seeding runs after the port opens: wait until it prints its labels
  until grep -q "demo is ready" "${WORK}/api.log"; do
    ((SECONDS < deadline)) || { echo "bench: the demo was not seeded" >&2; exit 1; }
    sleep 0.3
  done
}

# the URL of demo item N (whatever the serial prefix)
demo_label() { grep -o "http://[^ ]*/01/09520123456788/21/[^ ?]*000$1?sig=[^ ]*" "${WORK}/api.log" | head -n1 | tr -d "'"; }

# wrk_run URL CONNECTIONS SECONDS [LUA_SCRIPT] -> "requests_per_second p50_ms p99_ms"
wrk_run() {
  need wrk wrk
  local out script=()
  [[ -n "${4:-}" ]] && script=(-s "$4")
  out="$(wrk -t2 -c"$2" -d"$3"s --latency "${script[@]}" -H 'Accept: application/json' "$1")"
  echo "${out}" >>"${WORK}/wrk.log"
  local rps p50 p99
  rps="$(echo "${out}" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')"
  p50="$(echo "${out}" | awk '$1=="50%" {print $2}')"
  p99="$(echo "${out}" | awk '$1=="99%" {print $2}')"
  echo "${rps} $(to_ms "${p50}") $(to_ms "${p99}")"
}

to_ms() {
  local v="$1"
  case "${v}" in
    *us) echo "${v%us}" | awk '{printf "%.3f", $1/1000}' ;;
    *ms) echo "${v%ms}" ;;
    *s) echo "${v%s}" | awk '{printf "%.3f", $1*1000}' ;;
    *) echo "${v}" ;;
  esac
}

# compare_with_ping URL: warm up, then wrk GET /ping and URL in turn (64 connections, DURATION s);
# sets base_rps base_p50 base_p99, ver_rps ver_p50 ver_p99, ratio and rss_mb (the api's, after load)
compare_with_ping() {
  local ping="http://127.0.0.1:${API_PORT}/ping"
  echo "warming up (10 s each)..." >&2
  wrk_run "${ping}" 64 10 >/dev/null
  wrk_run "$1" 64 10 >/dev/null
  read -r base_rps base_p50 base_p99 < <(wrk_run "${ping}" 64 "${DURATION}")
  read -r ver_rps ver_p50 ver_p99 < <(wrk_run "$1" 64 "${DURATION}")
  ratio="$(awk -v a="${ver_rps}" -v b="${base_rps}" 'BEGIN {printf "%.3f", a/b}')"
  rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/${API_PID}/status") / 1024))
}

# print_comparison LABEL: the table of compare_with_ping's figures
print_comparison() {
  printf '%-44s %12s %10s %10s\n' "endpoint (64 connections)" "requests/s" "p50 ms" "p99 ms"
  printf '%-44s %12s %10s %10s\n' "trivial (/ping)" "${base_rps}" "${base_p50}" "${base_p99}"
  printf '%-44s %12s %10s %10s\n' "$1" "${ver_rps}" "${ver_p50}" "${ver_p99}"
}

# short_id: 4 base-36 characters from the clock, for serials unique to a run (a serial has at most 20)
short_id() { python3 -c 'import time; n = int(time.time()) % 36**4; d = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"; print("".join(d[n // 36**k % 36] for k in (3, 2, 1, 0)))'; }
