#!/usr/bin/env bash
# Scale: uncached verification p50 with 1,000,000 registered items against the same with 10,000, in
# the same run, on the embedded ledger (no Redis: every verification reads the ledger). Each request
# verifies a different item chosen at random (bench/random-item.lua), so the index's size matters.
# wrk, 2 threads, 16 connections. Also the api's resident memory after the load.
# Writes bench/results/scale.json. Goals: p50 ratio <= 1.2; api RSS <= 300 MB.
#   BENCH_SCALE_ITEMS (default 1000000), BENCH_SECONDS (default 20)
source "$(dirname "$0")/lib.sh"

ITEMS="${BENCH_SCALE_ITEMS:-1000000}"
SMALL=10000
DURATION="${BENCH_SECONDS:-20}"
build_api
start_api
prefix="S$(short_id)-"
base="http://127.0.0.1:${API_PORT}"

fill() { register_items "${prefix}" "$2" "$1"; } # fill FROM COUNT
measure() { # measure COUNT -> "rps p50 p99"
  # the JIT done first (warm_up): the first measurement must not pay for compilation, nor the second less
  SERIAL_PREFIX="${prefix}B1000-" SERIAL_COUNT="$1" warm_up "${API_PID}" "${base}/" application/json "${BENCH_DIR}/random-item.lua"
  SERIAL_PREFIX="${prefix}B1000-" SERIAL_COUNT="$1" wrk_run "${base}/" 16 "${DURATION}" "${BENCH_DIR}/random-item.lua"
}

echo "registering ${SMALL} items..." >&2
fill 0 "${SMALL}"
read -r small_rps small_p50 small_p99 < <(measure "${SMALL}")
echo "registering up to ${ITEMS} items..." >&2
started=${SECONDS}
fill "${SMALL}" $((ITEMS - SMALL))
fill_seconds=$((SECONDS - started))
read -r big_rps big_p50 big_p99 < <(measure "${ITEMS}")
rss_mb="$(rss_mb "${API_PID}")"
ledger_mb=$(du -sm "${WORK}/data/ledger" | cut -f1)
ratio="$(awk -v a="${big_p50}" -v b="${small_p50}" 'BEGIN {printf "%.3f", a/b}')"

mkdir -p "${RESULTS}"
cat >"${RESULTS}/scale.json" <<JSON
{
  "benchmark": "scale",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc)},
  "setup": "embedded ledger (SQLite), no Redis: every verification reads the ledger; each request a random registered item",
  "load": {"tool": "wrk", "threads": 2, "connections": 16, "seconds": ${DURATION}},
  "baseline": {"items": ${SMALL}, "requests_per_second": ${small_rps}, "p50_ms": ${small_p50}, "p99_ms": ${small_p99}},
  "scaled": {"items": ${ITEMS}, "requests_per_second": ${big_rps}, "p50_ms": ${big_p50}, "p99_ms": ${big_p99},
             "fill_seconds": ${fill_seconds}, "ledger_mb": ${ledger_mb}},
  "p50_ratio": ${ratio},
  "api_rss_mb_after_load": ${rss_mb},
  "goals": {"p50_ratio_at_most": 1.2, "api_rss_mb_at_most": 300},
  "met": {"p50_ratio": $(awk -v r="${ratio}" 'BEGIN {print (r <= 1.2) ? "true" : "false"}'), "rss": $( ((rss_mb <= 300)) && echo true || echo false)}
}
JSON
printf '%-28s %12s %10s %10s\n' "registered items" "requests/s" "p50 ms" "p99 ms"
printf '%-28s %12s %10s %10s\n' "${SMALL}" "${small_rps}" "${small_p50}" "${small_p99}"
printf '%-28s %12s %10s %10s\n' "${ITEMS}" "${big_rps}" "${big_p50}" "${big_p99}"
echo "p50 ratio ${ratio} (goal <= 1.2); api RSS ${rss_mb} MB (goal <= 300); written to bench/results/scale.json"
