// rampart serve's page: plain ES modules, no build step. Every text that
// comes from the server (scenario, asset and place names, messages) is
// written with textContent or text nodes, never as HTML.
import * as maplibregl from './vendor/maplibre-gl/maplibre-gl.mjs';

const $ = (id) => document.getElementById(id);

// el builds an element: attrs are set as attributes (or properties for
// "on*" handlers and "className"), children are nodes or strings (text).
function el(tag, attrs = {}, ...children) {
  const e = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'className') e.setAttribute('class', v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function fmt(x, digits = 3) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (Number.isInteger(x)) return x.toLocaleString('en');
  return Number(x.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 6 });
}

async function api(path, body) {
  const opts = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const r = await fetch(path, opts);
  let data = null;
  try { data = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) {
    const err = new Error((data && data.error) || `${r.status} ${r.statusText}`);
    err.status = r.status;
    err.problems = (data && data.problems) || [];
    throw err;
  }
  return data;
}

function setStatus(id, text, error = false) {
  const s = $(id);
  s.textContent = text;
  s.classList.toggle('error', error);
}

// ---- state held in the URL ------------------------------------------------

const state = new URLSearchParams(location.search);
function saveState() {
  const c = map.getCenter();
  state.set('c', `${c.lat.toFixed(3)},${c.lng.toFixed(3)},${map.getZoom().toFixed(2)}`);
  history.replaceState(null, '', '?' + state.toString());
  $('share-url').value = location.href;
}
function setState(obj) {
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null || v === '') state.delete(k); else state.set(k, String(v));
  }
  saveState();
}

// ---- the map --------------------------------------------------------------

const [clat, clon, cz] = (state.get('c') || '52,20,2.6').split(',').map(Number);
const globe = state.get('view') !== 'flat';
const map = new maplibregl.Map({
  container: 'map',
  center: [clon || 0, clat || 0],
  zoom: Number.isFinite(cz) ? cz : 2.6,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
  style: {
    version: 8,
    projection: { type: globe ? 'globe' : 'mercator' },
    sources: {
      borders: { type: 'geojson', data: '/api/borders', attribution: 'Natural Earth' },
      scene: { type: 'geojson', data: empty() },
      fly: { type: 'geojson', data: empty() },
      play: { type: 'geojson', data: empty() },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#c9dcea' } },
      { id: 'land', type: 'fill', source: 'borders', filter: ['!', ['has', 'label']], paint: { 'fill-color': '#f3f0e8' } },
      { id: 'borders', type: 'line', source: 'borders', filter: ['!', ['has', 'label']], paint: { 'line-color': '#8a8f96', 'line-width': 0.6 } },
      { id: 'coverage', type: 'fill', source: 'scene', filter: ['==', ['get', 'kind'], 'radar-coverage'], paint: { 'fill-color': '#2a9d8f', 'fill-opacity': 0.18 } },
      { id: 'coverage-line', type: 'line', source: 'scene', filter: ['==', ['get', 'kind'], 'radar-coverage'], paint: { 'line-color': '#1f7a6f', 'line-width': 1.2 } },
      { id: 'rings', type: 'line', source: 'scene', filter: ['==', ['get', 'kind'], 'range-ring'], paint: { 'line-color': ['case', ['get', 'isClaim'], '#c1121f', '#3d405b'], 'line-width': 1.6, 'line-dasharray': ['case', ['get', 'isClaim'], ['literal', [4, 2]], ['literal', [1, 0]]] } },
      { id: 'areas', type: 'line', source: 'scene', filter: ['all', ['==', ['geometry-type'], 'Polygon'], ['!', ['in', ['get', 'kind'], ['literal', ['range-ring', 'radar-coverage']]]]], paint: { 'line-color': '#6d597a', 'line-width': 1 } },
      { id: 'tracks', type: 'line', source: 'scene', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#e76f51', 'line-width': 1.4, 'line-opacity': 0.7 } },
      { id: 'sites', type: 'circle', source: 'scene', filter: ['==', ['get', 'layer'], 'site'], paint: { 'circle-radius': 4, 'circle-color': ['match', ['get', 'kind'], 'defense', '#0b5cad', 'launch', '#c1121f', 'asset', '#2b9348', '#555'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      { id: 'intercepts', type: 'circle', source: 'scene', filter: ['==', ['get', 'layer'], 'intercept'], paint: { 'circle-radius': 3, 'circle-color': ['match', ['get', 'outcome'], 'kill', '#2b9348', 'miss', '#c1121f', '#f4a261'] } },
      { id: 'fly-track', type: 'line', source: 'fly', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#d62828', 'line-width': 2.5 } },
      { id: 'fly-points', type: 'circle', source: 'fly', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': ['match', ['get', 'role'], 'launch', '#d62828', '#003049'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
      { id: 'play-tracks', type: 'line', source: 'play', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#d62828', 'line-width': 2.2 } },
      { id: 'play-heads', type: 'circle', source: 'play', filter: ['==', ['get', 'layer'], 'head'], paint: { 'circle-radius': 4, 'circle-color': '#d62828', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      { id: 'play-intercepts', type: 'circle', source: 'play', filter: ['==', ['get', 'layer'], 'intercept'], paint: { 'circle-radius': 5, 'circle-color': ['match', ['get', 'outcome'], 'kill', '#2b9348', 'miss', '#f77f00', '#f4a261'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
    ],
  },
});
window.rampartMap = map; // for the browser tests: they query layers and sources
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

function empty() { return { type: 'FeatureCollection', features: [] }; }

// Longitudes made continuous along a line, so that one crossing ±180° is
// drawn across the antimeridian, not around the world.
function unwrap(coords) {
  const out = [];
  let prev = null;
  for (const [lon, lat] of coords) {
    let l = lon;
    if (prev !== null) { while (l - prev > 180) l -= 360; while (l - prev < -180) l += 360; }
    out.push([l, lat]);
    prev = l;
  }
  return out;
}

// HTML labels, in groups so that each group can be replaced.
const labels = { country: [], scene: [], fly: [] };
function addLabel(group, lngLat, text, cls = '', dy = 0) {
  const e = el('div', { className: 'label ' + cls }, text);
  const m = new maplibregl.Marker({ element: e, anchor: 'left', offset: [6, dy] }).setLngLat(lngLat).addTo(map);
  labels[group].push({ marker: m, text, cls, lngLat, dy });
}
function clearLabels(group) {
  for (const l of labels[group]) l.marker.remove();
  labels[group] = [];
}

async function addCountryLabels() {
  const data = await api('/api/borders');
  for (const f of data.features) {
    if (f.properties.label) addLabel('country', f.geometry.coordinates, f.properties.name, 'country');
  }
  updateCountryLabels();
}
// Labels on the far side of the globe are hidden: the angle between a
// label and the view's centre must be under 80°; country names show from
// zoom 2.2.
function facing(lngLat) {
  if (map.getProjection()?.type === 'mercator') return true;
  const c = map.getCenter(), r = Math.PI / 180;
  const [lon, lat] = Array.isArray(lngLat) ? lngLat : [lngLat.lng, lngLat.lat];
  const cos = Math.sin(c.lat * r) * Math.sin(lat * r) + Math.cos(c.lat * r) * Math.cos(lat * r) * Math.cos((lon - c.lng) * r);
  return cos > Math.cos(80 * r);
}
function updateCountryLabels() {
  const show = map.getZoom() >= 2.2;
  for (const group of ['country', 'scene', 'fly']) {
    for (const l of labels[group]) l.marker.getElement().style.display = (group !== 'country' || show) && facing(l.lngLat) ? '' : 'none';
  }
}
map.on('moveend', updateCountryLabels);

// sceneFeatures converts a scene (package scene) to GeoJSON features.
function sceneFeatures(sc) {
  const fs = [];
  for (const a of sc.areas || []) {
    fs.push({ type: 'Feature', properties: { layer: 'area', kind: a.kind, name: a.name, system: a.system || '', claim: a.claim || '', isClaim: !!a.claim, alt_m: a.alt_m },
      geometry: { type: 'Polygon', coordinates: [unwrap(a.ring.map(([lat, lon]) => [lon, lat]))] } });
  }
  for (const t of sc.tracks || []) {
    fs.push({ type: 'Feature', properties: { layer: 'track', kind: t.kind, name: t.name },
      geometry: { type: 'LineString', coordinates: unwrap(t.points.map((p) => [p.lon_deg, p.lat_deg])) } });
  }
  for (const s of sc.sites || []) {
    fs.push({ type: 'Feature', properties: { layer: 'site', kind: s.kind, name: s.name }, geometry: { type: 'Point', coordinates: [s.lon_deg, s.lat_deg] } });
  }
  for (const x of sc.intercepts || []) {
    fs.push({ type: 'Feature', properties: { layer: 'intercept', outcome: x.outcome, name: x.threat }, geometry: { type: 'Point', coordinates: [x.lon_deg, x.lat_deg] } });
  }
  return fs;
}

// showScene draws a scene: areas (range rings one per claim, coverage),
// tracks, sites and intercepts, each ring and site labelled.
function showScene(sc, fit = true) {
  const fs = sceneFeatures(sc);
  map.getSource('scene').setData({ type: 'FeatureCollection', features: fs });
  clearLabels('scene');
  // A ring's label sits at its northernmost point; labels of rings that
  // nearly share it (equal ranges from one site) are stacked.
  const stack = new Map();
  for (const a of sc.areas || []) {
    if (!a.ring.length) continue;
    let top = a.ring[0];
    for (const p of a.ring) if (p[0] > top[0]) top = p;
    const key = `${top[0].toFixed(0)},${top[1].toFixed(0)}`;
    const n = stack.get(key) || 0;
    stack.set(key, n + 1);
    addLabel('scene', [top[1], top[0]], a.name, 'ring', -13 * n);
  }
  for (const s of sc.sites || []) {
    const key = `site ${s.lat_deg.toFixed(1)},${s.lon_deg.toFixed(1)}`;
    const n = stack.get(key) || 0;
    stack.set(key, n + 1);
    addLabel('scene', [s.lon_deg, s.lat_deg], s.name, '', 13 * n);
  }
  if (fit) fitFeatures(fs);
  updateCountryLabels();
}

function fitFeatures(fs) {
  const b = new maplibregl.LngLatBounds();
  let n = 0;
  const add = (c) => { b.extend(c); n++; };
  for (const f of fs) {
    const g = f.geometry;
    if (g.type === 'Point') add(g.coordinates);
    else if (g.type === 'LineString') g.coordinates.forEach(add);
    else if (g.type === 'Polygon') g.coordinates[0].forEach(add);
  }
  if (n > 0) map.fitBounds(b, { padding: 40, maxZoom: 6, duration: 0 });
}

// ---- tabs -----------------------------------------------------------------

function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === 'tab-' + name);
  $('player').hidden = !(name === 'run' && playback);
  $('panel').classList.toggle('wide', name === 'history' || name === 'sweep' || (name === 'run' && $('run-edit').open));
  setTimeout(() => map.resize(), 250);
  if (name === 'history') loadHistory();
  if (name === 'sweep') loadSweeps();
  setState({ tab: name });
}
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));

$('view-toggle').addEventListener('click', () => {
  const flat = map.getProjection()?.type !== 'mercator';
  map.setProjection({ type: flat ? 'mercator' : 'globe' });
  updateCountryLabels();
  $('view-toggle').textContent = flat ? 'Globe' : 'Flat map';
  setState({ view: flat ? 'flat' : 'globe' });
});
$('view-toggle').textContent = globe ? 'Flat map' : 'Globe';

$('copy-link').addEventListener('click', async () => {
  saveState();
  try {
    await navigator.clipboard.writeText(location.href);
    $('copy-link').textContent = 'Copied';
  } catch {
    $('share-url').select();
    $('copy-link').textContent = 'Select and copy';
  }
  setTimeout(() => { $('copy-link').textContent = 'Copy link'; }, 1500);
});

// pngDataURL draws the map's canvas and its HTML labels into one image.
export function pngDataURL() {
  const src = map.getCanvas();
  const c = document.createElement('canvas');
  c.width = src.width;
  c.height = src.height;
  const g = c.getContext('2d');
  g.drawImage(src, 0, 0);
  const k = src.width / src.clientWidth;
  g.scale(k, k);
  g.textBaseline = 'middle';
  for (const group of ['country', 'scene', 'fly']) {
    for (const l of labels[group]) {
      const e = l.marker.getElement();
      if (e.style.display === 'none' || Number(e.style.opacity || 1) < 0.5) continue;
      const p = map.project(l.lngLat);
      if (p.x < 0 || p.y < 0 || p.x > src.clientWidth || p.y > src.clientHeight) continue;
      g.font = group === 'country' ? '9px system-ui, sans-serif' : (l.cls === 'ring' ? 'italic 11px system-ui, sans-serif' : '11px system-ui, sans-serif');
      g.fillStyle = group === 'country' ? '#7a8694' : '#1d2733';
      g.strokeStyle = 'rgba(255,255,255,0.9)';
      g.lineWidth = 3;
      const t = group === 'country' ? l.text.toUpperCase() : l.text;
      g.strokeText(t, p.x + 6, p.y + l.dy);
      g.fillText(t, p.x + 6, p.y + l.dy);
    }
  }
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#1d2733';
  g.fillText('rampart · borders: Natural Earth', 8, c.height - 10);
  return c.toDataURL('image/png');
}
window.rampartPNG = pngDataURL;

$('download-png').addEventListener('click', () => {
  map.once('render', () => {
    const a = el('a', { href: pngDataURL(), download: 'rampart-map.png' });
    document.body.append(a);
    a.click();
    a.remove();
  });
  map.triggerRepaint();
});

// ---- catalog --------------------------------------------------------------

let catalog = [];
function options(select, entries, blank) {
  select.replaceChildren();
  if (blank !== undefined) select.append(el('option', { value: '' }, blank));
  for (const e of entries) select.append(el('option', { value: e.name }, e.country ? `${e.name} (${e.country})` : e.name));
}

// ---- Explore --------------------------------------------------------------

async function explore() {
  const alts = $('ex-alt').value.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const req = { site: $('ex-site').value, missile: $('ex-missile').value || undefined, radar: $('ex-radar').value || undefined,
    interceptor: $('ex-icpt').value || undefined,
    altitudes_km: $('ex-radar').value ? alts : undefined, pick: $('ex-pick').value,
    boresight_deg: $('ex-bore').value !== '' ? Number($('ex-bore').value) : undefined };
  setState({ tab: 'explore', site: req.site, missile: req.missile, radar: req.radar, icpt: req.interceptor, alt: $('ex-radar').value ? alts.join(',') : '', bore: $('ex-bore').value, pick: req.pick === 'central' ? '' : req.pick });
  setStatus('ex-status', 'Computing…');
  $('ex-out').replaceChildren();
  try {
    const r = await api('/api/explore', req);
    showScene(r.scene);
    renderExplore(r, req);
    setStatus('ex-status', '');
    document.body.dataset.explored = '1';
  } catch (e) {
    setStatus('ex-status', e.message, true);
    renderProblems($('ex-out'), e.problems);
  }
}
$('ex-go').addEventListener('click', explore);

function renderExplore(r, req) {
  const out = $('ex-out');
  if (r.reach) {
    const d = r.reach;
    for (const m of d.reach || []) {
      out.append(el('h3', {}, `${m.missile}: range rings`));
      out.append(table(['ring', 'range km', 'claim'], (m.ranges || []).map((x) => [x.label, fmt(x.range_km), x.claim ? 'claim' : 'catalog band'])));
      const inReach = (m.places || []).filter((p) => !p.beyond);
      out.append(el('div', { className: 'headline', id: 'headline' }, el('span', { className: 'value' }, `${inReach.length} places`),
        `in reach of ${m.missile} from ${m.launch && m.launch.place ? m.launch.place : req.site}, by the longest ring`));
      out.append(el('h3', {}, `Places in reach of ${m.missile}`));
      const rows = inReach.map((p) => [p.place, fmt(p.distance_km), p.flight_time_min === null || p.flight_time_min === undefined ? '—' : fmt(p.flight_time_min), (p.reached_by || []).join(', ')]);
      out.append(table(['place', 'km', 'flight min', 'reached by'], rows));
    }
  }
  const icpt = (r.scene.areas || []).filter((a) => a.kind === 'range-ring' && a.system === req.interceptor);
  if (req.interceptor && icpt.length) {
    out.append(el('h3', {}, `${req.interceptor}: engagement ranges`));
    out.append(table(['ring'], icpt.map((a) => [a.name])));
  }
  if (r.radar) {
    const d = r.radar;
    out.append(el('h3', {}, 'Radar coverage'));
    const rows = [];
    for (const f of d.footprints || []) rows.push([f.radar, fmt(f.altitude_km), fmt(f.rcs_m2), fmt(f.detection_range_km), fmt(f.max_ground_range_km)]);
    if (rows.length) out.append(table(['radar', 'target alt km', 'RCS m²', 'detection km', 'ground range km'], rows));
    out.append(el('p', { className: 'notes' }, 'The shaded areas are the ground footprints where the radar detects a 0.1 m² target at each altitude (horizon, field of regard, range equation).'));
  }
}

// ---- Fly ------------------------------------------------------------------

let clickTarget = 'from';
map.on('click', (e) => {
  if (!$('tab-fly').classList.contains('active')) return;
  const v = `${e.lngLat.lat.toFixed(3)},${e.lngLat.wrap().lng.toFixed(3)}`;
  $(clickTarget === 'from' ? 'fly-from' : 'fly-to').value = v;
  clickTarget = clickTarget === 'from' ? 'to' : 'from';
  drawFlyPoints();
  if ($('fly-from').value && $('fly-to').value && clickTarget === 'from') fly();
});

function parseLL(v) {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(v || '');
  if (m) return [Number(m[2]), Number(m[1])];
  const e = catalog.find((c) => c.name.toLowerCase() === (v || '').trim().toLowerCase() && c.lat_deg !== undefined);
  return e ? [e.lon_deg, e.lat_deg] : null;
}
function drawFlyPoints(track) {
  const fs = [];
  const a = parseLL($('fly-from').value), b = parseLL($('fly-to').value);
  if (a) fs.push({ type: 'Feature', properties: { role: 'launch' }, geometry: { type: 'Point', coordinates: a } });
  if (b) fs.push({ type: 'Feature', properties: { role: 'aim' }, geometry: { type: 'Point', coordinates: b } });
  if (track && track.length > 1) fs.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: unwrap(track.map((p) => [p.lon_deg, p.lat_deg])) } });
  map.getSource('fly').setData({ type: 'FeatureCollection', features: fs });
  return fs;
}

async function fly() {
  const req = { from: $('fly-from').value, to: $('fly-to').value, missile: $('fly-missile').value || undefined,
    profile: $('fly-profile').value, battle_space: $('fly-bs').checked || undefined };
  setState({ tab: 'fly', from: req.from, to: req.to, fmissile: req.missile, profile: req.profile === 'min-energy' ? '' : req.profile, bs: req.battle_space ? 1 : '' });
  setStatus('fly-status', req.battle_space ? 'Flying, then finding the battle space…' : 'Flying…');
  $('fly-out').replaceChildren();
  try {
    const r = await api('/api/fly', req);
    const fs = drawFlyPoints(r.track);
    fitFeatures(fs);
    renderFly(r);
    setStatus('fly-status', '');
    document.body.dataset.flown = '1';
  } catch (e) {
    drawFlyPoints();
    setStatus('fly-status', e.message, true);
    renderProblems($('fly-out'), e.problems);
  }
}
$('fly-go').addEventListener('click', fly);

function renderFly(r) {
  const f = r.flight;
  const out = $('fly-out');
  const name = f.missile || 'burnout-state flight';
  out.append(el('div', { className: 'headline', id: 'fly-headline' },
    el('span', { className: 'value' }, `${fmt(f.flight_time_s / 60)} min`),
    f.kind === 'cruise-missile'
      ? `${name}, cruise at ${fmt(f.cruise_speed_kms)} km/s: ${fmt(f.range_km ?? f.aim_range_km)} km at ${fmt(f.apogee_km)} km altitude`
      : `${name}, ${f.profile_flown || f.profile || ''}: ${fmt(f.range_km ?? f.aim_range_km)} km, apogee ${fmt(f.apogee_km)} km`));
  out.append(table(['', ''], [
    ['flight time', `${fmt(f.flight_time_s)} s`], ['range', `${fmt(f.range_km)} km`], ['apogee', `${fmt(f.apogee_km)} km`],
    ['burnout speed', `${fmt(f.burnout_speed_kms)} km/s`], ['burnout angle', `${fmt(f.burnout_angle_deg)}°`],
    ['impact speed', `${fmt(f.impact_speed_kms)} km/s`], ['miss', `${fmt(f.miss_km)} km`]]));
  if (r.track.length > 1) {
    out.append(el('h3', {}, 'Altitude against time'));
    out.append(plot(r.track.map((p) => [p.t_s, p.alt_km]), 'time s', 'altitude km'));
  }
  if (r.engage.length) {
    out.append(el('h3', {}, 'Which defended sites could engage it'));
    out.append(table(['site', 'interceptor', 'cueing', 'engageable', 'required burnout km/s', 'catalog km/s'],
      r.engage.map((e) => [e.site, e.interceptor, e.cueing, e.engageable ? 'yes' : 'no', fmt(e.required_burnout_speed_kms), fmt(e.catalog_burnout_speed_kms)])));
  }
  if (r.engage_note) out.append(el('p', { className: 'notes', id: 'fly-engage-note' }, r.engage.length ? 'Assumes: ' : '', r.engage_note));
}

// plot draws a line chart of pts ([x, y]) as SVG.
function plot(pts, xl, yl) {
  const W = 380, H = 170, L = 44, B = 24, T = 8, R = 8;
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs) || 1, y1 = Math.max(...ys) || 1;
  const X = (x) => L + (x - x0) / (x1 - x0 || 1) * (W - L - R);
  const Y = (y) => H - B - y / y1 * (H - B - T);
  const svg = el('svg:svg', { className: 'plot', viewBox: `0 0 ${W} ${H}` });
  svg.append(el('svg:polyline', { points: pts.map((p) => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' '), fill: 'none', stroke: '#d62828', 'stroke-width': 1.5 }));
  svg.append(el('svg:line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#889' }));
  svg.append(el('svg:line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#889' }));
  for (let i = 0; i <= 4; i++) {
    const yv = y1 * i / 4, xv = x0 + (x1 - x0) * i / 4;
    svg.append(el('svg:text', { x: L - 4, y: Y(yv) + 3, 'text-anchor': 'end' }, fmt(yv, 3)));
    svg.append(el('svg:text', { x: X(xv), y: H - B + 12, 'text-anchor': 'middle' }, fmt(xv, 3)));
  }
  svg.append(el('svg:text', { x: W - R, y: H - 2, 'text-anchor': 'end' }, xl));
  svg.append(el('svg:text', { x: L + 4, y: T + 8 }, yl));
  return svg;
}

// intervalChart draws rows ({name, v, lo, hi}, probabilities) as an SVG
// figure: a dot at each value and a bar across its 95 % interval, one row
// a name. Names are text nodes, never markup.
function intervalChart(title, rows) {
  const W = 560, R = 16, T = 22, B = 26, rowH = 18, L = 170;
  const H = T + B + rows.length * rowH;
  const X = (x) => L + Math.max(0, Math.min(1, x)) * (W - L - R);
  const svg = el('svg:svg', { className: 'plot figure', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  svg.append(el('svg:text', { x: L, y: 14 }, title));
  for (let i = 0; i <= 4; i++) {
    const x = X(i / 4);
    svg.append(el('svg:line', { x1: x, y1: T, x2: x, y2: H - B, stroke: '#dde' }));
    svg.append(el('svg:text', { x, y: H - B + 14, 'text-anchor': 'middle' }, fmt(i / 4)));
  }
  rows.forEach((r, i) => {
    const y = T + i * rowH + rowH / 2;
    const name = r.name.length > 28 ? r.name.slice(0, 28) + '…' : r.name;
    svg.append(el('svg:text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, el('svg:title', {}, r.name), name));
    if (r.lo !== undefined) svg.append(el('svg:line', { className: 'ci', x1: X(r.lo), y1: y, x2: X(r.hi), y2: y, stroke: '#457b9d', 'stroke-width': 4, 'stroke-linecap': 'round' }));
    svg.append(el('svg:circle', { className: 'value', cx: X(r.v), cy: y, r: 4, fill: '#d62828' },
      el('svg:title', {}, `${r.name}: ${fmt(r.v)}${r.lo !== undefined ? ` (95 % interval ${fmt(r.lo)}–${fmt(r.hi)})` : ''}`)));
  });
  svg.append(el('svg:text', { x: W - R, y: H - 4, 'text-anchor': 'end' }, 'dot: mean; bar: 95 % interval'));
  return svg;
}

// docFigures draws, for every array of named rows in a results document,
// each probability that has a 95 % interval beside it (k and k_ci95: an
// engine run's per-asset P(survive), per-missile P(leak)) as a figure.
function docFigures(doc) {
  const out = [];
  for (const [k, v] of Object.entries(doc)) {
    if (!Array.isArray(v) || !v.length || typeof v[0] !== 'object' || v[0] === null) continue;
    for (const c of Object.keys(v[0])) {
      if (!c.startsWith('p_') || c.endsWith('_ci95')) continue;
      const rows = v.filter((r) => typeof r[c] === 'number' && Array.isArray(r[`${c}_ci95`]) && r[`${c}_ci95`].length === 2)
        .slice(0, 40).map((r) => ({ name: String(r.name ?? ''), v: r[c], lo: r[`${c}_ci95`][0], hi: r[`${c}_ci95`][1] }));
      if (!rows.length) continue;
      const label = c === 'p_survive' ? 'P(survive)' : c === 'p_leak' ? 'P(leak)' : c.replaceAll('_', ' ');
      out.push(el('figure', { className: 'run-figure' }, intervalChart(`${label} of each of the ${k.replaceAll('_', ' ')}`, rows),
        el('figcaption', { className: 'notes' }, `${label} per ${k.replace(/s$/, '').replaceAll('_', ' ')} with its 95 % interval${v.length > 40 ? ` (first 40 of ${v.length})` : ''}; report.html has the full figures.`)));
    }
  }
  return out;
}

// ---- tables ---------------------------------------------------------------

function table(head, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', { className: /^[-−]?[\d,.]+( |$)/.test(String(c)) ? 'num' : '' }, c))))));
}

function headline(h) {
  if (!h) return '';
  return el('div', { className: 'headline', id: 'headline' }, el('span', { className: 'value' }, `${fmt(h.value)} ${h.unit || ''}`), h.answer);
}

// docTables renders every array of objects in a results document as a
// table of its plain columns (the first 8), at most 60 rows.
function docTables(doc) {
  const out = [];
  const skip = new Set(['assumptions', 'method']);
  for (const [k, v] of Object.entries(doc)) {
    if (skip.has(k) || !Array.isArray(v) || !v.length || typeof v[0] !== 'object' || v[0] === null) continue;
    const cols = Object.keys(v[0]).filter((c) => v.some((r) => r[c] === null || ['string', 'number', 'boolean'].includes(typeof r[c]) || (Array.isArray(r[c]) && r[c].length === 2 && typeof r[c][0] === 'number'))).slice(0, 8);
    const cell = (x) => (Array.isArray(x) ? `${fmt(x[0])}–${fmt(x[1])}` : fmt(x));
    out.push(el('h3', {}, k.replaceAll('_', ' ')));
    out.push(table(cols.map((c) => c.replaceAll('_', ' ')), v.slice(0, 60).map((r) => cols.map((c) => cell(r[c])))));
    if (v.length > 60) out.push(el('p', { className: 'notes' }, `${v.length - 60} more rows in results.json`));
  }
  if (doc.totals && typeof doc.totals === 'object') {
    out.push(el('h3', {}, 'totals'));
    out.push(table(['', ''], Object.entries(doc.totals).filter(([, x]) => typeof x !== 'object' || x === null || Array.isArray(x)).map(([c, x]) => [c.replaceAll('_', ' '), Array.isArray(x) ? x.map((v) => fmt(v)).join('–') : fmt(x)])));
  }
  return out;
}

function renderProblems(container, problems) {
  if (!problems || !problems.length) return;
  const ol = el('ol', { className: 'problems' });
  for (const p of problems) ol.append(problemItem(p));
  container.append(ol);
}
function problemItem(p) {
  const pos = p.line ? `${p.line}:${p.col || 1}` : '';
  return el('li', { onclick: () => selectLine(p.line) }, el('span', { className: 'pos' }, pos), pos ? ' ' : '', p.path ? `${p.path}: ` : '', p.text || p.msg);
}

// ---- Run ------------------------------------------------------------------

let scenarios = [];
let edited = false;
let liveRun = null; // id of the run being watched
let playback = null;

async function loadScenarioText(name) {
  const s = await api('/api/scenarios/' + encodeURIComponent(name));
  $('run-yaml').value = s.yaml;
  edited = false;
  $('run-question').textContent = s.question;
  $('run-trials').value = s.monte_carlo ? s.trials : '';
  $('run-seed').value = s.monte_carlo ? s.seed : '';
  $('run-trials').disabled = $('run-seed').disabled = !s.monte_carlo;
  $('run-problems').replaceChildren();
}
$('run-scenario').addEventListener('change', () => { loadScenarioText($('run-scenario').value); setState({ scenario: $('run-scenario').value, trials: '', seed: '' }); });
$('run-yaml').addEventListener('input', () => { edited = true; });
// The editor and its problems side by side need a wider panel.
$('run-edit').addEventListener('toggle', () => {
  $('panel').classList.toggle('wide', $('run-edit').open || $('tab-history').classList.contains('active'));
  setTimeout(() => map.resize(), 250);
});
$('run-file').addEventListener('change', async () => {
  const f = $('run-file').files[0];
  if (!f) return;
  if (f.size > 1 << 20) { setStatus('run-status', `${f.name} is larger than the limit of 1 MiB`, true); return; }
  $('run-yaml').value = await f.text();
  $('run-yaml').dataset.filename = f.name;
  edited = true;
  $('run-edit').open = true;
});

function selectLine(line) {
  if (!line) return;
  const ta = $('run-yaml');
  const lines = ta.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  $('run-edit').open = true;
  ta.focus();
  ta.setSelectionRange(start, start + (lines[line - 1] || '').length);
  ta.scrollTop = Math.max(0, (line - 5) * 16);
}

function scenarioInput() {
  if (edited) return { yaml: $('run-yaml').value, filename: $('run-yaml').dataset.filename || 'edited.yaml' };
  return { scenario: $('run-scenario').value };
}
function showProblems(e) {
  const ol = $('run-problems');
  ol.replaceChildren();
  for (const p of e.problems || []) ol.append(problemItem(p));
  if ((e.problems || []).length) $('run-edit').open = true;
}

$('run-check').addEventListener('click', async () => {
  $('run-problems').replaceChildren();
  try {
    const r = await api('/api/validate', scenarioInput());
    setStatus('run-status', `ok: ${r.scenario}, ${r.summary}`);
  } catch (e) {
    setStatus('run-status', e.message, true);
    showProblems(e);
  }
});

$('run-go').addEventListener('click', startRun);
async function startRun() {
  $('run-problems').replaceChildren();
  $('run-out').replaceChildren();
  const req = scenarioInput();
  if (!$('run-trials').disabled && $('run-trials').value) req.trials = Number($('run-trials').value);
  if (!$('run-seed').disabled && $('run-seed').value !== '') req.seed = Number($('run-seed').value);
  if ($('run-pick').value) req.pick = $('run-pick').value;
  try {
    const r = await api('/api/runs', req);
    setState({ tab: 'run', scenario: req.scenario || '', trials: req.trials, seed: req.seed, rpick: req.pick, run: r.id });
    watchRun(r.id);
  } catch (e) {
    setStatus('run-status', e.message, true);
    showProblems(e);
  }
}

$('run-cancel').addEventListener('click', async () => {
  if (liveRun === null) return;
  try { await api(`/api/runs/${liveRun}/cancel`, {}); } catch (e) { setStatus('run-status', e.message, true); }
});

function watchRun(id) {
  liveRun = id;
  $('run-cancel').disabled = false;
  $('run-progress').value = 0;
  setStatus('run-status', `run ${id}: queued`);
  const es = new EventSource(`/api/runs/${id}/events`);
  es.addEventListener('progress', (m) => {
    const p = JSON.parse(m.data);
    if (p.total > 0) $('run-progress').value = p.done / p.total;
    document.body.dataset.progress = String((Number(document.body.dataset.progress) || 0) + 1);
    setStatus('run-status', `run ${id}: ${p.status}${p.label ? `, ${p.label} ${p.done}/${p.total}` : ''}`);
  });
  es.addEventListener('status', (m) => {
    es.close();
    liveRun = null;
    $('run-cancel').disabled = true;
    showRun(JSON.parse(m.data));
  });
  es.onerror = () => { if (es.readyState === EventSource.CLOSED) $('run-cancel').disabled = true; };
}

async function showRun(run) {
  $('run-progress').value = run.status === 'done' ? 1 : $('run-progress').value;
  if (run.status !== 'done') {
    setStatus('run-status', `run ${run.id}: ${run.status}${run.error ? ': ' + run.error : ''}`, run.status === 'failed');
    return;
  }
  setStatus('run-status', `run ${run.id}: done (${run.scenario}, seed ${run.seed}${run.trials ? `, ${run.trials} trials` : ''})`);
  const [doc, sc] = await Promise.all([api(`/api/runs/${run.id}/results`), api(`/api/runs/${run.id}/files/scene.json`)]);
  const out = $('run-out');
  out.replaceChildren(headline(doc.headline));
  const files = [['report.html', 'report'], ['results.json', 'results.json'], ['events.csv', 'events.csv'], ['export.czml', 'CZML'], ['export.kml', 'KML'], ['export.geojson', 'GeoJSON']];
  out.append(el('p', { className: 'downloads' }, 'Download: ', files.map(([f, t]) => el('a', { href: `/api/runs/${run.id}/files/${f}?download=1` }, t))));
  if (run.statistics && run.statistics.length) {
    out.append(el('h3', {}, 'Headline statistics'));
    out.append(table(['statistic', 'value', '95 % interval'], run.statistics.map((s) => [s.label || s.name, fmt(s.value), s.ci95 ? `${fmt(s.ci95[0])}–${fmt(s.ci95[1])}` : '—'])));
  }
  const figs = docFigures(doc);
  if (figs.length) out.append(el('h3', {}, 'Figures'), ...figs);
  out.append(...docTables(doc));
  out.append(el('p', { className: 'notes' }, 'Reproduce: ', el('code', {}, doc.reproduce)));
  showScene(sc);
  setupPlayback(sc);
  document.body.dataset.runDone = String(run.id);
}

// ---- playback -------------------------------------------------------------

function setupPlayback(sc) {
  const tracks = (sc.tracks || []).filter((t) => t.points.length > 1);
  if (!tracks.length) { playback = null; $('player').hidden = true; return; }
  let t0 = Infinity, t1 = -Infinity;
  for (const t of tracks) { t0 = Math.min(t0, t.points[0].t_s); t1 = Math.max(t1, t.points[t.points.length - 1].t_s); }
  playback = { tracks, intercepts: sc.intercepts || [], t0, t1 };
  const s = $('time');
  s.min = Math.floor(t0); s.max = Math.ceil(t1); s.step = Math.max(1, Math.round((t1 - t0) / 400)); s.value = s.max;
  $('player').hidden = false;
  drawAt(Number(s.value));
}
function drawAt(t) {
  if (!playback) return;
  const fs = [];
  for (const tr of playback.tracks) {
    const pts = tr.points.filter((p) => p.t_s <= t);
    if (!pts.length) continue;
    const next = tr.points[pts.length];
    const last = pts[pts.length - 1];
    let head = [last.lon_deg, last.lat_deg];
    if (next) {
      const f = (t - last.t_s) / (next.t_s - last.t_s);
      head = [last.lon_deg + f * (((next.lon_deg - last.lon_deg + 540) % 360) - 180), last.lat_deg + f * (next.lat_deg - last.lat_deg)];
    }
    const line = unwrap([...pts.map((p) => [p.lon_deg, p.lat_deg]), head]);
    if (line.length > 1) fs.push({ type: 'Feature', properties: { layer: 'track' }, geometry: { type: 'LineString', coordinates: line } });
    if (next) fs.push({ type: 'Feature', properties: { layer: 'head', name: tr.name }, geometry: { type: 'Point', coordinates: line[line.length - 1] } });
  }
  for (const x of playback.intercepts) if (x.t_s <= t) fs.push({ type: 'Feature', properties: { layer: 'intercept', outcome: x.outcome }, geometry: { type: 'Point', coordinates: [x.lon_deg, x.lat_deg] } });
  map.getSource('play').setData({ type: 'FeatureCollection', features: fs });
  $('time-label').textContent = `t = ${Math.round(t)} s`;
}
$('time').addEventListener('input', () => drawAt(Number($('time').value)));
let timer = null;
$('play').addEventListener('click', () => {
  if (timer) { clearInterval(timer); timer = null; $('play').textContent = 'Play'; return; }
  const s = $('time');
  if (Number(s.value) >= Number(s.max)) s.value = s.min;
  $('play').textContent = 'Pause';
  timer = setInterval(() => {
    s.value = Math.min(Number(s.max), Number(s.value) + Number(s.step) * 2);
    drawAt(Number(s.value));
    if (Number(s.value) >= Number(s.max)) { clearInterval(timer); timer = null; $('play').textContent = 'Play'; }
  }, 50);
});

// ---- History and compare --------------------------------------------------

const picked = { a: null, b: null };
async function loadHistory() {
  const out = $('hist-out');
  try {
    const runs = await api('/api/runs?limit=100');
    const rows = runs.map((r) => el('tr', {},
      el('td', {}, el('input', { type: 'radio', name: 'pick-a', 'aria-label': `A: run ${r.id}`, checked: picked.a === r.id, onchange: () => { picked.a = r.id; cmpReady(); } })),
      el('td', {}, el('input', { type: 'radio', name: 'pick-b', 'aria-label': `B: run ${r.id}`, checked: picked.b === r.id, onchange: () => { picked.b = r.id; cmpReady(); } })),
      el('td', { className: 'num' }, el('a', { href: `?tab=run&run=${r.id}` }, String(r.id))),
      el('td', {}, r.scenario), el('td', {}, r.rampart_version), el('td', { title: r.scenario_sha256 }, r.scenario_sha256.slice(0, 8)),
      el('td', { className: 'num' }, String(r.seed)), el('td', { className: 'num' }, r.trials ? String(r.trials) : '—'),
      el('td', {}, r.status), el('td', {}, r.headline.length > 90 ? r.headline.slice(0, 90) + '…' : r.headline),
      el('td', {}, new Date(r.created_at).toLocaleString())));
    out.replaceChildren(el('table', { id: 'hist-table' },
      el('thead', {}, el('tr', {}, ['A', 'B', 'id', 'scenario', 'version', 'sha256', 'seed', 'trials', 'status', 'headline', 'time'].map((h) => el('th', {}, h)))),
      el('tbody', {}, rows)));
  } catch (e) {
    out.replaceChildren(el('p', { className: 'status error' }, e.message));
  }
}
function cmpReady() { $('hist-compare').disabled = !(picked.a && picked.b); }
$('hist-refresh').addEventListener('click', loadHistory);
$('hist-compare').addEventListener('click', () => compare(picked.a, picked.b));

async function compare(a, b) {
  setState({ tab: 'history', a, b });
  const out = $('cmp-out');
  try {
    const c = await api(`/api/compare?a=${a}&b=${b}`);
    const ci = (x) => (x ? `${fmt(x[0])} to ${fmt(x[1])}` : '—');
    out.replaceChildren(el('h3', {}, `Run ${a} (A) against run ${b} (B)`),
      el('p', { className: 'notes' }, `A: ${c.a.scenario}, seed ${c.a.seed}, ${c.a.trials} trials · B: ${c.b.scenario}, seed ${c.b.seed}, ${c.b.trials} trials`),
      table(['statistic', 'A', 'B', 'B − A', '95 % interval of B − A'], c.differences.map((d) => [d.label || d.name, `${fmt(d.a)} (${ci(d.a_ci95)})`, `${fmt(d.b)} (${ci(d.b_ci95)})`, fmt(d.difference), ci(d.difference_ci95)])),
      ...(c.notes || []).map((n) => el('p', { className: 'notes' }, n)));
  } catch (e) {
    out.replaceChildren(el('p', { className: 'status error' }, e.message));
  }
}

// ---- Sweeps ----------------------------------------------------------------

const sweepColors = ['#d62828', '#0b5cad', '#2a9d8f', '#e9a23b', '#6a4c93', '#555', '#8ab17d', '#bc4749'];

// sweepPlot draws series ({name, pts: [[x, y, lo, hi]]}) as lines with
// their 95 % intervals as bars; ticks name the axis values (xs: [x, text]);
// the title names the statistic.
function sweepPlot(title, series, xs) {
  const W = 560, H = 220, L = 48, B = 30, T = 22, R = 10;
  const all = series.flatMap((s) => s.pts);
  const x0 = Math.min(...xs.map((x) => x[0])), x1 = Math.max(...xs.map((x) => x[0]));
  const y1 = Math.max(...all.map((p) => p[3] ?? p[1]), 0) || 1;
  const X = (x) => L + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (W - L - R);
  const Y = (y) => H - B - y / y1 * (H - B - T);
  const svg = el('svg:svg', { className: 'plot figure sweep-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  svg.append(el('svg:text', { x: L, y: 14 }, title));
  svg.append(el('svg:line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#889' }));
  svg.append(el('svg:line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#889' }));
  for (let i = 0; i <= 4; i++) svg.append(el('svg:text', { x: L - 4, y: Y(y1 * i / 4) + 3, 'text-anchor': 'end' }, fmt(y1 * i / 4, 3)));
  for (const [x, t] of xs) svg.append(el('svg:text', { x: X(x), y: H - B + 12, 'text-anchor': 'middle' }, t));
  series.forEach((s, i) => {
    const c = sweepColors[i % sweepColors.length];
    svg.append(el('svg:polyline', { points: s.pts.map((p) => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' '), fill: 'none', stroke: c, 'stroke-width': 1.5 }));
    for (const p of s.pts) {
      if (p[2] !== undefined) svg.append(el('svg:line', { x1: X(p[0]), y1: Y(p[2]), x2: X(p[0]), y2: Y(p[3]), stroke: c, 'stroke-opacity': 0.5, 'stroke-width': 3 }));
      svg.append(el('svg:circle', { cx: X(p[0]), cy: Y(p[1]), r: 3, fill: c }, el('svg:title', {}, `${s.name ? s.name + ': ' : ''}${fmt(p[1])}${p[2] !== undefined ? ` (95 % interval ${fmt(p[2])}–${fmt(p[3])})` : ''}`)));
    }
    if (s.name && series.length > 1) svg.append(el('svg:text', { x: W - R, y: T + 10 + 12 * i, 'text-anchor': 'end', fill: c }, s.name));
  });
  return svg;
}

// sweepHeat draws the leakers per raid of a two-axis sweep as a grid of
// cells, darker for more leakers, the value written in each.
function sweepHeat(axes, rows) {
  const [a, b] = axes;
  const W = 560, L = 120, T = 36, cw = Math.min(80, (W - L - 10) / b.values.length), ch = 22;
  const H = T + ch * a.values.length + 10;
  const ok = rows.filter((r) => !r.refused);
  const max = Math.max(...ok.map((r) => r.leakers_mean), 0) || 1;
  const svg = el('svg:svg', { className: 'plot figure sweep-heat', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'heat map of leakers' });
  svg.append(el('svg:text', { x: L, y: 12 }, `Leakers per raid: rows ${a.path}, columns ${b.path}`));
  b.values.forEach((v, j) => svg.append(el('svg:text', { x: L + cw * (j + 0.5), y: T - 6, 'text-anchor': 'middle' }, v)));
  a.values.forEach((v, i) => svg.append(el('svg:text', { x: L - 6, y: T + ch * (i + 0.5) + 4, 'text-anchor': 'end' }, v)));
  for (const r of rows) {
    const i = Math.floor(r.point / b.values.length), j = r.point % b.values.length;
    const f = r.refused ? 0 : r.leakers_mean / max;
    svg.append(el('svg:rect', { x: L + cw * j, y: T + ch * i, width: cw - 1, height: ch - 1, fill: r.refused ? '#eee' : `rgba(214,40,40,${(0.1 + 0.85 * f).toFixed(3)})` },
      el('svg:title', {}, r.refused ? `refused: ${r.refused}` : `${fmt(r.leakers_mean)} (95 % interval ${fmt(r.leakers_ci95[0])}–${fmt(r.leakers_ci95[1])})`)));
    svg.append(el('svg:text', { x: L + cw * (j + 0.5), y: T + ch * i + 15, 'text-anchor': 'middle' }, r.refused ? 'refused' : fmt(r.leakers_mean)));
  }
  return svg;
}

// sweepFigures draws a line plot of leakers and of interceptors per raid
// along each axis (one line per value of the other axis), and the heat
// map for two axes, from the stored rows.
function sweepFigures(sw) {
  const axes = sw.axes || [];
  const rows = sw.rows.map((p) => p.statistics);
  const ok = rows.filter((r) => !r.refused);
  const out = [];
  if (!ok.length) return out;
  axes.forEach((ax, k) => {
    const other = axes.length === 2 ? 1 - k : -1;
    const groups = new Map();
    for (const r of ok) {
      const key = other >= 0 ? `${axes[other].path}=${r.settings[other].value}` : '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
    const xs = [...new Map(ok.map((r) => [r.settings[k].value_num, r.settings[k].value])).entries()].sort((p, q) => p[0] - q[0]);
    for (const [stat, label] of [['leakers', `Leakers per raid (${ok[0].leaker_unit || 'warheads'})`], ['interceptors', 'Interceptors per raid']]) {
      const series = [...groups.entries()].slice(0, 8).map(([name, rs]) => ({ name,
        pts: rs.map((r) => [r.settings[k].value_num, r[`${stat}_mean`], r[`${stat}_ci95`][0], r[`${stat}_ci95`][1]]).sort((p, q) => p[0] - q[0]) }));
      out.push(el('figure', { className: 'run-figure' }, sweepPlot(`${label} against ${ax.path}`, series, xs),
        el('figcaption', { className: 'notes' }, `mean with its 95 % interval at each value of ${ax.path}${other >= 0 ? `, one line per value of ${axes[other].path}` : ''}`)));
    }
  });
  if (axes.length === 2) out.push(el('figure', { className: 'run-figure' }, sweepHeat(axes, rows)));
  return out;
}

function sweepTable(sw) {
  const axes = sw.axes || [];
  const rows = sw.rows.map((p) => p.statistics);
  const assets = [...new Set(rows.flatMap((r) => (r.assets || []).filter((a) => a.status === 'defended').map((a) => a.name)))];
  const ci = (m, c) => `${fmt(m)} (${fmt(c[0])}–${fmt(c[1])})`;
  return table(['point', ...axes.map((a) => a.path), 'leakers/raid (95 %)', 'interceptors/raid (95 %)', ...assets.map((a) => `P(survive) ${a}`)],
    rows.map((r) => [String(r.point), ...r.settings.map((s) => s.value),
      ...(r.refused ? [`refused: ${r.refused}`, '', ...assets.map(() => '')]
        : [ci(r.leakers_mean, r.leakers_ci95), ci(r.interceptors_mean, r.interceptors_ci95),
          ...assets.map((n) => { const a = (r.assets || []).find((x) => x.name === n); return a ? ci(a.p_survive, a.p_survive_ci95) : '—'; })])]));
}

function showSweep(sw) {
  $('sw-progress').value = sw.status === 'done' ? 1 : $('sw-progress').value;
  const out = $('sw-out');
  if (sw.status !== 'done') {
    setStatus('sw-status', `sweep ${sw.id}: ${sw.status}${sw.error ? ': ' + sw.error : ''}`, sw.status === 'failed');
    out.replaceChildren();
    return;
  }
  if ([...$('sw-scenario').options].some((o) => o.value === sw.scenario)) $('sw-scenario').value = sw.scenario;
  setStatus('sw-status', `sweep ${sw.id}: done (${sw.scenario}, ${sw.points} points × ${sw.trials} trials, ${sw.fidelity} fidelity, seed ${sw.seed})`);
  const files = [['report.html', 'report'], ['results.json', 'results.json'], ['summary.parquet', 'summary.parquet']];
  out.replaceChildren(el('p', { className: 'downloads' }, 'Download: ', files.map(([f, t]) => el('a', { href: `/api/sweeps/${sw.id}/files/${f}?download=1` }, t))),
    ...sweepFigures(sw), el('h3', {}, 'Points'), sweepTable(sw),
    el('p', { className: 'notes' }, 'Reproduce: ', el('code', {}, sw.reproduce)));
  document.body.dataset.sweepDone = String(sw.id);
}

function watchSweep(id) {
  $('sw-progress').value = 0;
  setStatus('sw-status', `sweep ${id}: queued`);
  const es = new EventSource(`/api/sweeps/${id}/events`);
  es.addEventListener('progress', (m) => {
    const p = JSON.parse(m.data);
    if (p.total > 0) $('sw-progress').value = p.done / p.total;
    setStatus('sw-status', `sweep ${id}: ${p.status}, points ${p.done}/${p.total}`);
  });
  es.addEventListener('status', (m) => {
    es.close();
    showSweep(JSON.parse(m.data));
    loadSweeps();
  });
}

$('sw-go').addEventListener('click', async () => {
  $('sw-out').replaceChildren();
  const req = { scenario: $('sw-scenario').value, vary: [$('sw-vary1').value, $('sw-vary2').value].map((v) => v.trim()).filter((v) => v) };
  if ($('sw-trials').value) req.trials = Number($('sw-trials').value);
  if ($('sw-seed').value !== '') req.seed = Number($('sw-seed').value);
  try {
    const r = await api('/api/sweeps', req);
    setState({ tab: 'sweep', sweep: r.id });
    watchSweep(r.id);
  } catch (e) {
    setStatus('sw-status', e.message, true);
  }
});

async function openSweep(id) {
  try {
    const sw = await api(`/api/sweeps/${encodeURIComponent(id)}`);
    setState({ tab: 'sweep', sweep: sw.id });
    if (sw.status === 'queued' || sw.status === 'running') watchSweep(sw.id); else showSweep(sw);
  } catch (e) { setStatus('sw-status', e.message, true); }
}

async function loadSweeps() {
  const out = $('sw-list');
  try {
    const list = await api('/api/sweeps?limit=50');
    if (!list.length) { out.replaceChildren(el('p', { className: 'notes' }, 'No sweeps stored yet.')); return; }
    out.replaceChildren(table(['id', 'scenario', 'varied', 'points', 'trials', 'status', 'time'], list.map((w) => [
      el('a', { href: `?tab=sweep&sweep=${w.id}`, onclick: (ev) => { ev.preventDefault(); openSweep(w.id); } }, String(w.id)),
      w.scenario, (w.axes || []).map((a) => a.path).join(', '), String(w.points), String(w.trials), w.status, new Date(w.created_at).toLocaleString()])));
  } catch (e) {
    out.replaceChildren(el('p', { className: 'status error' }, e.message));
  }
}
$('sw-refresh').addEventListener('click', loadSweeps);

// ---- start: restore the state of the URL ---------------------------------

async function start() {
  const [cat, scs] = await Promise.all([api('/api/catalog'), api('/api/scenarios')]);
  catalog = cat;
  scenarios = scs;
  const placed = cat.filter((e) => e.lat_deg !== undefined);
  options($('ex-site'), placed);
  const missiles = cat.filter((e) => e.kind === 'ballistic-missile' || e.kind === 'cruise-missile');
  options($('ex-missile'), missiles, '(none)');
  options($('ex-radar'), cat.filter((e) => e.kind === 'radar'), '(none)');
  options($('ex-icpt'), cat.filter((e) => e.kind === 'interceptor'), '(none)');
  options($('fly-missile'), missiles, '(burnout-state flight: least speed)');
  const sel = $('run-scenario');
  for (const s of scs) sel.append(el('option', { value: s.name }, `${s.name}${s.default ? ' (default)' : ''}: ${s.kind}`));
  for (const s of scs.filter((x) => x.monte_carlo)) $('sw-scenario').append(el('option', { value: s.name }, s.name));
  $('sw-scenario').value = scs.find((s) => s.default && s.monte_carlo)?.name || $('sw-scenario').value;

  const g = (k, d = '') => state.get(k) ?? d;
  $('ex-site').value = g('site', 'Redzikowo');
  $('ex-missile').value = g('missile');
  $('ex-radar').value = g('radar');
  $('ex-icpt').value = g('icpt');
  if (g('alt')) $('ex-alt').value = g('alt');
  $('ex-bore').value = g('bore');
  $('ex-pick').value = g('pick', 'central');
  $('fly-from').value = g('from');
  $('fly-to').value = g('to');
  $('fly-missile').value = g('fmissile');
  $('fly-profile').value = g('profile', 'min-energy');
  $('fly-bs').checked = g('bs') === '1';
  sel.value = g('scenario', scs.find((s) => s.default)?.name || scs[0].name);
  await loadScenarioText(sel.value);
  if (g('trials')) $('run-trials').value = g('trials');
  if (g('seed')) $('run-seed').value = g('seed');
  $('run-pick').value = g('rpick');

  const tab = g('tab', 'explore');
  showTab(tab);
  if (tab === 'explore' && (g('missile') || g('radar') || g('icpt'))) await explore();
  if (tab === 'fly' && g('from') && g('to')) await fly();
  if (tab === 'run' && g('run')) {
    try {
      const run = await api(`/api/runs/${encodeURIComponent(g('run'))}`);
      if (run.status === 'queued' || run.status === 'running') watchRun(run.id); else await showRun(run);
    } catch (e) { setStatus('run-status', e.message, true); }
  }
  if (tab === 'sweep' && g('sweep')) await openSweep(g('sweep'));
  if (tab === 'history' && g('a') && g('b')) { picked.a = Number(g('a')); picked.b = Number(g('b')); cmpReady(); await compare(picked.a, picked.b); }
  document.body.dataset.ready = '1';
}

map.on('moveend', saveState);
map.on('load', async () => {
  addCountryLabels().catch(() => {});
  try { await start(); } catch (e) { document.body.dataset.ready = 'error'; document.body.dataset.error = e.message; console.error(e); }
});
