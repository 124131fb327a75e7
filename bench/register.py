#!/usr/bin/env python3
"""Registration throughput through the api's POST /api/items, for a sweep of batch sizes.

For each batch size, CONCURRENCY clients send batches of new serials (the api signs each row with the
brand's key, checks which exist already, and submits RegisterItems, whose contract checks every
signature on-chain) until TOTAL serials are committed. The baseline, in the same run, is the same
batches sent again: every row is then found registered already, so the api only reads (CheckSerials)
and the ratio tells what committing costs beyond reading.

usage: register.py BASE_URL API_KEY SERIAL_PREFIX TOTAL CONCURRENCY SIZE...  (JSON on stdout)
Serials are SERIAL_PREFIX + "B" + size + "-" + a 7-digit number from REGISTER_FROM (default 0);
REGISTER_NO_BASELINE=1 skips the re-submission (to fill a ledger). REGISTER_CPU="NAME=PID,PID NAME=PID..."
names groups of processes whose CPU time each batch size's writes cost, in microseconds per serial, beside
this client's own and the share of the machine's cores that were busy (from /proc).

Before the sweep, warm-up rounds (10,000 serials in batches of 1,000 under their own prefix, written and
re-submitted) run until the rates of two rounds in a row differ by under 5 %, for at most REGISTER_WARMUP
seconds (default 240; 0: none): the api and the chaincode servers are JVMs whose JIT takes minutes of
load on 2 cores, and a sweep of a few seconds per size measured half-compiled code.
"""
import os
import json
import sys
import threading
import time
import urllib.request

GTIN = "09520123456788"


def post(base, key, rows):
    request = urllib.request.Request(base + "/api/items", data=json.dumps(rows).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def run(base, key, batches, concurrency, expect):
    """Sends every batch with CONCURRENCY clients; returns seconds taken. Each row must have status EXPECT."""
    queue = list(batches)
    lock = threading.Lock()
    errors = []

    def client():
        while True:
            with lock:
                if not queue or errors:
                    return
                rows = queue.pop()
            try:
                outcome = post(base, key, rows)
                wrong = [i for i in outcome["items"] if i.get("status") != expect]
                if wrong:
                    errors.append(f"{len(wrong)} rows not {expect}, e.g. {wrong[0]}")
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(repr(e))

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit("bench: " + errors[0])
    return time.monotonic() - started


def process_groups():
    """The groups of REGISTER_CPU, NAME -> [PID...], and this client under its own name."""
    groups = {"client (this script)": [os.getpid()]}
    for group in os.environ.get("REGISTER_CPU", "").split():
        name, _, pids = group.partition("=")
        groups[name] = [int(p) for p in pids.split(",") if p]
    return groups


def cpu_ticks(pid):
    """User and system clock ticks of PID so far (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0


def busy_ticks():
    """(busy, all) clock ticks of every core of the machine so far."""
    with open("/proc/stat") as stat:
        ticks = [int(t) for t in stat.readline().split()[1:]]
    return sum(ticks) - ticks[3] - ticks[4], sum(ticks)


def measured(action, serials):
    """Runs ACTION; its seconds, and the CPU it cost each process group in microseconds per serial."""
    groups = process_groups()
    before = {name: sum(cpu_ticks(p) for p in pids) for name, pids in groups.items()}
    busy_before, all_before = busy_ticks()
    seconds = action()
    busy_after, all_after = busy_ticks()
    hz = os.sysconf("SC_CLK_TCK")
    cpu = {name: round((sum(cpu_ticks(p) for p in pids) - before[name]) / hz * 1e6 / serials)
           for name, pids in groups.items()}
    cores = os.cpu_count() * (busy_after - busy_before) / max(1, all_after - all_before)
    return seconds, {"cpu_us_per_serial": cpu, "cores_busy": round(cores, 2), "cores": os.cpu_count()}


def batches_of(serial_prefix, lot, first, total, size):
    """TOTAL rows numbered from FIRST, serial SERIAL_PREFIX + a 7-digit number, in batches of SIZE."""
    return [[{"gtin": GTIN, "serial": f"{serial_prefix}{i:07d}", "lot": lot}
             for i in range(start, min(first + total, start + size))]
            for start in range(first, first + total, size)]


def warm_up(base, key, prefix, concurrency, limit):
    """Rounds of writes and re-submissions until the rates settle or LIMIT seconds pass; the rounds' rates."""
    rounds, started, size, n = [], time.monotonic(), 1000, 10000
    while limit > 0 and time.monotonic() - started < limit:
        first = len(rounds) * n
        batches = batches_of(f"{prefix}W-", "WARM", first, n, size)
        rates = (round(n / run(base, key, batches, concurrency, "REGISTERED")),
                 round(n / run(base, key, batches, concurrency, "ALREADY_REGISTERED")))
        rounds.append(rates)
        print(f"warm-up round {len(rounds)}: {rates[0]} serials/s registered, {rates[1]}/s re-submitted", file=sys.stderr)
        if len(rounds) >= 2 and all(abs(a - b) < 0.05 * b for a, b in zip(rates, rounds[-2])):
            break
    return {"rounds": [{"serials_per_second": w, "resubmitted_per_second": r} for w, r in rounds],
            "seconds": round(time.monotonic() - started, 1)}


def main():
    base, key, prefix, total, concurrency = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    first = int(os.environ.get("REGISTER_FROM", "0"))
    baseline = os.environ.get("REGISTER_NO_BASELINE") != "1"
    warm = warm_up(base, key, prefix, concurrency, float(os.environ.get("REGISTER_WARMUP", "240")))
    results = []
    for size in [int(s) for s in sys.argv[6:]]:
        batches = batches_of(f"{prefix}B{size}-", f"BENCH{size}", first, total, size)
        write, cpu = measured(lambda: run(base, key, batches, concurrency, "REGISTERED"), total)
        if not baseline:
            results.append({"batch_size": size, "serials": total, "seconds": round(write, 2)})
            print(f"batch {size:5d}: {total / write:8.0f} serials/s registered", file=sys.stderr)
            continue
        read = run(base, key, batches, concurrency, "ALREADY_REGISTERED")
        results.append({
            "batch_size": size,
            "serials": total,
            "register": {"seconds": round(write, 2), "serials_per_second": round(total / write), **cpu},
            "baseline_resubmit_read_only": {"seconds": round(read, 2), "serials_per_second": round(total / read)},
            "ratio_to_baseline": round(read / write, 3),
        })
        print(f"batch {size:5d}: {total / write:8.0f} serials/s registered, {total / read:8.0f}/s re-submitted "
              f"(read only), ratio {read / write:.3f}; {cpu['cores_busy']} of {cpu['cores']} cores busy, CPU per serial: "
              + ", ".join(f"{name} {us} us" for name, us in cpu["cpu_us_per_serial"].items()), file=sys.stderr)
    json.dump({"warmup": warm, "sweep": results}, sys.stdout)


if __name__ == "__main__":
    main()
