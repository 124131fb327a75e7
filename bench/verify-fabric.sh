#!/usr/bin/env bash
# Uncached verification on the Fabric deployment, the whole network on this machine (orderer, three
# peers, three chaincode servers) and the api without Redis, against a bare Spring Boot WebFlux app's
# /ping (bench/bare) in the same run: wrk, 2 threads, 64 connections; every answer must be a 2xx.
# First answered by the api's read model (once it has caught up with the peer), then, for comparison,
# by a second api whose queries all go to the peer (serialtrust.fabric.read-model.serve=false). Between
# the two, the read model's api verifies distinct items, BENCH_ITEMS (default 20,000) registered for it.
# Writes bench/results/verify-fabric.json.
# Goal (read model): >= 5,000 verifications/s and >= 0.2 x the bare app's /ping.
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
await_read_model
start_bare
label="$(demo_label 1)"
verify="${label/localhost/127.0.0.1}"
curl -fs -H 'Accept: application/json' "${verify}" | grep -q '"verdict":"GENUINE"' || { echo "bench: the label does not verify" >&2; exit 1; }

compare_with_bare "${verify}"

# distinct items, as consumers scan them: ITEMS registered first (the api signs them), then each request
# verifies one chosen at random (bench/random-item.lua: the serial typed, so without its label's sig)
ITEMS="${BENCH_ITEMS:-20000}"
prefix="V$(short_id)"
base="http://127.0.0.1:${API_PORT}"
echo "registering ${ITEMS} items to verify at random..." >&2
register_items "${prefix}" "${ITEMS}"
distinct="${base}/01/09520123456788/21/${prefix}B1000-$(printf '%07d' $((ITEMS - 1)))"
# the last item registered, as the api answers it once its read model has applied the block
deadline=$((SECONDS + 30))
until curl -fs -H 'Accept: application/json' "${distinct}" | grep -q '"verdict":"SIGNATURE_MISSING"'; do
  ((SECONDS < deadline)) || { echo "bench: ${distinct} is not verified as registered" >&2; exit 1; }
  sleep 0.3
done
SERIAL_PREFIX="${prefix}B1000-" SERIAL_COUNT="${ITEMS}" warm_up "${API_PID}" "${base}/" application/json "${BENCH_DIR}/random-item.lua"
read -r distinct_rps distinct_p50 distinct_p99 < <(SERIAL_PREFIX="${prefix}B1000-" SERIAL_COUNT="${ITEMS}" \
  wrk_run "${base}/" 64 "${DURATION}" "${BENCH_DIR}/random-item.lua")
distinct_ratio="$(awk -v a="${distinct_rps}" -v b="${bare_rps}" 'BEGIN {printf "%.3f", a/b}')"

# the same verification with every query evaluated on the peer: a second api, its own read model folder
kill "${API_PID}"; wait "${API_PID}" 2>/dev/null || true
start_api --serialtrust.ledger.mode=fabric --serialtrust.demo.serial-prefix="b$(date +%s)-" \
  --serialtrust.fabric.read-model.serve=false --serialtrust.fabric.read-model.dir="${WORK}/peer-only"
label="$(demo_label 1)"
warm_up "${API_PID}" "${label/localhost/127.0.0.1}" application/json
read -r peer_rps peer_p50 peer_p99 < <(wrk_run "${label/localhost/127.0.0.1}" 64 "${DURATION}")
peer_ratio="$(awk -v a="${peer_rps}" -v b="${bare_rps}" 'BEGIN {printf "%.3f", a/b}')"

mkdir -p "${RESULTS}"
cat >"${RESULTS}/verify-fabric.json" <<JSON
{
  "benchmark": "verify-fabric",
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cores": $(nproc)},
  "setup": "Fabric v2.5.9 (release commit 7c3876255bf0): 1 orderer, 3 peers, 3 Java chaincode servers, the api without Redis (no cache: every verification runs the contract's Verify), wrk: all on this machine",
  "load": {"tool": "wrk", "threads": 2, "connections": 64, "windows_seconds": ${BENCH_WINDOW:-10}, "turns": ${BENCH_TURNS:-3}, "alternating": "bare app /ping, api /ping, verification", "warmup": "10 s windows of the same load until the compilers used under 2 % of the CPU and the rate moved under 5 %; seconds: bare, api /ping, verification, distinct items, verification on the peer", "warmup_seconds": $(warmup_json), "non_2xx": 0},
$(baseline_json)
  "verification": {"endpoint": "/01/{gtin}/21/{serial}?sig=... (uncached, answered by the read model)", "requests_per_second": ${ver_rps}, "p50_ms": ${ver_p50}, "p99_ms": ${ver_p99}, "windows": ${ver_windows}},
  "ratio_to_baseline": ${ratio},
  "verification_of_distinct_items": {"endpoint": "/01/{gtin}/21/{serial} of one of ${ITEMS} items chosen at random per request, typed (no sig: verdict SIGNATURE_MISSING), answered by the read model", "items": ${ITEMS}, "requests_per_second": ${distinct_rps}, "p50_ms": ${distinct_p50}, "p99_ms": ${distinct_p99}, "ratio_to_baseline": ${distinct_ratio}},
  "verification_on_the_peer": {"endpoint": "the same, read-model.serve=false: Verify evaluated on the brand's peer", "requests_per_second": ${peer_rps}, "p50_ms": ${peer_p50}, "p99_ms": ${peer_p99}, "ratio_to_baseline": ${peer_ratio}},
  "goal": {"verifications_per_second_at_least": 5000, "ratio_to_baseline_at_least": 0.2},
  "met": $(awk -v r="${ver_rps}" -v q="${ratio}" 'BEGIN {print (r >= 5000 && q >= 0.2) ? "true" : "false"}'),
  "api_rss_mb_after_load": ${rss_mb}
}
JSON
print_comparison "verification (uncached, read model)"
printf '%-44s %12s %10s %10s %8s\n' "verification of distinct items (read model)" "${distinct_rps}" "${distinct_p50}" "${distinct_p99}" "${distinct_ratio}"
printf '%-44s %12s %10s %10s %8s\n' "verification (uncached, on the peer)" "${peer_rps}" "${peer_p50}" "${peer_p99}" "${peer_ratio}"
echo "ratio ${ratio}; goal >= 5,000/s and >= 0.2; written to bench/results/verify-fabric.json"
