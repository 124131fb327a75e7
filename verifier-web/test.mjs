// Runs the pages' unit tests in Node: each test file is bundled like the pages are, then run by node --test.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = 'src/test/web';
const out = 'target/web-test';
const tests = readdirSync(dir).filter((f) => f.endsWith('.test.js'));
await build({
  entryPoints: tests.map((f) => `${dir}/${f}`),
  bundle: true,
  platform: 'node',
  format: 'esm',
  outdir: out,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--test', ...tests.map((f) => `${out}/${f.replace(/\.js$/, '.mjs')}`)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
