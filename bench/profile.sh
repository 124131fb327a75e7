#!/usr/bin/env bash
# Where the api's time goes per request: JDK Flight Recorder samples the api's threads while wrk loads
# one endpoint (64 connections), and bench/jfr-summary.py says which share of the samples runs inside
# each layer (Spring Security, metrics, the api's filters, Netty, Reactor, JSON...).
#   bench/profile.sh [ping|verify|verify-fabric] (default ping); BENCH_SECONDS (default 20)
#   verify-fabric: uncached verification answered by the read model of the network of network.sh (up
#   already), without Redis
# Writes bench/results/profile-<endpoint>.txt; the recording stays in bench/results/profile-<endpoint>.jfr
# only with KEEP_JFR=1.
source "$(dirname "$0")/lib.sh"

WHAT="${1:-ping}"
DURATION="${BENCH_SECONDS:-20}"
build_api
if [[ "${WHAT}" == verify-fabric ]]; then
  # the api reads network/.state/api.properties from the repository's root
  cd "${REPO_DIR}"
  api_args=(--serialtrust.ledger.mode=fabric --serialtrust.demo.serial-prefix="P$(date +%s)-")
else
  start_redis
  api_args=(--serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" --serialtrust.redis.public-requests-per-minute=100000000)
fi
API_JAVA_OPTS="${API_JAVA_OPTS:-@${REPO_DIR}/api/jvm.options} -XX:FlightRecorderOptions=stackdepth=512" \
  start_api "${api_args[@]}"
case "${WHAT}" in
  ping) url="http://127.0.0.1:${API_PORT}/ping" accept=text/plain ;;
  verify) label="$(demo_label 1)"; url="${label/localhost/127.0.0.1}" accept=application/json ;;
  verify-fabric) await_read_model; label="$(demo_label 1)"; url="${label/localhost/127.0.0.1}" accept=application/json ;;
  *) echo "bench: profile ping, verify or verify-fabric, not ${WHAT}" >&2; exit 2 ;;
esac
echo "warming up (15 s)..." >&2
wrk_run "${url}" 64 15 "" "${accept}" >/dev/null
jcmd "${API_PID}" JFR.start name=bench settings=profile filename="${WORK}/api.jfr" >/dev/null
read -r rps p50 p99 < <(wrk_run "${url}" 64 "${DURATION}" "" "${accept}")
jcmd "${API_PID}" JFR.stop name=bench >/dev/null
mkdir -p "${RESULTS}"
{
  echo "# ${WHAT}: ${rps} requests/s, p50 ${p50} ms, p99 ${p99} ms under the recording ($(date -u +%FT%TZ))"
  jfr print --json --events jdk.ExecutionSample --stack-depth 512 "${WORK}/api.jfr" | python3 "${BENCH_DIR}/jfr-summary.py"
} | tee "${RESULTS}/profile-${WHAT}.txt"
[[ "${KEEP_JFR:-0}" == 1 ]] && cp "${WORK}/api.jfr" "${RESULTS}/profile-${WHAT}.jfr"
exit 0
