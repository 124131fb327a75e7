#!/usr/bin/env bash
# JMH micro-benchmarks: a label signature check with Bouncy Castle against the JDK's SunEC (same run),
# reading a state object's three instants with Jackson's reader against the ledger's form (same run),
# QR encode and decode, and RegisterItems transactions of 100 to 2,000 signed items in process.
# Writes bench/results/jmh-raw.json (JMH's own) and bench/results/jmh.json (the figures), prints a table.
source "$(dirname "$0")/lib.sh"

JAR="${REPO_DIR}/bench/jmh/target/benchmarks.jar"
# built again when a source it holds is newer (a jar built once measured yesterday's code), then copied,
# so that no later build replaces it under the running benchmark
if [[ ! -f "${JAR}" || -n "$(cd "${REPO_DIR}" && find pom.xml bench/jmh/pom.xml bench/jmh/src chaincode/pom.xml chaincode/src/main \
  ledger-sim/pom.xml ledger-sim/src/main -newer "${JAR}" -print -quit)" ]]; then
  echo "bench: building the benchmarks" >&2
  "${REPO_DIR}/mvnw" -q -B -f "${REPO_DIR}/pom.xml" -pl bench/jmh -am package -DskipTests
fi
cp "${JAR}" "${WORK}/benchmarks.jar"
mkdir -p "${RESULTS}"
java -jar "${WORK}/benchmarks.jar" -f 1 -wi 2 -w 2s -i 3 -r 3s -rf json -rff "${RESULTS}/jmh-raw.json" "${@:-}" >"${WORK}/jmh.log" 2>&1 \
  || { tail -30 "${WORK}/jmh.log" >&2; exit 1; }

python3 - "${RESULTS}/jmh-raw.json" "${RESULTS}/jmh.json" <<'PY'
import json, sys, datetime
raw = json.load(open(sys.argv[1]))
score = {}
for r in raw:
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    if r.get("params"):
        name += "[" + ",".join(f"{k}={v}" for k, v in r["params"].items()) + "]"
    score[name] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], r["primaryMetric"]["scoreUnit"])
bc = score["SignatureBenchmark.bouncyCastle"][0]
jdk = score["SignatureBenchmark.jdkSunEc"][0]
out = {
    "benchmark": "jmh",
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "settings": "1 fork, 2 warm-up and 3 measured iterations; one thread",
    "signature_check_us": {"bouncy_castle": round(bc, 1), "jdk_sunec": round(jdk, 1)},
    "bouncy_castle_speedup_over_sunec": round(jdk / bc, 2),
    "qr_us": {k.split(".")[1]: round(v[0], 1) for k, v in score.items() if k.startswith("QrBenchmark")},
    "png_labels_per_second_per_core": round(1e6 / score["QrBenchmark.encodePng"][0]),
    "qr_decodes_per_second_per_core": round(1e6 / score["QrBenchmark.decode"][0]),
    "registration": {},
}
jackson = score["InstantBenchmark.jacksonsReader"][0]
ledger = score["InstantBenchmark.ledgerForm"][0]
out["three_instants_read_ns"] = {"jacksons_reader": round(jackson), "ledger_form": round(ledger)}
out["ledger_form_speedup_over_jacksons_reader"] = round(jackson / ledger, 2)
for k, v in score.items():
    if k.startswith("RegistrationBenchmark"):
        batch = int(k.split("batch=")[1].rstrip("]"))
        per_s = batch / (v[0] / 1000)
        out["registration"][str(batch)] = {
            "ms_per_transaction": round(v[0], 1),
            "items_per_second": round(per_s),
            "share_of_time_in_signature_checks": round(per_s * bc / 1e6, 2),
        }
json.dump(out, open(sys.argv[2], "w"), indent=2)
print(f"{'figure':52} {'value':>14}")
print(f"{'signature check, Bouncy Castle (us)':52} {bc:14.1f}")
print(f"{'signature check, JDK SunEC (us)':52} {jdk:14.1f}")
print(f"{'speed-up of Bouncy Castle over SunEC (same run)':52} {jdk / bc:14.2f}")
print(f"{'three instants read, Jackson alone (ns)':52} {jackson:14.0f}")
print(f"{'three instants read, the ledger form (ns)':52} {ledger:14.0f}")
print(f"{'PNG labels per second per core':52} {out['png_labels_per_second_per_core']:14d}")
print(f"{'QR decodes per second per core':52} {out['qr_decodes_per_second_per_core']:14d}")
for batch, r in sorted(out["registration"].items(), key=lambda x: int(x[0])):
    print(f"{'RegisterItems, batch ' + batch + ': items/s (in memory)':52} {r['items_per_second']:14d}")
print("written to bench/results/jmh.json")
PY
