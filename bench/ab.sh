#!/usr/bin/env bash
# Alternating runs of two or more builds (or JVM flags) of the api under the same load: to tell a small
# change from this machine's spread between runs (on 2 December the bare app's /ping moved between 35,518
# and 40,948/s from one bench to the next, and one build of the api by up to 12 % from round to round).
# Each round starts every variant anew, side by side, each on a new data folder, gives each the same fixed
# warm-up, then three 10 s windows of wrk (64 connections) each, the variants' windows taking turns (the
# speed of this machine changes from minute to minute: one build measured 67.8 and 91.5 us a request in
# rounds two minutes apart), and prints the rate, the p99 and the api's own CPU time per request from
# the kernel's count: steadier than the rate, since wrk shares the cores; and the api's resident memory
# after the load.
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

# start_variant I: variant I's api on a folder of its own (its data, its log: lib.sh's helpers read WORK,
# made local here), and the URL it is measured at
BASE_WORK="${WORK}" pids=() urls=()
start_variant() {
  local WORK="${BASE_WORK}/variant-$1"
  rm -rf "${WORK}" && mkdir -p "${WORK}"
  API_JAR="${jars[$1]}" API_JAVA_OPTS="$(jvm_options) ${flags[$1]}" start_api "${redis_args[@]}"
  pids[$1]="${API_PID}"
  if [[ "${MODE}" == ping ]]; then
    urls[$1]="http://127.0.0.1:${API_PORT}/ping"
  else
    local label
    label="$(demo_label 1)" && urls[$1]="${label/localhost/127.0.0.1}"
  fi
}
[[ "${MODE}" == ping ]] && accept=text/plain || accept=application/json

runs=()
for round in $(seq "${ROUNDS}"); do
  [[ -n "${REDIS_PORT:-}" ]] && redis-cli -p "${REDIS_PORT}" flushall >/dev/null
  for i in "${!names[@]}"; do start_variant "${i}"; done
  for i in "${!names[@]}"; do wrk -t2 -c64 -d"${WARMUP}s" -H "Accept: ${accept}" "${urls[i]}" >/dev/null; done
  # the variants' windows alternate, so that a change of the machine's speed falls on each alike
  windows=() requests=() ticks=()
  for _ in 1 2 3; do
    for i in "${!names[@]}"; do
      before="$(cpu_ticks "${pids[i]}")"
      read -r rps p50 p99 < <(wrk_run "${urls[i]}" 64 10 "" "${accept}")
      ticks[i]=$((${ticks[i]:-0} + $(cpu_ticks "${pids[i]}") - before))
      windows[i]="${windows[i]:+${windows[i]}|}${rps} ${p50} ${p99}" # each window's "rate p50 p99", | between
      requests[i]="$(awk -v n="${requests[i]:-0}" -v r="${rps}" 'BEGIN {printf "%.0f", n + r * 10}')"
    done
  done
  for i in "${!names[@]}"; do
    rss_mb="$(rss_mb "${pids[i]}")"
    IFS='|' read -ra variant_windows <<<"${windows[i]}"
    cpu_us="$(awk -v t="${ticks[i]}" -v hz="$(getconf CLK_TCK)" -v n="${requests[i]}" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')"
    echo "round ${round} ${names[i]}: $(awk -v n="${requests[i]}" 'BEGIN {printf "%.0f", n / 30}')/s, the api's CPU ${cpu_us} us a request, ${rss_mb} MB resident" >&2
    runs+=("{\"round\": ${round}, \"variant\": \"${names[i]}\", \"windows\": $(windows_json "${variant_windows[@]}"), \"api_cpu_us_per_request\": ${cpu_us}, \"api_rss_mb_after_load\": ${rss_mb}}")
    kill "${pids[i]}"
    wait "${pids[i]}" 2>/dev/null || true
  done
done

mkdir -p "${RESULTS}"
variants_json="$(for i in "${!names[@]}"; do echo "{\"name\": \"${names[i]}\", \"jvm_flags\": \"$(echo "$(jvm_options) ${flags[i]}" | xargs)\"}"; done | paste -sd,)"
cat >"${RESULTS}/ab-${MODE}.json" <<EOF
{
  "benchmark": "ab-${MODE}",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc), "java": "$(java -version 2>&1 | head -n1 | tr -d '"')"},
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "windows_seconds": [10, 10, 10], "windows_alternate_between_variants": true, "warmup_seconds": ${WARMUP}, "rounds": ${ROUNDS}},
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
