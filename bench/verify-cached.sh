#!/usr/bin/env bash
# Cached verification through the Digital Link resolver against a trivial endpoint of the same api
# (GET /ping), same run, same load: wrk, 2 threads, 64 connections.
# Writes bench/results/verify-cached.json. Goals: ratio >= 0.6, p99 <= 10 ms.
source "$(dirname "$0")/lib.sh"

DURATION="${BENCH_SECONDS:-20}"
build_api
start_redis
start_api --serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" --serialtrust.redis.public-requests-per-minute=100000000
label="$(demo_label 1)"
verify="${label/localhost/127.0.0.1}"
curl -fs -H 'Accept: application/json' "${verify}" | grep -q '"verdict":"GENUINE"' || { echo "bench: the label does not verify" >&2; exit 1; }

compare_with_ping "${verify}"

mkdir -p "${RESULTS}"
cat >"${RESULTS}/verify-cached.json" <<JSON
{
  "benchmark": "verify-cached",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc), "java": "$(java -version 2>&1 | head -n1 | tr -d '"')"},
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "seconds": ${DURATION}},
  "baseline": {"endpoint": "/ping", "requests_per_second": ${base_rps}, "p50_ms": ${base_p50}, "p99_ms": ${base_p99}},
  "verification": {"endpoint": "/01/{gtin}/21/{serial}?sig=... (cached in Redis)", "requests_per_second": ${ver_rps}, "p50_ms": ${ver_p50}, "p99_ms": ${ver_p99}},
  "ratio": ${ratio},
  "goals": {"ratio_at_least": 0.6, "p99_ms_at_most": 10},
  "met": {"ratio": $(awk -v r="${ratio}" 'BEGIN {print (r >= 0.6) ? "true" : "false"}'), "p99": $(awk -v p="${ver_p99}" 'BEGIN {print (p <= 10) ? "true" : "false"}')},
  "api_rss_mb_after_load": ${rss_mb}
}
JSON
print_comparison "verification (cached)"
echo "ratio ${ratio} (goal >= 0.6); api RSS ${rss_mb} MB; written to bench/results/verify-cached.json"
