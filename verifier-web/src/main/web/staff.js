// The staff desks: goods-in for retailers, list and close-serial checks for the police, and the
// manufacturer's CSV import, label sheets, recalls, product links, suspect codes and signing keys. Staff sign in with their
// organisation's API key, kept for this tab only (sessionStorage).
import { scanCamera, VERDICTS } from './qr.js';
import { productLinks } from './links.js';

const $ = (id) => document.getElementById(id);
const KEY = 'serialtrust-api-key';

function key() {
  return sessionStorage.getItem(KEY);
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${key()}` } });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.blob();
  if (!response.ok) throw new Error((body && body.detail) || `HTTP ${response.status}`);
  return body;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

// --- sign-in and desks

async function signIn(candidate) {
  sessionStorage.setItem(KEY, candidate);
  try {
    const me = await api('/api/me');
    $('who').textContent = `Signed in as ${me.organisation} (${me.mspId})`;
    $('signin').hidden = true;
    $('desk').hidden = false;
    show(me.organisation === 'police' ? 'police' : me.organisation === 'brand' ? 'manufacturer' : 'goods-in');
    if (me.organisation === 'police') sightings();
    if (me.organisation === 'brand') dashboard();
  } catch {
    sessionStorage.removeItem(KEY);
    $('signin-error').textContent = 'That API key was not accepted.';
  }
}

function show(desk) {
  for (const section of document.querySelectorAll('.desk')) section.hidden = section.id !== desk;
  for (const button of document.querySelectorAll('[data-desk]')) {
    if (button.dataset.desk === desk) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
}

// --- the manufacturer's dashboard (its charts and map are a chunk of their own, fetched only here)

async function dashboard() {
  const root = $('dashboard');
  const status = root.querySelector('[data-part=status]');
  root.setAttribute('aria-busy', 'true');
  try {
    const [{ render }, data] = await Promise.all([import('./dashboard.js'), api('/api/dashboard')]);
    render(root, data);
  } catch (e) {
    status.textContent = `The dashboard could not be loaded: ${e.message}`;
  } finally {
    root.removeAttribute('aria-busy');
  }
}

// --- goods-in

const received = new Map();

async function checkItem(text) {
  let path = text.trim();
  try {
    path = new URL(path, location.href).pathname + new URL(path, location.href).search;
  } catch { /* a bare path */ }
  if (!path.startsWith('/01/')) {
    $('goods-message').textContent = 'That is not a product label link.';
    return;
  }
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const v = await response.json();
  const row = document.createElement('tr');
  if (!response.ok) {
    cell(row, path);
    cell(row, v.code || 'ERROR', 'UNREGISTERED');
    cell(row, v.detail || '');
  } else {
    cell(row, v.item.serial);
    cell(row, (VERDICTS[v.verdict] || [v.verdict])[0], v.verdict);
    cell(row, v.status || '');
    if (v.verdict === 'GENUINE' && v.status === 'IN_TRANSIT') received.set(`${v.item.gtin}/${v.item.serial}`, { gtin: v.item.gtin, serial: v.item.serial });
  }
  $('goods-list').prepend(row);
  $('receive').hidden = received.size === 0;
}

async function receiveAll() {
  try {
    await api('/api/receipts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items: [...received.values()] }) });
    $('goods-message').textContent = `${received.size} items received into stock.`;
    received.clear();
    $('receive').hidden = true;
  } catch (e) {
    $('goods-message').textContent = e.message;
  }
}

async function camera() {
  // each label once per camera session: the camera keeps seeing a label while the next one comes into view
  const seen = new Set();
  try {
    await scanCamera($('video'), async (text) => {
      if (seen.has(text)) return;
      seen.add(text);
      await checkItem(text);
    }, 200);
  } catch {
    $('goods-message').textContent = 'The camera is not available; use a scanner or paste the link.';
  }
}

// --- police

async function policeCheck(text) {
  const serials = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 1000).map((line) => {
    const [a, b] = line.split(',').map((x) => x.trim());
    return b ? { gtin: a, serial: b } : { serial: a };
  });
  const list = $('police-list');
  list.replaceChildren();
  $('police-message').textContent = '';
  if (!serials.length) return;
  let results;
  try {
    results = await api('/api/police/checks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ serials }) });
  } catch (e) {
    $('police-message').textContent = `The list could not be checked: ${e.message}`;
    return;
  }
  for (const result of results) {
    if (result.error) {
      // a line that cannot be checked is marked as such; the lines around it were checked
      const row = document.createElement('tr');
      cell(row, result.serial);
      cell(row, `not checked: ${result.error.message}`, 'BAD_LINE');
      cell(row, result.error.code);
      cell(row, '');
      list.append(row);
      continue;
    }
    let matches = result.matches.map((m) => ({ ...m, how: 'exact' }));
    if (matches.length === 0) {
      const close = await api(`/api/police/close-serials?serial=${encodeURIComponent(result.serial)}`).catch(() => ({ matches: [] }));
      matches = close.matches.map((m) => ({ ...m, how: `close (distance ${m.distance})` }));
    }
    if (matches.length === 0) {
      const row = document.createElement('tr');
      cell(row, result.serial);
      cell(row, 'no item');
      cell(row, '');
      cell(row, '');
      list.append(row);
    }
    for (const m of matches) {
      const row = document.createElement('tr');
      cell(row, result.serial);
      cell(row, `${m.item.gtin} ${m.item.serial} (${m.manufacturer}, ${m.status})`);
      cell(row, m.how);
      cell(row, m.stolen ? `STOLEN ${m.theft.date} in ${m.theft.place}${m.theft.policeReport ? `, report ${m.theft.policeReport}` : ''}` : '',
        m.stolen ? 'STOLEN' : '');
      list.append(row);
    }
  }
}

async function sightings() {
  const message = $('sightings-message');
  try {
    const latest = await api('/api/police/sightings?limit=100');
    const list = $('sightings-list');
    list.replaceChildren();
    for (const s of latest) {
      const row = document.createElement('tr');
      cell(row, new Date(s.at).toLocaleString());
      cell(row, `${s.gtin} ${s.serial}`);
      cell(row, !s.place ? 'not reported' : s.latitude ? `area ${s.place}, near ${s.latitude}, ${s.longitude}` : s.place);
      list.append(row);
    }
    message.textContent = latest.length ? '' : 'No stolen item has been checked yet.';
  } catch (e) {
    message.textContent = e.message;
  }
}

// the police desk keeps its sightings fresh while it is on screen
setInterval(() => {
  if (key() && !$('police').hidden && document.visibilityState === 'visible') sightings();
}, 15000);

// --- manufacturer

/** The fields of one line of the api's own CSV report (every field quoted, "" a quote). */
function reportFields(line) {
  const fields = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
  let m;
  while ((m = re.exec(line)) !== null && m.index < line.length) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return fields;
}

async function importCsv(file) {
  const status = $('csv-status');
  const progress = $('csv-progress');
  const button = $('csv-upload');
  $('csv-errors-table').hidden = true;
  $('csv-report').hidden = true;
  // one import at a time from this desk: the button waits for the one running
  button.disabled = true;
  try {
    status.textContent = 'Uploading…';
    let job;
    try {
      job = await api('/api/imports', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
    } catch (e) {
      status.textContent = e.message;
      return;
    }
    progress.max = job.rows;
    while (job.state === 'QUEUED' || job.state === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 300));
      job = await api(`/api/imports/${job.id}`);
      progress.value = job.registered + job.alreadyRegistered + job.failed;
      status.textContent = `${job.registered} registered, ${job.alreadyRegistered} already registered, ${job.failed} not registered, of ${job.rows}`;
    }
    status.textContent = `Done: ${job.registered} registered, ${job.alreadyRegistered} already registered, ${job.failed} not registered.`;
    if (job.failed + job.alreadyRegistered > 0) {
      const report = await api(`/api/imports/${job.id}/errors`);
      const text = await report.text();
      const link = $('csv-report');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      link.hidden = false;
      const rows = $('csv-errors');
      rows.replaceChildren();
      for (const line of text.split('\n').slice(1).filter(Boolean).slice(0, 500)) {
        const [number, serial, outcome, code, why] = reportFields(line);
        const row = document.createElement('tr');
        cell(row, number);
        cell(row, serial);
        cell(row, outcome === 'ALREADY_REGISTERED' ? 'already registered' : code);
        cell(row, why);
        rows.append(row);
      }
      $('csv-errors-table').hidden = false;
    }
  } catch (e) {
    status.textContent = `The import could not be followed: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

async function labelSheet(gtin, lot) {
  const link = $('sheet-link');
  try {
    const pdf = await api(`/api/lots/${encodeURIComponent(gtin)}/${encodeURIComponent(lot)}/labels.pdf`);
    link.href = URL.createObjectURL(pdf);
    link.download = `labels-${gtin}-${lot}.pdf`;
    link.textContent = 'Download the label sheet';
  } catch (e) {
    link.removeAttribute('href');
    link.textContent = e.message;
  }
  link.hidden = false;
}

async function recall(gtin, lot, notice) {
  try {
    const done = await api('/api/recalls', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scope: { gtin, lot }, notice }) });
    $('recall-status').textContent = `Recall ${done.result.id} is in force (block ${done.block}).`;
  } catch (e) {
    $('recall-status').textContent = e.message;
  }
}

async function suspects() {
  const list = $('suspects');
  list.replaceChildren();
  const items = await api('/api/suspects');
  if (items.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No code looks copied.';
    list.append(li);
  }
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = `${item.gtin} ${item.serial}: ${item.reason}${item.since ? ` (since ${item.since.slice(0, 16).replace('T', ' ')})` : ''} `;
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear';
    clear.setAttribute('aria-label', `Clear ${item.serial}`);
    clear.addEventListener('click', async () => {
      try {
        await api(`/api/suspects/${encodeURIComponent(item.gtin)}/${encodeURIComponent(item.serial)}`, { method: 'DELETE' });
        $('suspects-status').textContent = `${item.serial} is cleared: checks of it read as before.`;
      } catch (e) {
        $('suspects-status').textContent = e.message;
      }
      suspects();
    });
    li.append(clear);
    list.append(li);
  }
}

// --- signing keys: rotate, revoke, declare compromised

let keyInAction = null;

function keyButton(row, label, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', action);
  row.lastChild.append(button);
}

async function keyChange(path, body, done) {
  try {
    const result = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
    $('keys-status').textContent = `${done} (block ${result.block}).`;
  } catch (e) {
    $('keys-status').textContent = e.message;
  }
  $('rotate-form').hidden = true;
  $('compromise-form').hidden = true;
  keys();
}

async function keys() {
  const rows = $('keys');
  rows.replaceChildren();
  for (const k of await api('/api/keys')) {
    const row = document.createElement('tr');
    cell(row, k.keyId.slice(0, 16));
    cell(row, k.status);
    cell(row, k.registeredAt.slice(0, 10));
    cell(row, k.compromisedFrom ? k.compromisedFrom.replace('T', ' ').slice(0, 16) : '');
    cell(row, '');
    const path = `/api/keys/${encodeURIComponent(k.keyId)}`;
    if (k.status === 'ACTIVE') {
      keyButton(row, 'Rotate', () => { keyInAction = path; $('rotate-old').textContent = k.keyId.slice(0, 16); $('rotate-form').hidden = false; $('rotate-key').focus(); });
      keyButton(row, 'Revoke', () => keyChange(`${path}/revocation`, {}, `Key ${k.keyId.slice(0, 16)} is revoked: it signs nothing more, its items stay genuine`));
    }
    keyButton(row, 'Compromised…', () => { keyInAction = path; $('compromise-old').textContent = k.keyId.slice(0, 16); $('compromise-form').hidden = false; $('compromise-from').focus(); });
    rows.append(row);
  }
  $('keys-table').hidden = false;
}

window.addEventListener('DOMContentLoaded', () => {
  const form = (id, handler) => $(id).addEventListener('submit', (e) => { e.preventDefault(); handler(); });
  form('signin', () => signIn($('api-key').value.trim()));
  form('goods-form', () => { checkItem($('goods-code').value); $('goods-code').value = ''; $('goods-code').focus(); });
  form('police-form', () => policeCheck($('police-serials').value));
  form('csv-form', () => importCsv($('csv').files[0]));
  form('sheet-form', () => labelSheet($('sheet-gtin').value.trim(), $('sheet-lot').value.trim()));
  form('recall-form', () => recall($('recall-gtin').value.trim(), $('recall-lot').value.trim(), $('recall-notice').value.trim()));
  $('start-camera').addEventListener('click', camera);
  $('receive').addEventListener('click', receiveAll);
  $('suspects-refresh').addEventListener('click', suspects);
  $('dashboard-refresh').addEventListener('click', dashboard);
  $('keys-refresh').addEventListener('click', keys);
  form('rotate-form', () => keyChange(`${keyInAction}/rotation`, { publicKey: $('rotate-key').value.trim() }, 'The new key is active; the old one signs nothing more'));
  form('compromise-form', () => keyChange(`${keyInAction}/compromise`, { from: new Date(`${$('compromise-from').value}Z`).toISOString() },
    'The key is declared compromised'));
  $('sightings-refresh').addEventListener('click', sightings);
  productLinks(api, $);
  for (const button of document.querySelectorAll('[data-desk]')) button.addEventListener('click', () => show(button.dataset.desk));
  $('signout').addEventListener('click', () => { sessionStorage.removeItem(KEY); location.reload(); });
  if (key()) signIn(key());
});
