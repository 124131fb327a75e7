// Bundles the scan page into target/classes/static/app, where the api serves it from its class path.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';

const out = 'target/classes/static/app';
rmSync(out, { recursive: true, force: true }); // no chunk of an earlier build left behind
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/main/web/scan.js', 'src/main/web/staff.js'],
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: out,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'staff.html', 'style.css', 'favicon.svg']) {
  cpSync(`src/main/web/${file}`, `${out}/${file}`);
}
// the QR decoder's WebAssembly, fetched by the scripts from beside them on the first decode
cpSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', `${out}/zxing_reader.wasm`);
const js = readdirSync(out).filter((f) => f.endsWith('.js'));
const total = js.reduce((sum, f) => sum + statSync(`${out}/${f}`).size, 0);
const wasm = statSync(`${out}/zxing_reader.wasm`).size;
console.log(`verifier-web: ${js.length} scripts, ${Math.round(total / 1024)} KiB minified; decoder ${Math.round(wasm / 1024)} KiB, loaded on first scan`);
