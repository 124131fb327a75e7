// QR decoding shared by the scan page and the staff pages.
// deep imports of the ES modules: only the QR decoder goes into the bundle
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';

/** Each verdict's title and what it means, as the pages say it. */
export const VERDICTS = {
  GENUINE: ['Genuine', 'Registered by its manufacturer on the ledger.'],
  UNREGISTERED: ['Not registered', 'This product is unknown to the ledger: it is likely counterfeit.'],
  SIGNATURE_INVALID: ['Signature invalid', 'The label does not carry the signature registered for this item: the label may be forged.'],
  STOLEN: ['Stolen', 'This item has been reported stolen. Do not buy it; tell the police.'],
  RECALLED: ['Recalled', 'The manufacturer has recalled this item.'],
  DECOMMISSIONED: ['Decommissioned', 'This item was destroyed or written off.'],
  SUSPECT_COPY: ['Suspect copy', 'This code has been scanned in implausibly many places: the label may be copied.'],
};

const reader = new QRCodeReader();

/** The text of a QR code in an image's pixels, or null. */
function decodePixels(data, width, height) {
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < luminance.length; i++, p += 4) {
    luminance[i] = (data[p] * 299 + data[p + 1] * 587 + data[p + 2] * 114) / 1000;
  }
  try {
    return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
  } catch {
    return null;
  }
}

export function decodeDrawable(source, width, height) {
  const scale = Math.min(1, 1024 / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return decodePixels(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
}

