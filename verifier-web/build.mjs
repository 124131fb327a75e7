// Bundles the scan page into target/classes/static/app, where the api serves it from its class path.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const out = 'target/classes/static/app';
rmSync(out, { recursive: true, force: true }); // no chunk of an earlier build left behind
mkdirSync(out, { recursive: true });

// Every file but the pages gets its content's hash in its name, so that the api can let browsers keep
// it for a year (a changed file is a new name) and a second visit fetches nothing but the page.
const hash = (bytes) => createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
const hashed = (file, bytes) => file.replace(/(\.[a-z]+)$/, `-${hash(bytes)}$1`);

const wasmBytes = readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
const wasmName = hashed('zxing_reader.wasm', wasmBytes);
writeFileSync(`${out}/${wasmName}`, wasmBytes);

const result = await build({
  entryPoints: ['src/main/web/scan.js', 'src/main/web/staff.js'],
  bundle: true,
  splitting: true,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: out,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // the decoder's file name, hashed like the rest (qr.js falls back to the plain name in Node's tests)
  define: { 'process.env.ZXING_WASM': JSON.stringify(wasmName) },
});
const names = {};
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (meta.entryPoint) names[basename(meta.entryPoint)] = basename(file);
}
// the dashboard's charts need uPlot's own rules: they travel in the one style sheet
const sources = {
  'style.css': () => Buffer.concat([readFileSync('src/main/web/style.css'), readFileSync('node_modules/uplot/dist/uPlot.min.css')]),
  'favicon.svg': () => readFileSync('src/main/web/favicon.svg'),
};
for (const [file, read] of Object.entries(sources)) {
  const bytes = read();
  names[file] = hashed(file, bytes);
  writeFileSync(`${out}/${names[file]}`, bytes);
}
for (const page of ['index.html', 'staff.html', 'product.html']) {
  let html = readFileSync(`src/main/web/${page}`, 'utf8');
  for (const [plain, name] of Object.entries(names)) {
    html = html.replaceAll(`/app/${plain}"`, `/app/${name}"`);
  }
  writeFileSync(`${out}/${page}`, html);
}
const js = readdirSync(out).filter((f) => f.endsWith('.js'));
const total = js.reduce((sum, f) => sum + statSync(`${out}/${f}`).size, 0);
console.log(`verifier-web: ${js.length} scripts, ${Math.round(total / 1024)} KiB minified; decoder ${Math.round(wasmBytes.length / 1024)} KiB, fetched as the camera starts`);
