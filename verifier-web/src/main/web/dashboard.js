// The manufacturer's dashboard: checks and registrations per day as charts (uPlot), the coarse places
// of checks and of stolen-item sightings on a map drawn from bundled land outlines (Natural Earth via
// world-atlas: no tile server, nothing fetched from outside), suspect codes and imports as tables.
// Loaded only when a manufacturer opens its desk.
import uPlot from 'uplot';
import { feature } from 'topojson-client';
import land from 'world-atlas/land-110m.json';

const SVG = 'http://www.w3.org/2000/svg';
const charts = [];

function element(tag, attributes = {}, text = '') {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  if (text) e.textContent = text;
  return e;
}

const total = (days, field) => days.reduce((sum, d) => sum + d[field], 0);

/** A bar chart of one daily count, with a sentence that says what it shows for screen readers and at a glance. */
function dailyChart(container, days, field, label, colour) {
  container.replaceChildren();
  const sum = total(days, field);
  const busiest = days.reduce((best, d) => (d[field] > best[field] ? d : best), days[0]);
  const summary = sum === 0 ? `No ${label} in the last ${days.length} days.`
    : `${sum.toLocaleString()} ${label} in the last ${days.length} days; most on ${busiest.date} (${busiest[field].toLocaleString()}).`;
  const caption = element('p', { class: 'chart-summary' }, summary);
  const plot = element('div', { role: 'img', 'aria-label': summary });
  container.append(caption, plot);
  const x = days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
  const y = days.map((d) => d[field]);
  const chart = new uPlot({
    width: Math.max(280, container.clientWidth),
    height: 180,
    legend: { show: false },
    // half a day either side, so that the first and last bars are whole
    scales: { x: { time: true, range: (u, min, max) => [min - 43200, max + 43200] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { size: 48 }],
    series: [{}, { label, stroke: colour, fill: colour, width: 0, paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } }],
  }, [x, y], plot);
  charts.push({ chart, container });
}

// Equirectangular: longitude and latitude straight to x and y, in degrees (y grows southwards).
const project = ([lon, lat]) => `${lon.toFixed(2)},${(-lat).toFixed(2)}`;

let landPath;
function landOutline() {
  if (!landPath) {
    const shapes = feature(land, land.objects.land).features.flatMap((f) => (f.geometry.type === 'Polygon'
      ? [f.geometry.coordinates] : f.geometry.coordinates));
    // a ring that crosses the antimeridian jumps from one edge of the map to the other: move, do not draw
    const ringPath = (ring) => ring.map((point, i) => `${i === 0 || Math.abs(point[0] - ring[i - 1][0]) > 180 ? 'M' : 'L'}${project(point)}`).join('');
    landPath = shapes.flatMap((polygon) => polygon.map((ring) => `${ringPath(ring)}Z`)).join('');
  }
  return landPath;
}

/** The view that holds every place with a margin, at least 20 degrees wide, clipped to the world. */
function viewOf(places) {
  if (places.length === 0) return { x: -180, y: -85, w: 360, h: 170 };
  const lons = places.map((p) => p.longitude);
  const lats = places.map((p) => -p.latitude);
  const cx = (Math.min(...lons) + Math.max(...lons)) / 2;
  const cy = (Math.min(...lats) + Math.max(...lats)) / 2;
  const w = Math.min(360, Math.max(20, (Math.max(...lons) - Math.min(...lons)) * 1.4));
  const h = Math.min(170, Math.max(12, (Math.max(...lats) - Math.min(...lats)) * 1.4, w / 2));
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** The map: land, then one dot per cell, its area by its count; checks in blue, stolen sightings in red. */
function placeMap(container, checks, stolen) {
  container.replaceChildren();
  const all = [...checks, ...stolen];
  const view = viewOf(all);
  const summary = all.length === 0 ? 'No checks with a place yet.'
    : `${checks.length} places where your items were checked; ${stolen.length} where your stolen items were seen.`;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', summary);
  svg.setAttribute('class', 'place-map');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const sea = document.createElementNS(SVG, 'rect');
  for (const [name, value] of Object.entries({ x: view.x, y: view.y, width: view.w, height: view.h, class: 'sea' })) sea.setAttribute(name, value);
  const ground = document.createElementNS(SVG, 'path');
  ground.setAttribute('d', landOutline());
  ground.setAttribute('class', 'land');
  ground.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.append(sea, ground);
  const most = Math.max(1, ...all.map((p) => p.count));
  const unit = view.w / 60; // the biggest dot is a thirtieth of the view across
  for (const [places, kind] of [[checks, 'checks'], [stolen, 'stolen']]) {
    for (const p of places) {
      const dot = document.createElementNS(SVG, 'circle');
      dot.setAttribute('cx', p.longitude);
      dot.setAttribute('cy', -p.latitude);
      dot.setAttribute('r', (unit * Math.sqrt(p.count / most)).toFixed(3));
      dot.setAttribute('class', kind);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${kind === 'stolen' ? 'Stolen item seen' : 'Checks'} near ${p.latitude}, ${p.longitude} (cell ${p.cell}): ${p.count}`;
      dot.append(title);
      svg.append(dot);
    }
  }
  container.append(element('p', { class: 'chart-summary' }, summary), svg);
  const key = element('p', { class: 'map-key' });
  key.append(element('span', { class: 'key checks' }, 'checks'), ' ', element('span', { class: 'key stolen' }, 'stolen items seen'));
  container.append(key);
}

function table(container, caption, headers, rows) {
  container.replaceChildren();
  if (rows.length === 0) {
    container.append(element('p', {}, `No ${caption.toLowerCase()}.`));
    return;
  }
  const t = element('table', { class: 'results' });
  t.append(element('caption', {}, caption));
  const head = element('tr');
  for (const h of headers) head.append(element('th', { scope: 'col' }, h));
  const thead = element('thead');
  thead.append(head);
  t.append(thead);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    for (const value of row) tr.append(element('td', {}, String(value)));
    body.append(tr);
  }
  t.append(body);
  container.append(t);
}

const when = (iso) => (iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : '');

/** Draws the dashboard from GET /api/dashboard's answer. */
export function render(root, data) {
  charts.splice(0).forEach(({ chart }) => chart.destroy());
  root.querySelector('[data-part=status]').textContent = data.analyticsAvailable ? ''
    : 'Scan analytics cannot be reached now: checks, places and suspects are missing; imports are listed.';
  if (data.days.length > 0) {
    dailyChart(root.querySelector('[data-part=checks]'), data.days, 'checks', 'checks of your items', '#1f5fbf');
    dailyChart(root.querySelector('[data-part=registrations]'), data.days, 'registrations', 'items registered', '#2e7d32');
  }
  placeMap(root.querySelector('[data-part=map]'), data.checkPlaces, data.stolenSightings);
  table(root.querySelector('[data-part=suspects]'), 'Suspect codes', ['GTIN', 'Serial', 'Why', 'Since'],
    data.suspects.map((s) => [s.gtin, s.serial, s.reason, when(s.since)]));
  table(root.querySelector('[data-part=imports]'), 'Imports', ['Started', 'State', 'Registered', 'Had already', 'Failed'],
    data.imports.map((i) => [when(i.createdAt), i.state.toLowerCase(), `${i.registered.toLocaleString()} of ${i.rows.toLocaleString()}`,
      i.alreadyRegistered.toLocaleString(), i.failed.toLocaleString()]));
}

window.addEventListener('resize', () => {
  for (const { chart, container } of charts) chart.setSize({ width: Math.max(280, container.clientWidth), height: 180 });
});
