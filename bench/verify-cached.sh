#!/usr/bin/env bash
# Cached verification through the Digital Link resolver, and the api's own /ping, against a bare Spring
# Boot WebFlux app of the same Boot version (bench/bare) answering /ping: same run, same JVM flags, same
# load, each alone on the machine, in turns of 10 s windows (lib.sh's compare_with_bare): wrk, 2 threads,
# 64 connections. Every answer must be a 2xx.
# Writes bench/results/verify-cached.json. Goals: api /ping >= 0.7 x bare; verification >= 0.5 x bare
# with p99 <= 10 ms.
source "$(dirname "$0")/lib.sh"

DURATION="${BENCH_SECONDS:-20}"
build_api
build_bare
start_redis
start_api --serialtrust.redis.url="redis://127.0.0.1:${REDIS_PORT}" --serialtrust.redis.public-requests-per-minute=100000000
start_bare
label="$(demo_label 1)"
verify="${label/localhost/127.0.0.1}"
curl -fs -H 'Accept: application/json' "${verify}" | grep -q '"verdict":"GENUINE"' || { echo "bench: the label does not verify" >&2; exit 1; }

compare_with_bare "${verify}"

met() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN {print ((op == ">=" ? v >= g : v <= g) ? "true" : "false")}'; }
mkdir -p "${RESULTS}"
cat >"${RESULTS}/verify-cached.json" <<JSON
{
  "benchmark": "verify-cached",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc), "java": "$(java -version 2>&1 | head -n1 | tr -d '"')", "jvm_flags": "$(jvm_flags)"},
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "windows_seconds": ${BENCH_WINDOW:-10}, "turns": ${BENCH_TURNS:-3}, "alternating": "bare app /ping, api /ping, verification", "warmup": "10 s windows of the same load until the compilers used under 2 % of the CPU and the rate moved under 5 %; seconds: bare, api /ping, verification", "warmup_seconds": $(warmup_json), "non_2xx": 0},
$(baseline_json)
  "verification": {"endpoint": "/01/{gtin}/21/{serial}?sig=... (cached in Redis)", "requests_per_second": ${ver_rps},
                   "p50_ms": ${ver_p50}, "p99_ms": ${ver_p99}, "ratio_to_baseline": ${ratio}, "windows": ${ver_windows}},
  "goals": {"api_ping_ratio_at_least": 0.7, "verification_ratio_at_least": 0.5, "verification_p99_ms_at_most": 10},
  "met": {"api_ping_ratio": $(met "${ping_ratio}" 0.7 ">="), "verification_ratio": $(met "${ratio}" 0.5 ">="),
          "verification_p99": $(met "${ver_p99}" 10 "<=")},
  "api_rss_mb_after_load": ${rss_mb}
}
JSON
print_comparison "verification (cached)"
echo "api /ping ${ping_ratio} x bare (goal >= 0.7); verification ${ratio} x bare (goal >= 0.5), p99 ${ver_p99} ms (goal <= 10);"
echo "api RSS ${rss_mb} MB, bare ${bare_rss_mb} MB; written to bench/results/verify-cached.json"
