#!/usr/bin/env bash
# CSV import end to end on the embedded ledger: rows per second from upload to DONE, against the
# baseline of the same number of rows posted as JSON batches in the same run. Goal: >= 5,000 rows/s.
# Writes bench/results/import.json.   BENCH_ROWS (default 50000)
source "$(dirname "$0")/lib.sh"

ROWS="${BENCH_ROWS:-50000}"
build_api
start_api
key="$(demo_key brand)"
python3 "${BENCH_DIR}/import.py" "http://127.0.0.1:${API_PORT}" "${key}" "C$(short_id)" "${ROWS}" >"${WORK}/import.json"
mkdir -p "${RESULTS}"
python3 - "${WORK}/import.json" "$(nproc)" >"${RESULTS}/import.json" <<'PY'
import json, sys, datetime
figures = json.load(open(sys.argv[1]))
print(json.dumps({"benchmark": "import", "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                  "machine": {"cores": int(sys.argv[2])},
                  "setup": "embedded ledger; api and client on this machine; unsigned rows (the api signs each)",
                  "goal": {"csv_rows_per_second_at_least": 5000},
                  **figures, "met": figures["csv_import"]["rows_per_second"] >= 5000}, indent=2))
PY
cat "${RESULTS}/import.json"
