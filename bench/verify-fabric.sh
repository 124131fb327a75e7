#!/usr/bin/env bash
# Uncached verification through the Fabric Gateway, the whole network on this machine (orderer, three
# peers, three chaincode servers) and the api without Redis, against a bare Spring Boot WebFlux app's
# /ping (bench/bare) in the same run: wrk, 2 threads, 64 connections; every answer must be a 2xx.
# Writes bench/results/verify-fabric.json.
# Goal: >= 1,000 verifications/s.
source "$(dirname "$0")/lib.sh"

DURATION="${BENCH_SECONDS:-20}"
build_api
build_bare
started_network=0
if ! "${REPO_DIR}/network/network.sh" up | tee "${WORK}/network.log" | grep -q "already up"; then
  started_network=1
fi
trap 'cleanup; if ((started_network)); then "${REPO_DIR}/network/network.sh" down >/dev/null; fi' EXIT
# the api reads network/.state/api.properties from the repository's root
cd "${REPO_DIR}"
start_api --serialtrust.ledger.mode=fabric --serialtrust.demo.serial-prefix="B$(date +%s)-"
start_bare
label="$(demo_label 1)"
verify="${label/localhost/127.0.0.1}"
curl -fs -H 'Accept: application/json' "${verify}" | grep -q '"verdict":"GENUINE"' || { echo "bench: the label does not verify" >&2; exit 1; }

compare_with_bare "${verify}"

mkdir -p "${RESULTS}"
cat >"${RESULTS}/verify-fabric.json" <<JSON
{
  "benchmark": "verify-fabric",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc)},
  "setup": "Fabric v2.5.9 (release commit 7c3876255bf0): 1 orderer, 3 peers, 3 Java chaincode servers, the api (no Redis: every verification evaluates Verify on a peer and reads the block from qscc once per txId), wrk: all on this machine",
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "seconds": ${DURATION}, "non_2xx": 0},
$(baseline_json)
  "verification": {"endpoint": "/01/{gtin}/21/{serial}?sig=... (uncached, Fabric Gateway)", "requests_per_second": ${ver_rps}, "p50_ms": ${ver_p50}, "p99_ms": ${ver_p99}},
  "ratio_to_baseline": ${ratio},
  "goal": {"verifications_per_second_at_least": 1000},
  "met": $(awk -v r="${ver_rps}" 'BEGIN {print (r >= 1000) ? "true" : "false"}'),
  "api_rss_mb_after_load": ${rss_mb}
}
JSON
print_comparison "verification (uncached, Fabric Gateway)"
echo "ratio ${ratio}; goal >= 1,000/s; written to bench/results/verify-fabric.json"
