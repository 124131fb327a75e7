#!/usr/bin/env bash
# The api's resident memory against its heap: for each maximum heap of BENCH_HEAPS (MB, default "256 192
# 128 96"), a new api on the embedded ledger with Redis, the flags of api/jvm.options but that heap (a quarter
# of it young and half of it to begin with, as there), cached
# verifications (wrk, 2 threads, 64 connections) warmed until the JIT is done, then measured: requests/s,
# p99, the api's resident memory after the load and the part of the heap committed, and the collections
# the load cost (jstat). Every answer must be a 2xx. Writes bench/results/memory.json. Goal: 300 MB without losing throughput.
source "$(dirname "$0")/lib.sh"

DURATION="${BENCH_SECONDS:-20}"
HEAPS="${BENCH_HEAPS:-256 192 128 96}"
build_api
start_redis
base_flags="$(jvm_options | tr ' ' '\n' | grep -v '^-Xm[xsn]' | xargs)"
rows=()
for heap in ${HEAPS}; do
  rm -rf "${WORK}/data"
  API_JAVA_OPTS="${base_flags} -Xmx${heap}m -Xms$((heap / 2))m -Xmn$((heap / 4))m" start_api --serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" \
    --serialtrust.redis.public-requests-per-minute=100000000
  label="$(demo_label 1)"
  verify="${label/localhost/127.0.0.1}"
  warm_up "${API_PID}" "${verify}" application/json
  # jstat -gc: young and full collections so far, the seconds they took, and the MB of the heap the
  # collector has taken of its maximum (survivors, eden, old), which the resident memory follows
  gc() { jstat -gc "${API_PID}" | awk 'NR == 2 {printf "%s %s %s %d\n", $(NF-6), $(NF-4), $NF, ($1 + $2 + $5 + $7) / 1024}'; }
  read -r ygc0 fgc0 gct0 _ < <(gc)
  read -r rps p50 p99 < <(wrk_run "${verify}" 64 "${DURATION}")
  read -r ygc1 fgc1 gct1 committed < <(gc)
  rss="$(rss_mb "${API_PID}")"
  paused="$(awk -v a="${gct0}" -v b="${gct1}" -v d="${DURATION}" 'BEGIN {printf "%.1f", 100 * (b - a) / d}')"
  echo "heap ${heap} MB: ${rps}/s, p99 ${p99} ms, ${rss} MB resident (heap ${committed} MB of it); $((ygc1 - ygc0)) young and $((fgc1 - fgc0)) full collections, paused ${paused} % of the time" >&2
  rows+=("{\"heap_mb\": ${heap}, \"requests_per_second\": ${rps}, \"p50_ms\": ${p50}, \"p99_ms\": ${p99}, \"rss_mb_after_load\": ${rss}, \"heap_committed_mb\": ${committed}, \"young_collections\": $((ygc1 - ygc0)), \"full_collections\": $((fgc1 - fgc0)), \"paused_percent\": ${paused}}")
  kill "${API_PID}"
  wait "${API_PID}" 2>/dev/null || true
done

mkdir -p "${RESULTS}"
cat >"${RESULTS}/memory.json" <<JSON
{
  "benchmark": "memory",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc), "java": "$(java -version 2>&1 | head -n1 | tr -d '"')", "jvm_flags": "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} ${base_flags} -Xmx{heap_mb}m -Xms{heap_mb/2}m -Xmn{heap_mb/4}m"},
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "seconds": ${DURATION}, "endpoint": "/01/{gtin}/21/{serial}?sig=... (cached in Redis)",
           "warmup": "10 s windows of the same load until the compilers used under 2 % of the CPU and the rate moved under 5 %", "warmup_seconds": $(warmup_json), "non_2xx": 0},
  "runs": [$(IFS=,; echo "${rows[*]}")],
  "goal": {"rss_mb_at_most": 300, "without_losing_throughput": true}
}
JSON
echo "written to bench/results/memory.json"
