// QR decoding shared by the scan page and the staff pages: ZXing-C++ compiled to WebAssembly. Its .wasm
// file is served beside these scripts and fetched the first time a picture is decoded, never from a CDN.
import { prepareZXingModule, purgeZXingModule, readBarcodes } from 'zxing-wasm/reader';

/** Each verdict's title and what it means, as the pages say it. */
export const VERDICTS = {
  GENUINE: ['Genuine', 'Registered by its manufacturer on the ledger.'],
  UNREGISTERED: ['Not registered', 'This product is unknown to the ledger: it is likely counterfeit.'],
  SIGNATURE_INVALID: ['Signature invalid', 'The label does not carry the signature registered for this item: the label may be forged.'],
  SIGNATURE_MISSING: ['Signature not checked', "This serial is registered, but the label's signature was not checked: scan the QR code."],
  STOLEN: ['Stolen', 'This item has been reported stolen. Do not buy it; tell the police.'],
  RECALLED: ['Recalled', 'The manufacturer has recalled this item.'],
  DECOMMISSIONED: ['Decommissioned', 'This item was destroyed or written off.'],
  SUSPECT_COPY: ['Suspect copy', 'This code has been scanned in implausibly many places, or too far apart too quickly: the label may be copied.'],
};

// the build names the decoder's file by its content's hash (browsers keep it for a year)
const WASM = process.env.ZXING_WASM || 'zxing_reader.wasm';
const OVERRIDES = {
  locateFile: (path, prefix) => (path.endsWith('.wasm') ? new URL(WASM, import.meta.url).href : prefix + path),
};
prepareZXingModule({ overrides: OVERRIDES });

/**
 * Fetches and starts the decoder now (while the camera starts, say) rather than on the first frame.
 * A failed load is forgotten, so that the next call, once the network is back, fetches it again.
 */
export async function loadDecoder() {
  try {
    await prepareZXingModule({ overrides: OVERRIDES, fireImmediately: true });
  } catch (e) {
    purgeZXingModule();
    prepareZXingModule({ overrides: OVERRIDES });
    throw e;
  }
}

const READER = { formats: ['QRCode'], maxNumberOfSymbols: 1 };

/** The text of the QR code in an image's pixels (an ImageData), or null. */
export async function decodeImage(image) {
  const [found] = await readBarcodes(image, READER);
  return found ? found.text : null;
}

/** The text of the QR code in a picture, video frame or bitmap, drawn at most 1024 px on its long side. */
export function decodeDrawable(source, width, height) {
  const scale = Math.min(1, 1024 / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return decodeImage(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

let warned = false;

/**
 * Films with the back camera into {@code video} and decodes a frame every {@code interval} ms; each code read
 * goes to {@code onCode(text)}, awaited before the next frame. Resolves to a function that stops the camera;
 * rejects when there is no camera or the user refused it.
 */
export async function scanCamera(video, onCode, interval = 150) {
  const constraints = { video: { facingMode: 'environment' }, audio: false };
  const stream = await navigator.mediaDevices.getUserMedia(constraints).catch(async (e) => {
    // a camera still held by another app or tab often frees itself a moment later: try once more,
    // unless the user said no
    if (e && e.name === 'NotAllowedError') throw e;
    await new Promise((resolve) => setTimeout(resolve, 700));
    return navigator.mediaDevices.getUserMedia(constraints);
  });
  let running = true;
  video.srcObject = stream;
  video.classList.add('active');
  // play() may settle late or not at all on some browsers: frames are polled either way
  video.play().catch(() => {});
  const tick = async () => {
    if (!running) return;
    let text = null;
    if (video.videoWidth > 0 && video.readyState >= 2) {
      text = await decodeDrawable(video, video.videoWidth, video.videoHeight).catch((e) => {
        if (!warned) console.warn('QR decoding failed:', e);
        warned = true;
        return null;
      });
    }
    if (text && running) await onCode(text);
    if (running) setTimeout(tick, interval);
  };
  tick();
  return () => {
    running = false;
    stream.getTracks().forEach((t) => t.stop());
    video.classList.remove('active');
  };
}
