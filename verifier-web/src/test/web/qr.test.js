// The decoder the pages use, on camera frames made from labels as the api prints them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import BarcodeFormat from '@zxing/library/esm/core/BarcodeFormat';
import EncodeHintType from '@zxing/library/esm/core/EncodeHintType';
import QRCodeWriter from '@zxing/library/esm/core/qrcode/QRCodeWriter';
import { readFileSync } from 'node:fs';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { decodeImage } from '../../main/web/qr.js';

// what a browser has and Node lacks: ImageData, and the .wasm file that the pages fetch from the server
globalThis.ImageData ??= class {
  constructor(data, width, height) {
    Object.assign(this, { data, width, height, colorSpace: 'srgb' });
  }
};
prepareZXingModule({ overrides: { wasmBinary: readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm') } });

const WIDTH = 640;
const HEIGHT = 480;
const GREY = 170;

/** A small seeded generator, so that a failing label can be made again. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A label's link as the api prints it: the resolver, GTIN, serial and a 64-byte signature. */
function labelLink(next, index) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let sig = '';
  for (let i = 0; i < 86; i++) sig += alphabet[Math.floor(next() * 64)];
  const port = 30000 + Math.floor(next() * 30000);
  return `http://localhost:${port}/01/09520123456788/21/DEMO-${String(index).padStart(4, '0')}?sig=${sig}`;
}

/** The label's modules with the api's settings: error correction M, a four-module quiet zone. */
function modules(text) {
  const hints = new Map([[EncodeHintType.ERROR_CORRECTION, 'M'], [EncodeHintType.MARGIN, 4]]);
  return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
}

/**
 * An RGBA camera frame: a grey scene with the label in the middle, {@code edge} pixels wide, turned by
 * {@code degrees}. {@code smooth} samples the label as a lens does (each pixel the mean of what it covers);
 * otherwise each pixel takes the nearest module, so some modules come out a pixel wider than others.
 */
function frame(matrix, edge, smooth, degrees = 0) {
  const rgba = new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(GREY);
  const n = matrix.getWidth();
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  // the share of the label's ink at a point of the frame, 0 outside the label
  const ink = (fx, fy) => {
    const dx = fx - WIDTH / 2;
    const dy = fy - HEIGHT / 2;
    const u = ((dx * cos + dy * sin) / edge + 0.5) * n;
    const v = ((dy * cos - dx * sin) / edge + 0.5) * n;
    if (u < 0 || v < 0 || u >= n || v >= n) return null;
    return matrix.get(Math.floor(u), Math.floor(v)) ? 1 : 0;
  };
  const samples = smooth ? [0.25, 0.75] : [0.5];
  const reach = Math.ceil(edge * Math.SQRT1_2) + 1; // the turned label lies within this of the middle
  for (let y = Math.max(0, HEIGHT / 2 - reach); y < Math.min(HEIGHT, HEIGHT / 2 + reach); y++) {
    for (let x = Math.max(0, WIDTH / 2 - reach); x < Math.min(WIDTH, WIDTH / 2 + reach); x++) {
      let value = 0;
      for (const sy of samples) {
        for (const sx of samples) {
          const share = ink(x + sx, y + sy);
          value += share === null ? GREY : 255 * (1 - share);
        }
      }
      const p = (y * WIDTH + x) * 4;
      rgba[p] = rgba[p + 1] = rgba[p + 2] = Math.round(value / (samples.length * samples.length));
    }
  }
  return rgba;
}

/** The links of those among {@code labels} random labels, filmed so, that do not decode back to themselves. */
async function undecoded(labels, edge, smooth, degrees = 0) {
  const next = random(edge * 7919 + degrees * 31 + (smooth ? 1 : 0));
  const missed = [];
  for (let i = 0; i < labels; i++) {
    const text = labelLink(next, i);
    const image = new ImageData(frame(modules(text), edge, smooth, degrees), WIDTH, HEIGHT);
    if ((await decodeImage(image)) !== text) missed.push(text);
  }
  return missed;
}
for (const edge of [200, 240, 300, 360, 440]) {
  test(`every one of 100 labels decodes when the camera sees it ${edge} px wide`, async () => {
    assert.deepEqual(await undecoded(100, edge, false), []);
  });
  test(`every one of 100 labels decodes when the lens blurs it, ${edge} px wide`, async () => {
    assert.deepEqual(await undecoded(100, edge, true), []);
  });
}

for (const degrees of [15, 90, 200]) {
  test(`every one of 50 labels decodes when the camera holds it turned by ${degrees}°`, async () => {
    assert.deepEqual(await undecoded(50, 300, true, degrees), []);
  });
}

test('a frame with no code in it decodes to nothing', async () => {
  assert.equal(await decodeImage(new ImageData(new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(GREY), WIDTH, HEIGHT)), null);
});
