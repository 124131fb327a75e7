// First view of the scan page in Debian's Chromium: from navigation to the verdict on screen, for a
// label's link, against the same browser loading GET /ping (the baseline) in the same run.
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [base, label, out] = process.argv.slice(2);
const runs = Number(process.env.BENCH_RUNS || 30);
const browser = await chromium.launch({
  executablePath: execSync('command -v chromium', { shell: '/bin/bash' }).toString().trim(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function time(url, ready) {
  const samples = [];
  for (let i = 0; i < runs + 3; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await ready(page);
    if (i >= 3) samples.push(Date.now() - start); // three cold runs warm the server and the browser
    await context.close();
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { runs, median_ms: at(0.5), p95_ms: at(0.95), max_ms: samples[samples.length - 1] };
}

const baseline = await time(`${base}/ping`, async (page) => page.waitForFunction(() => document.body.innerText.includes('pong')));
const scan = await time(label, async (page) => page.waitForSelector('#verdict[data-verdict]'));
const home = await time(`${base}/app/`, async (page) => page.waitForSelector('#start-camera'));
await browser.close();
const result = {
  benchmark: 'first-view',
  date: new Date().toISOString(),
  viewport: '360x740',
  baseline_ping: baseline,
  scan_page_to_verdict: scan,
  scan_page_ready_to_scan: home,
  ratio_verdict_to_ping_median: Number((scan.median_ms / baseline.median_ms).toFixed(2)),
  goal: { first_view_ms_at_most: 1000 },
  met: scan.p95_ms <= 1000,
};
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`${'page (360 px, localhost)'.padEnd(36)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}`);
console.log(`${'GET /ping (baseline)'.padEnd(36)} ${String(baseline.median_ms).padStart(10)} ${String(baseline.p95_ms).padStart(8)}`);
console.log(`${'scan page, ready to scan'.padEnd(36)} ${String(home.median_ms).padStart(10)} ${String(home.p95_ms).padStart(8)}`);
console.log(`${'label link, verdict shown'.padEnd(36)} ${String(scan.median_ms).padStart(10)} ${String(scan.p95_ms).padStart(8)}`);
