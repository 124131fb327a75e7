#!/usr/bin/env bash
# Registration: serials committed per second through POST /api/items (the api signs each row, reads
# which exist, and submits RegisterItems, whose contract checks every signature), for a sweep of
# batch sizes, on the embedded ledger and on the Fabric network of network/. The baseline of each
# size, in the same run, is the same batches sent again (every row found registered: reads only).
# On Fabric it also reports the read model's lag: from each write's commit on the peer to its block in
# the api's read model (what a query sees), p50, p99 and the longest, from the api's own timer.
# Writes bench/results/register.json. Goals: >= 20,000 serials/s embedded, >= 2,000/s on Fabric;
# read-model lag p99 <= 1 s. Each size's writes also say how busy the machine's cores were and the CPU
# time per serial of each process: the api, and on Fabric the chaincode servers, the peers and the orderer.
#   BENCH_SERIALS (default 20000), BENCH_CLIENTS (default 4), BENCH_SIZES (default "100 500 1000"),
#   BENCH_LEDGERS (default "embedded fabric")
source "$(dirname "$0")/lib.sh"

SERIALS="${BENCH_SERIALS:-20000}"
CLIENTS="${BENCH_CLIENTS:-4}"
read -r -a SIZES <<<"${BENCH_SIZES:-100 500 1000}"
read -r -a LEDGERS <<<"${BENCH_LEDGERS:-embedded fabric}"
build_api
cd "${REPO_DIR}" # the api reads network/.state/api.properties from here

started_network=0
trap 'cleanup; if ((started_network)); then "${REPO_DIR}/network/network.sh" down >/dev/null; fi' EXIT

declare -A figures rss
for ledger in "${LEDGERS[@]}"; do
  prefix="R$(short_id)${ledger:0:1}"
  if [[ "${ledger}" == fabric ]]; then
    if ! "${REPO_DIR}/network/network.sh" up | grep -q "already up"; then started_network=1; fi
    start_api --serialtrust.ledger.mode=fabric --serialtrust.demo.serial-prefix="${prefix}D"
    await_read_model
  else
    start_api
  fi
  key="$(demo_key brand)"
  # where the CPU of each size's writes goes: the api, and on Fabric the chaincode servers, peers and orderer
  groups="api=${API_PID}"
  if [[ "${ledger}" == fabric ]]; then
    groups+=" chaincode=$(pgrep -d, -f serialtrust-chaincode-server.jar) peers=$(pgrep -d, -x peer) orderer=$(pgrep -d, -x orderer)"
  fi
  echo "registering ${SERIALS} serials per batch size on the ${ledger} ledger, ${CLIENTS} clients" >&2
  figures[${ledger}]="$(REGISTER_CPU="${groups}" python3 "${BENCH_DIR}/register.py" "http://127.0.0.1:${API_PORT}" "${key}" "${prefix}" \
    "${SERIALS}" "${CLIENTS}" "${SIZES[@]}")"
  rss[${ledger}]="$(rss_mb "${API_PID}")"
  if [[ "${ledger}" == fabric ]]; then
    authority="$(demo_key authority)"
    lag="$(curl -fs -H "Authorization: Bearer ${authority}" "http://127.0.0.1:${API_PORT}/actuator/prometheus" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(pattern):
    m = re.search(r"^serialtrust_read_model_lag_seconds" + pattern + r" ([0-9.eE+-]+)$", text, re.M)
    return round(float(m.group(1)) * 1000, 1) if m else None
print("{\"p50_ms\": %s, \"p99_ms\": %s, \"max_ms\": %s, \"writes\": %s}" % (ms(r"\{[^}]*quantile=\"0.5\"[^}]*\}"),
      ms(r"\{[^}]*quantile=\"0.99\"[^}]*\}"), ms(r"_max\{[^}]*\}"), int(float(ms(r"_count\{[^}]*\}") / 1000))))
')"
  fi
  kill "${API_PID}"; wait "${API_PID}" 2>/dev/null || true
  rm -rf "${WORK}/data"
done

best() { echo "$1" | python3 -c 'import json,sys; print(max(r["register"]["serials_per_second"] for r in json.load(sys.stdin)["sweep"]))'; }
mkdir -p "${RESULTS}"
{
  echo '{'
  echo '  "benchmark": "register",'
  echo "  \"date\": \"$(date -u +%FT%TZ)\","
  echo "  \"machine\": {\"cores\": $(nproc)},"
  echo "  \"load\": {\"clients\": ${CLIENTS}, \"serials_per_batch_size\": ${SERIALS}, \"path\": \"POST /api/items: api signs (ECDSA P-256), CheckSerials, RegisterItems with on-chain signature checks\"},"
  echo '  "goals": {"embedded_serials_per_second_at_least": 20000, "fabric_serials_per_second_at_least": 2000},'
  first=1
  for ledger in "${LEDGERS[@]}"; do
    ((first)) || echo ','
    first=0
    goal=$([[ "${ledger}" == fabric ]] && echo 2000 || echo 20000)
    b="$(best "${figures[${ledger}]}")"
    extra=""
    [[ "${ledger}" == fabric ]] && extra=", \"read_model_lag\": ${lag}, \"read_model_lag_goal_p99_ms_at_most\": 1000"
    printf '  "%s": {"date": "%s", "measured": %s, "best_serials_per_second": %s, "met": %s, "api_rss_mb_after": %s%s}' "${ledger}" \
      "$(date -u +%FT%TZ)" "${figures[${ledger}]}" "${b}" "$( ((b >= goal)) && echo true || echo false)" "${rss[${ledger}]}" "${extra}"
  done
  echo
  echo '}'
} >"${WORK}/register.json"
# a ledger left out of BENCH_LEDGERS keeps the figures of its own last run, with that run's date
python3 - "${WORK}/register.json" "${RESULTS}/register.json" <<'EOF'
import json, os, sys
fresh, path = sys.argv[1], sys.argv[2]
results = json.load(open(fresh))
if os.path.exists(path):
    before = json.load(open(path))
    for ledger in ("embedded", "fabric"):
        if ledger not in results and ledger in before:
            results[ledger] = {"date": before["date"], **before[ledger]}
with open(path, "w") as out:
    json.dump(results, out, indent=1)
EOF
echo "written to bench/results/register.json"
