#!/usr/bin/env bash
# QR labels through the api: PNG labels per second (one request each, 2 clients), and a printable
# PDF sheet of a 1,000-item lot, against the baseline of the same 1,000 labels fetched one by one as
# PNG in the same run. Embedded ledger. Writes bench/results/labels.json.
source "$(dirname "$0")/lib.sh"

LOT_SIZE=1000
build_api
start_api
key="$(demo_key brand)"
prefix="Q$(short_id)-"
base="http://127.0.0.1:${API_PORT}"
REGISTER_WARMUP=0 REGISTER_NO_BASELINE=1 python3 "${BENCH_DIR}/register.py" "${base}" "${key}" "${prefix}" "${LOT_SIZE}" 1 "${LOT_SIZE}" >/dev/null

python3 - "${base}" "${key}" "${prefix}B${LOT_SIZE}-" "${LOT_SIZE}" >"${WORK}/labels.json" <<'PY'
import json, statistics, sys, threading, time, urllib.request
base, key, prefix, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def get(path):
    r = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + key})
    with urllib.request.urlopen(r, timeout=600) as response:
        return response.read()
def pngs(clients):
    serials = [f"{prefix}{i:07d}" for i in range(n)]
    lock = threading.Lock()
    def client():
        while True:
            with lock:
                if not serials: return
                s = serials.pop()
            body = get(f"/api/items/09520123456788/{s}/label.png")
            assert body[:8] == b"\x89PNG\r\n\x1a\n"
    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    [t.start() for t in threads]; [t.join() for t in threads]
    return time.monotonic() - started
pngs(2)  # warm-up
one_by_one = pngs(2)
sheets = []
for _ in range(4):
    started = time.monotonic()
    pdf = get(f"/api/lots/09520123456788/BENCH{n}/labels.pdf")
    sheets.append(time.monotonic() - started)
    assert pdf[:5] == b"%PDF-"
sheet = statistics.median(sheets[1:])
json.dump({"labels": n, "png_one_by_one": {"clients": 2, "seconds": round(one_by_one, 2),
           "labels_per_second": round(n / one_by_one)},
           "pdf_sheet": {"seconds_median_of_3": round(sheet, 2), "labels_per_second": round(n / sheet),
                         "bytes": len(pdf)},
           "sheet_vs_one_by_one": round(one_by_one / sheet, 3)}, sys.stdout)
PY
mkdir -p "${RESULTS}"
python3 - "${WORK}/labels.json" "$(nproc)" >"${RESULTS}/labels.json" <<'PY'
import json, sys, datetime
figures = json.load(open(sys.argv[1]))
print(json.dumps({"benchmark": "labels", "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                  "machine": {"cores": int(sys.argv[2])}, "setup": "embedded ledger; api and client on this machine",
                  **figures}, indent=2))
PY
cat "${RESULTS}/labels.json"
