#!/usr/bin/env python3
"""CSV import throughput, end to end: upload a CSV of ROWS unsigned rows to POST /api/imports and time
until the import says DONE (the api spools the file, signs every row with the brand's key, checks which
exist, and registers them in RegisterItems batches whose contract checks every signature).

The baseline, in the same run, is the registration path without the CSV: the same number of other
rows, posted as JSON batches of 1,000 to POST /api/items by 2 clients (signed, checked and registered
the same way).

usage: import.py BASE_URL API_KEY SERIAL_PREFIX ROWS  (JSON on stdout)
"""
import json
import sys
import time
import urllib.request

sys.path.insert(0, __import__("os").path.dirname(__file__))
import register  # noqa: E402 - the baseline is register.py's path

GTIN = "09520123456788"


def request(base, key, path, data=None, content_type=None):
    headers = {"Authorization": "Bearer " + key}
    if content_type:
        headers["Content-Type"] = content_type
    r = urllib.request.Request(base + path, data=data, method="POST" if data is not None else "GET", headers=headers)
    with urllib.request.urlopen(r, timeout=600) as response:
        return json.load(response)


def import_csv(base, key, prefix, rows):
    csv = "gtin,serial,lot\n" + "".join(f"{GTIN},{prefix}I{i:07d},IMPORT\n" for i in range(rows))
    started = time.monotonic()
    job = request(base, key, "/api/imports", csv.encode(), "text/csv")
    while job["state"] in ("QUEUED", "RUNNING"):
        time.sleep(0.05)
        job = request(base, key, "/api/imports/" + job["id"])
    seconds = time.monotonic() - started
    if job["state"] != "DONE" or job["registered"] != rows:
        sys.exit(f"bench: the import ended {job}")
    return seconds


def main():
    base, key, prefix, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    for w in range(3):  # warm-up: the JIT compiles the signing, checking and committing paths
        import_csv(base, key, f"{prefix}W{w}", 10000)
    seconds = import_csv(base, key, prefix, rows)
    batches = [[{"gtin": GTIN, "serial": f"{prefix}J{i:07d}", "lot": "IMPORT"} for i in range(start, min(rows, start + 1000))]
               for start in range(0, rows, 1000)]
    baseline = register.run(base, key, batches, 2, "REGISTERED")
    json.dump({"rows": rows,
               "csv_import": {"seconds": round(seconds, 2), "rows_per_second": round(rows / seconds)},
               "baseline_json_batches": {"batch_size": 1000, "clients": 2, "seconds": round(baseline, 2),
                                         "rows_per_second": round(rows / baseline)},
               "ratio_to_baseline": round(baseline / seconds, 3)}, sys.stdout)
    print(f"csv import: {rows / seconds:.0f} rows/s; JSON batches: {rows / baseline:.0f} rows/s", file=sys.stderr)


if __name__ == "__main__":
    main()
