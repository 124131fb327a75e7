#!/usr/bin/env bash
# First view of the scan page on localhost (goal: under 1 s), in Debian's Chromium driven by
# playwright-core, against the same browser loading GET /ping. Writes bench/results/first-view.json.
source "$(dirname "$0")/lib.sh"

need chromium chromium
build_api
start_api
(cd "${BENCH_DIR}" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p "${RESULTS}"
node "${BENCH_DIR}/first-view.mjs" "http://127.0.0.1:${API_PORT}" "$(demo_label 1 | sed 's/localhost/127.0.0.1/')" \
  "${RESULTS}/first-view.json"
echo "written to bench/results/first-view.json"
