#!/usr/bin/env bash
# Where the api's time goes per request: async-profiler (from Maven Central, attached to the running api
# after its warm-up) samples the CPU of every thread of the api while wrk loads one endpoint (64
# connections); bench/profile-summary.py gives the share of each kind of thread (event loops, Lettuce,
# the JIT, the GC) and of each layer of the request path (Spring Security, metrics, JSON, Netty...),
# and the api's CPU time per request from the kernel's count. (Flight Recorder, used before, took one
# sample where this takes fifty, and none in native code: the kernel's send, the JIT.)
#   bench/profile.sh [ping|verify|verify-embedded|verify-fabric|register] (default ping); BENCH_SECONDS (default 20);
#   BENCH_PROFILE=alloc samples what the api allocates on its heap instead (async-profiler's TLAB
#   sampling, weighed in bytes): where, and how many KB per request
#   verify-fabric: uncached verification answered by the read model of the network of network.sh (up
#   already), without Redis; verify-embedded: uncached verification on the embedded ledger (no Redis),
#   the same contract classes over SQLite; register: POST /api/items on the embedded ledger (bench/register.py,
#   4 clients, batches of 1,000, after its warm-up rounds): the CPU figure is then per serial
# Writes bench/results/profile-<endpoint>[-alloc].txt; the stacks stay in bench/results/profile-<endpoint>[-alloc].collapsed
# (for a flame graph) only with KEEP_STACKS=1.
source "$(dirname "$0")/lib.sh"

WHAT="${1:-ping}"
case "${BENCH_PROFILE:-cpu}" in
  # itimer: CPU time of the whole process, with no need for the kernel's perf events
  cpu) event=event=itimer,interval=1ms suffix="" weigh="" ;;
  alloc) event=event=alloc suffix=-alloc weigh=,total ;; # total: bytes, not samples (an output option)
  *) echo "bench: BENCH_PROFILE is cpu or alloc, not ${BENCH_PROFILE}" >&2; exit 2 ;;
esac
DURATION="${BENCH_SECONDS:-20}"
build_api
if [[ "${WHAT}" == verify-fabric ]]; then
  # the api reads network/.state/api.properties from the repository's root
  cd "${REPO_DIR}"
  api_args=(--serialtrust.ledger.mode=fabric --serialtrust.demo.serial-prefix="P$(date +%s)-")
elif [[ "${WHAT}" == verify-embedded || "${WHAT}" == register ]]; then
  api_args=()
else
  start_redis
  api_args=(--serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" --serialtrust.redis.public-requests-per-minute=100000000)
fi
ASYNC_PROFILER_VERSION=4.2
case "$(uname -m)" in x86_64) platform=linux-x64 ;; aarch64) platform=linux-arm64 ;; *) echo "bench: no async-profiler for $(uname -m)" >&2; exit 1 ;; esac
"${REPO_DIR}/mvnw" -q dependency:copy -Dartifact="tools.profiler:async-profiler:${ASYNC_PROFILER_VERSION}" -DoutputDirectory="${WORK}/ap" \
  || { echo "bench: could not fetch async-profiler ${ASYNC_PROFILER_VERSION}" >&2; exit 1; }
unzip -q -o "${WORK}/ap/async-profiler-${ASYNC_PROFILER_VERSION}.jar" "${platform}/libasyncProfiler.so" -d "${WORK}/ap"
profiler="${WORK}/ap/${platform}/libasyncProfiler.so"
# jcmd reads name=value pairs: the profiler's options go in quotes, as one value
profile() { jcmd "${API_PID}" JVMTI.agent_load "${profiler}" "\"$1\"" >/dev/null; }
start_api "${api_args[@]}"
case "${WHAT}" in
  ping) url="http://127.0.0.1:${API_PORT}/ping" accept=text/plain ;;
  register) ;;
  verify | verify-embedded) label="$(demo_label 1)"; url="${label/localhost/127.0.0.1}" accept=application/json ;;
  verify-fabric) await_read_model; label="$(demo_label 1)"; url="${label/localhost/127.0.0.1}" accept=application/json ;;
  *) echo "bench: profile ping, verify, verify-embedded, verify-fabric or register, not ${WHAT}" >&2; exit 2 ;;
esac
echo "warming up until the JIT is done..." >&2
if [[ "${WHAT}" == register ]]; then
  key="$(demo_key brand)"
  register() { # register PREFIX WARMUP_SECONDS SERIALS -> serials/s
    REGISTER_WARMUP="$2" REGISTER_NO_BASELINE=1 python3 "${BENCH_DIR}/register.py" "http://127.0.0.1:${API_PORT}" "${key}" "$1" \
      "$3" 4 1000 | python3 -c 'import json, sys; r = json.load(sys.stdin)["sweep"][0]; print(round(r["serials"] / r["seconds"]))'
  }
  register "PW$(short_id)" 240 1000 >/dev/null
  unit=serials warmed="register.py's warm-up rounds"
  profile "start,${event},threads"
  ticks_before="$(cpu_ticks "${API_PID}")"
  rps="$(register "PM$(short_id)" 0 40000)" p50=- p99=-
  DURATION="$(awk -v r="${rps}" 'BEGIN {printf "%.3f", 40000 / r}')"
else
  warm_up "${API_PID}" "${url}" "${accept}"
  unit=requests warmed="${WARMED[0]} s of warm-up"
  profile "start,${event},threads"
  ticks_before="$(cpu_ticks "${API_PID}")"
  read -r rps p50 p99 < <(wrk_run "${url}" 64 "${DURATION}" "" "${accept}")
fi
ticks_after="$(cpu_ticks "${API_PID}")"
profile "stop,file=${WORK}/api.collapsed,collapsed${weigh}"
cpu_us="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" -v r="${rps}" -v s="${DURATION}" \
  'BEGIN {printf "%.0f", t / hz * 1e6 / (r * s)}')"
mkdir -p "${RESULTS}"
{
  echo "# ${WHAT}: ${rps} ${unit}/s, p50 ${p50} ms, p99 ${p99} ms under the profiler; the api's CPU: ${cpu_us} us per one of the ${unit}"
  echo "# ($(date -u +%FT%TZ), $(nproc) cores, the load on the same machine, after ${warmed})"
  python3 "${BENCH_DIR}/profile-summary.py" "${BENCH_PROFILE:-cpu}" "$(awk -v r="${rps}" -v s="${DURATION}" 'BEGIN {print r * s}')" "${unit%s}" \
    <"${WORK}/api.collapsed"
} | tee "${RESULTS}/profile-${WHAT}${suffix}.txt"
[[ "${KEEP_STACKS:-0}" == 1 ]] && cp "${WORK}/api.collapsed" "${RESULTS}/profile-${WHAT}${suffix}.collapsed"
exit 0
