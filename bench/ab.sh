#!/usr/bin/env bash
# Alternating runs of two or more builds (or JVM flags) of the api under the same load: to tell a small
# change from this machine's spread between runs (on 2 December the bare app's /ping moved between 35,518
# and 40,948/s from one bench to the next, and one build of the api by up to 12 % from round to round).
# Each round starts every variant anew, on a new data folder, gives each the same fixed warm-up, then
# three 10 s windows of wrk (64 connections), and prints the rate, the p99 and the api's own CPU time per
# request from the kernel's count: steadier than the rate, since wrk shares the cores; and the api's
# resident memory after the load.
#   bench/ab.sh ping|verify|verify-embedded NAME=JAR[:JVM_FLAGS] NAME=JAR[:JVM_FLAGS]...
#   ping: GET /ping; verify: a cached verification (with Redis); verify-embedded: an uncached one on the
#   embedded ledger (no Redis). JAR "." is this checkout's api (built when a source changed); any other
#   jar is copied first. JVM_FLAGS come after api/jvm.options'. ROUNDS (default 3); AB_WARMUP seconds of
#   load before each measurement (default 60; an uncached verification needs about 110 to finish its JIT).
# Writes bench/results/ab-<mode>.json.
source "$(dirname "$0")/lib.sh"

MODE="${1:-}"
shift || true
case "${MODE}" in ping | verify | verify-embedded) ;; *) echo "bench: ab.sh ping|verify|verify-embedded NAME=JAR[:FLAGS]..." >&2; exit 2 ;; esac
(($# >= 2)) || { echo "bench: give two variants or more" >&2; exit 2; }
ROUNDS="${ROUNDS:-3}"
WARMUP="${AB_WARMUP:-60}"
names=() jars=() flags=()
for variant in "$@"; do
  name="${variant%%=*}" rest="${variant#*=}"
  jar="${rest%%:*}" extra=""
  [[ "${rest}" == *:* ]] && extra="${rest#*:}"
  if [[ "${jar}" == . ]]; then
    build_api
    jar="${API_JAR}"
  else
    [[ -f "${jar}" ]] || { echo "bench: no jar ${jar}" >&2; exit 2; }
    cp "${jar}" "${WORK}/${name}.jar"
    jar="${WORK}/${name}.jar"
  fi
  names+=("${name}") jars+=("${jar}") flags+=("${extra}")
done
redis_args=()
if [[ "${MODE}" != verify-embedded ]]; then
  start_redis
  redis_args=(--serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" --serialtrust.redis.public-requests-per-minute=100000000)
fi

runs=()
for round in $(seq "${ROUNDS}"); do
  for i in "${!names[@]}"; do
    rm -rf "${WORK}/data"
    [[ -n "${REDIS_PORT:-}" ]] && redis-cli -p "${REDIS_PORT}" flushall >/dev/null
    API_JAR="${jars[i]}" API_JAVA_OPTS="$(jvm_options) ${flags[i]}" start_api "${redis_args[@]}"
    if [[ "${MODE}" == ping ]]; then
      url="http://127.0.0.1:${API_PORT}/ping" accept=text/plain
    else
      label="$(demo_label 1)" url="${label/localhost/127.0.0.1}" accept=application/json
    fi
    wrk -t2 -c64 -d"${WARMUP}s" -H "Accept: ${accept}" "${url}" >/dev/null
    ticks_before="$(cpu_ticks "${API_PID}")"
    windows=() requests=0
    for _ in 1 2 3; do
      read -r rps p50 p99 < <(wrk_run "${url}" 64 10 "" "${accept}")
      windows+=("{\"requests_per_second\": ${rps}, \"p50_ms\": ${p50}, \"p99_ms\": ${p99}}")
      requests="$(awk -v n="${requests}" -v r="${rps}" 'BEGIN {printf "%.0f", n + r * 10}')"
    done
    ticks_after="$(cpu_ticks "${API_PID}")"
    rss_mb="$(rss_mb "${API_PID}")"
    cpu_us="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" -v n="${requests}" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')"
    echo "round ${round} ${names[i]}: $(awk -v n="${requests}" 'BEGIN {printf "%.0f", n / 30}')/s, the api's CPU ${cpu_us} us a request, ${rss_mb} MB resident" >&2
    runs+=("{\"round\": ${round}, \"variant\": \"${names[i]}\", \"windows\": [$(IFS=,; echo "${windows[*]}")], \"api_cpu_us_per_request\": ${cpu_us}, \"api_rss_mb_after_load\": ${rss_mb}}")
    kill "${API_PID}"
    wait "${API_PID}" 2>/dev/null || true
  done
done

mkdir -p "${RESULTS}"
variants_json="$(for i in "${!names[@]}"; do echo "{\"name\": \"${names[i]}\", \"jvm_flags\": \"$(echo "$(jvm_options) ${flags[i]}" | xargs)\"}"; done | paste -sd,)"
cat >"${RESULTS}/ab-${MODE}.json" <<EOF
{
  "benchmark": "ab-${MODE}",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc), "java": "$(java -version 2>&1 | head -n1 | tr -d '"')"},
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "windows_seconds": [10, 10, 10], "warmup_seconds": ${WARMUP}, "rounds": ${ROUNDS}},
  "variants": [${variants_json}],
  "runs": [$(IFS=,; echo "${runs[*]}")]
}
EOF
python3 - "${RESULTS}/ab-${MODE}.json" <<'EOF'
import json, statistics, sys
doc = json.load(open(sys.argv[1]))
for v in doc["variants"]:
    runs = [r for r in doc["runs"] if r["variant"] == v["name"]]
    cpu = [r["api_cpu_us_per_request"] for r in runs]
    rate = [statistics.mean(w["requests_per_second"] for w in r["windows"]) for r in runs]
    rss = [r["api_rss_mb_after_load"] for r in runs]
    print(f'{v["name"]}: the api\'s CPU {statistics.mean(cpu):.1f} us a request (rounds: {", ".join(f"{c:.1f}" for c in cpu)}); '
          f'{statistics.mean(rate):,.0f}/s (rounds: {", ".join(f"{r:,.0f}" for r in rate)}); '
          f'{statistics.mean(rss):.0f} MB resident after the load (rounds: {", ".join(str(r) for r in rss)})')
EOF
echo "written to bench/results/ab-${MODE}.json"
