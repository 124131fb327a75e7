#!/usr/bin/env bash
# The api's resident memory under a long load: one api on the embedded ledger with Redis and the flags of
# api/jvm.options, cached verifications (wrk, 2 threads, 64 connections) for BENCH_MINUTES (default 40)
# after the JIT is done, and at the end of each minute: the rate, the p99, the resident memory, the old
# generation's used and committed MB, and the collections so far (jstat). A short load measures memory
# before the old generation has filled with what the load promotes; this one runs past its first full
# collection, when the load is fast enough. Every answer must be a 2xx. Writes bench/results/memory-long.json.
source "$(dirname "$0")/lib.sh"

MINUTES="${BENCH_MINUTES:-40}"
build_api
start_redis
start_api --serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" --serialtrust.redis.public-requests-per-minute=100000000
label="$(demo_label 1)"
verify="${label/localhost/127.0.0.1}"
warm_up "${API_PID}" "${verify}" application/json

# jstat -gc: the old generation's used and committed MB, young and full collections so far
old_gen() { jstat -gc "${API_PID}" | awk 'NR == 2 {printf "%d %d %s %s\n", $8 / 1024, $7 / 1024, $(NF-6), $(NF-4)}'; }
read -r _ _ ygc0 fgc0 < <(old_gen)
rows=() rss_each=()
for minute in $(seq 1 "${MINUTES}"); do
  read -r rps _ p99 < <(wrk_run "${verify}" 64 60)
  read -r old_used old_committed ygc fgc < <(old_gen)
  rss="$(rss_mb "${API_PID}")"
  rss_each+=("${rss}")
  echo "minute ${minute}: ${rps}/s, p99 ${p99} ms, ${rss} MB resident; old generation ${old_used} of ${old_committed} MB; $((fgc - fgc0)) full collections" >&2
  rows+=("{\"minute\": ${minute}, \"requests_per_second\": ${rps}, \"p99_ms\": ${p99}, \"rss_mb\": ${rss}, \"old_used_mb\": ${old_used}, \"old_committed_mb\": ${old_committed}, \"young_collections\": $((ygc - ygc0)), \"full_collections\": $((fgc - fgc0))}")
done

first="${rss_each[0]}" last="${rss_each[-1]}" highest="$(printf '%s\n' "${rss_each[@]}" | sort -n | tail -n1)"
mkdir -p "${RESULTS}"
cat >"${RESULTS}/memory-long.json" <<JSON
{
  "benchmark": "memory-long",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc), "java": "$(java -version 2>&1 | head -n1 | tr -d '"')", "jvm_flags": "$(jvm_flags)"},
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "minutes": ${MINUTES}, "endpoint": "/01/{gtin}/21/{serial}?sig=... (cached in Redis)",
           "warmup": "10 s windows of the same load until the compilers used under 2 % of the CPU and the rate moved under 5 %", "warmup_seconds": $(warmup_json), "non_2xx": 0},
  "minutes": [$(IFS=,; echo "${rows[*]}")],
  "rss_mb": {"first_minute": ${first}, "last_minute": ${last}, "highest": ${highest}},
  "goal": {"rss_mb_at_most": 300}
}
JSON
echo "resident memory: first minute ${first} MB, last ${last} MB, highest ${highest} MB; written to bench/results/memory-long.json"
