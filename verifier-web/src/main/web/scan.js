// The SerialTrust scan page: read a label (camera, photo or typed), ask the resolver, show the verdict,
// and check the label's signature here in the browser with WebCrypto against the manufacturer's key.
import { ownerPath, parseLink, typedPath } from './link.js';
import { geohash } from './place.js';
import { decodeDrawable, loadDecoder, scanCamera, VERDICTS } from './qr.js';

const $ = (id) => document.getElementById(id);

/** A scanned text that is one of our Digital Links: go to it. */
function open(text) {
  let url;
  try {
    url = new URL(text, location.href);
  } catch {
    return showError('That code is not a product link.');
  }
  if (!url.pathname.startsWith('/01/')) {
    return showError('That code is not a GS1 Digital Link of a product.');
  }
  history.pushState({}, '', url.pathname + url.search);
  route();
}

function showError(message) {
  $('scan-error').textContent = message;
}

// --- a network that comes and goes: every failure says so, and what failed runs again once back online

let retry = null;

/** Says that the network failed, and keeps what to run again: on the button, or by itself when back online. */
function offline(again) {
  retry = again;
  $('net-error').hidden = false;
}

function runRetry() {
  const again = retry;
  retry = null;
  $('net-error').hidden = true;
  if (again) again();
}

let stopCamera = () => {};

async function startCamera() {
  const status = $('camera-status');
  status.textContent = 'Starting the camera…';
  // the decoder is fetched while the camera starts, not after the first frame
  const decoder = loadDecoder();
  try {
    stopCamera = await scanCamera($('video'), (text) => {
      stopCamera();
      status.textContent = 'Code found: checking…';
      open(text);
    });
  } catch (e) {
    decoder.catch(() => {});
    status.textContent = e && e.name === 'NotAllowedError'
      ? "Camera access was refused. To scan, allow the camera for this site (the camera or lock icon beside the address), then press the button again. Or upload a photo, or type the numbers."
      : 'No camera is available: upload a photo or type the numbers instead.';
    return;
  }
  try {
    await decoder;
  } catch {
    stopCamera();
    status.textContent = 'The code reader could not be loaded.';
    return offline(startCamera);
  }
  status.textContent = 'Point the camera at the QR code.';
}

async function uploadPhoto(file) {
  showError('');
  const bitmap = await createImageBitmap(file).catch(() => null);
  const text = bitmap ? await decodeDrawable(bitmap, bitmap.width, bitmap.height).catch(() => null) : null;
  if (text) return open(text);
  // the server tries harder: more scales, turns and binarizers
  let response;
  try {
    const headers = { 'Content-Type': file.type || 'application/octet-stream', ...(await placeHeaders()) };
    response = await fetch('/verify/photo', { method: 'POST', body: file, headers });
  } catch {
    return offline(() => uploadPhoto(file));
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) return showError(body.detail || 'The photo could not be read.');
  // the address keeps exactly the link that was decoded, signature and all: a reload checks the same label
  history.pushState({}, '', body.link);
  render(body, parseLink(location.pathname, location.search));
}

function b64(text) {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

/** The element string the manufacturer signed, in GS1 Digital Link order; a ( in a value is \\(. */
function elementString(v) {
  const esc = (value) => value.replaceAll('(', '\\(');
  let s = `(01)${v.item.gtin}`;
  if (v.cpv) s += `(22)${esc(v.cpv)}`;
  if (v.lot) s += `(10)${esc(v.lot)}`;
  s += `(21)${esc(v.item.serial)}`;
  if (v.productionDate) s += `(11)${v.productionDate}`;
  if (v.expiryDate) s += `(17)${v.expiryDate}`;
  return s;
}

async function checkSignature(v, sig) {
  const line = $('signature');
  line.className = 'signature';
  if (!v.registered || !v.publicKey) {
    line.textContent = '';
    return;
  }
  if (!sig) {
    line.textContent = 'Label signature: not checked (the link carries none).';
    return;
  }
  try {
    const key = await crypto.subtle.importKey('spki', b64(v.publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, b64(sig), new TextEncoder().encode(elementString(v)));
    // a signature made with the brand's key that is not the item's registered one is a re-signed label:
    // this line must not read well where the verdict does not
    const resigned = ok && v.verdict === 'SIGNATURE_INVALID';
    line.textContent = resigned
      ? "Label signature: made with the manufacturer's key, but not the one registered for this item."
      : ok ? "Label signature: valid — checked in this browser with the manufacturer's key."
        : "Label signature: does not match the manufacturer's key.";
    line.classList.add(ok && !resigned ? 'valid' : 'invalid');
  } catch {
    line.textContent = 'Label signature: could not be checked in this browser.';
    line.classList.add('invalid');
  }
}

function row(dl, label, value) {
  if (value === undefined || value === null || value === '') return;
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = String(value);
  dl.append(dt, dd);
}

function warranty(w) {
  if (!w) return '';
  if (w.status === 'ACTIVE') return `Active until ${w.until}`;
  if (w.status === 'EXPIRED') return `Expired on ${w.until}`;
  if (w.status === 'VOID') return `Void${w.voidReason ? `: ${w.voidReason}` : ''}`;
  return 'Not activated (starts at first sale)';
}

const ATTRIBUTES = { cpv: 'variant', lot: 'lot', productionDate: 'production date', expiryDate: 'expiry date' };

/** Why a label is invalid, in words: a compromised key, identifiers that differ, or another signature. */
function invalidText(v, text) {
  if (v.reason === 'KEY_COMPROMISED') return "The manufacturer's signing key for this item was declared compromised: the label cannot be trusted.";
  if (v.reason === 'ATTRIBUTE_MISMATCH' && v.mismatched && v.mismatched.length) {
    return `The label's ${v.mismatched.map((a) => ATTRIBUTES[a] || a).join(' and ')} differ from the registered item: the label may be forged.`;
  }
  return text;
}

/** Typed numbers that are not registered but read like a registered serial: ask, never say counterfeit. */
function suggest(v) {
  const box = $('did-you-mean');
  box.replaceChildren();
  const options = v.verdict === 'UNREGISTERED' && Array.isArray(v.didYouMean) ? v.didYouMean : [];
  box.hidden = options.length === 0;
  if (!options.length) return false;
  box.append('Did you mean ');
  options.forEach((serial, i) => {
    if (i) box.append(' or ');
    const a = document.createElement('a');
    a.href = typedPath(v.item.gtin, serial);
    a.textContent = serial;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      history.pushState({}, '', a.getAttribute('href'));
      route();
    });
    box.append(a);
  });
  box.append('?');
  return true;
}

function render(v, link) {
  const sig = link && link.sig;
  $('scan').hidden = true;
  $('result').hidden = false;
  const slip = suggest(v);
  const [title, text] = slip ? ['Check the number', `Nothing is registered as “${v.item.serial}”.`]
    : VERDICTS[v.verdict] || [v.verdict, ''];
  const verdict = $('verdict');
  verdict.textContent = title;
  verdict.className = `verdict ${slip ? 'SLIP' : v.verdict}`;
  verdict.dataset.verdict = v.verdict;
  $('verdict-text').textContent = v.verdict === 'GENUINE' && sig ? 'Registered by its manufacturer, with the signature on this label.'
    : v.verdict === 'SUSPECT_COPY' && v.suspectReason ? `The label may be copied: ${v.suspectReason}.`
    : v.verdict === 'SIGNATURE_INVALID' ? invalidText(v, text) : text;
  const details = $('details');
  details.replaceChildren();
  row(details, 'Product', v.productName);
  row(details, 'Manufacturer', v.manufacturerName || v.manufacturer);
  row(details, 'GTIN', v.item.gtin);
  row(details, 'Serial', v.item.serial);
  row(details, 'Lot', v.lot);
  row(details, 'Warranty', v.registered ? warranty(v.warranty) : '');
  row(details, 'Owners', v.registered ? v.owners : '');
  row(details, 'First sold', v.firstSoldAt ? v.firstSoldAt.slice(0, 10) : '');
  if (v.theft) row(details, 'Stolen', `Reported stolen on ${v.theft.date}`);
  const recall = $('recall');
  recall.hidden = !(v.recalls && v.recalls.length);
  recall.textContent = v.recalls && v.recalls.length ? `Recall notice: ${v.recalls.map((r) => r.notice).join(' — ')}` : '';
  const proof = $('proof-details');
  proof.replaceChildren();
  if (v.proof) {
    row(proof, 'Transaction', v.proof.txId);
    row(proof, 'Block', v.proof.block);
    row(proof, 'Time', new Date(v.proof.at).toLocaleString());
  }
  $('proof').hidden = !v.proof;
  $('owner').hidden = !v.registered;
  $('verdict').focus?.();
  checkSignature(v, sig);
}

/** The verification that the server put in the page it served for this link: used once, not asked again. */
function served() {
  const script = $('verification');
  if (!script) return null;
  script.remove();
  try {
    return JSON.parse(script.textContent);
  } catch {
    return null;
  }
}

// --- the coarse area that a user may choose to send with each check

const SHARE_AREA = 'serialtrust-share-area';
/** The header with the user's coarse area if they chose to share it, else none. */
async function placeHeaders() {
  const share = $('share-area');
  if (!share.checked || !navigator.geolocation) return {};
  const position = await new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(resolve, (e) => {
      if (e.code === e.PERMISSION_DENIED) {
        share.checked = false;
        localStorage.removeItem(SHARE_AREA);
      }
      resolve(null);
    }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 5000 });
  });
  return position ? { 'X-Scan-Place': geohash(position.coords.latitude, position.coords.longitude) } : {};
}

function showScan() {
  $('scan').hidden = false;
  $('result').hidden = true;
}

async function route() {
  stopCamera();
  retry = null;
  $('net-error').hidden = true;
  if (!location.pathname.startsWith('/01/')) return showScan();
  const link = parseLink(location.pathname, location.search);
  if (!link) {
    showScan();
    return showError('That address is not a product link.');
  }
  const given = served();
  if (given && given.problem) {
    showScan();
    return showError(`This label cannot be checked: ${given.problem.detail}`);
  }
  if (given) return render(given, link);
  let response;
  try {
    const headers = { Accept: 'application/json', ...(await placeHeaders()) };
    response = await fetch(location.pathname + location.search, { headers });
  } catch {
    showScan();
    return offline(route);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    showScan();
    return showError(body.detail || 'That product could not be checked.');
  }
  $('camera-status').textContent = '';
  render(body, link);
}

function ownerAction(form, action, fields) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    const link = parseLink(location.pathname, location.search);
    let response;
    try {
      response = await fetch(ownerPath(link, action), {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(fields(data)),
      });
    } catch {
      $('owner-message').textContent = 'No connection: nothing was sent. Try again once you are online.';
      return;
    }
    const body = await response.json().catch(() => ({}));
    $('owner-message').textContent = response.ok ? 'Done: recorded on the ledger.' : (body.detail || 'That did not work.');
    if (response.ok) {
      form.reset();
      route();
    }
  });
}

window.addEventListener('DOMContentLoaded', () => {
  $('start-camera').addEventListener('click', startCamera);
  $('photo').addEventListener('change', (e) => e.target.files[0] && uploadPhoto(e.target.files[0]));
  $('manual-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const gtin = $('gtin').value.trim();
    const serial = $('serial').value.trim();
    history.pushState({}, '', typedPath(gtin, serial));
    route();
  });
  ownerAction($('claim-form'), 'claim', (d) => ({ secret: d.secret, newSecret: d.newSecret }));
  ownerAction($('transfer-form'), 'transfer', (d) => ({ secret: d.secret, newSecret: d.newSecret }));
  ownerAction($('theft-form'), 'theft', (d) => ({ secret: d.secret, date: d.date, place: d.place, policeReport: d.policeReport || undefined }));
  const share = $('share-area');
  share.checked = localStorage.getItem(SHARE_AREA) === 'yes';
  share.addEventListener('change', () => {
    if (share.checked) localStorage.setItem(SHARE_AREA, 'yes');
    else localStorage.removeItem(SHARE_AREA);
  });
  window.addEventListener('popstate', route);
  window.addEventListener('online', runRetry);
  $('retry').addEventListener('click', runRetry);
  route();
});
