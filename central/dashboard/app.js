// tableorder HQ dashboard: a small single-page app over the HQ API (same tokens and roles).
'use strict';

const state = { token: sessionStorage.getItem('tableorder.token'), role: sessionStorage.getItem('tableorder.role'),
  username: sessionStorage.getItem('tableorder.username'), stores: [], navigations: 0, rendering: false };
const app = document.getElementById('app');
const won = v => '₩' + Math.round(v || 0).toLocaleString('ko-KR');
// Every value from the server (names, notes, ids, figures) goes through esc() before it is
// written into HTML: stores, staff and guests choose names, and a leaked store key uploads
// whatever it likes.
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

async function api(path, options = {}) {
  const headers = Object.assign({ 'Authorization': 'Bearer ' + state.token }, options.headers || {});
  if (options.body instanceof Blob) {
    headers['Content-Type'] = options.body.type; // a picture, sent as is (central re-encodes it)
  } else if (options.body && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) { logout(); throw new Error('unauthenticated'); }
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
  return body;
}

// An HQ event stream. EventSource cannot send the Authorization header, and the token never
// goes into a URL: each connection first takes a single-use ticket (valid 30 s) with the
// token, and a dropped stream reconnects with a new ticket. Nothing is lost in between: the
// stream remembers, per store, the newest order event it passed on (frame ids are
// `store:seq`; a new stream's `feed.cursor` event gives the others), and a reconnect asks
// central for what came after (`since`), so an order applied while the stream was down
// arrives once it is back. Frames it already has (an order can come both replayed and
// announced by another central instance) are dropped.
class LiveStream {
  constructor() {
    this.listeners = []; this.source = null; this.closed = false; this.retry = null;
    this.cursor = {}; this.failures = 0; this.connects = 0;
    this.connect();
  }
  get readyState() { return this.source ? this.source.readyState : 0; }
  addEventListener(type, fn) {
    const known = this.listeners.some(([t]) => t === type);
    this.listeners.push([type, fn]);
    if (this.source && !known) this.source.addEventListener(type, e => this.dispatch(e));
  }
  dispatch(e) {
    if (e.lastEventId) {
      const [store, seq] = e.lastEventId.split(':').map(Number);
      if (seq <= (this.cursor[store] || 0)) return;
      this.cursor[store] = seq;
    }
    this.listeners.forEach(([type, fn]) => { if (type === e.type) fn(e); });
  }
  since() { return Object.entries(this.cursor).map(([store, seq]) => store + ':' + seq).join(','); }
  async connect() {
    try {
      const { ticket } = await api('/api/v1/feed/stream-ticket', { method: 'POST' });
      if (this.closed) return;
      const since = this.since();
      const source = new EventSource('/api/v1/feed?ticket=' + encodeURIComponent(ticket)
                                     + (since ? '&since=' + encodeURIComponent(since) : ''));
      this.connects++;
      source.addEventListener('feed.cursor', e => {
        // Where central stands for stores this page has no order from yet; the replay
        // that follows moves the others on.
        const cursor = JSON.parse(e.data).cursor || {};
        Object.entries(cursor).forEach(([store, seq]) => { if (!(store in this.cursor)) this.cursor[store] = seq; });
      });
      const types = new Set(this.listeners.map(([type]) => type));
      types.forEach(type => source.addEventListener(type, e => this.dispatch(e)));
      source.onopen = () => { this.failures = 0; };
      // A ticket opens one stream: EventSource's own retry would reuse it, so retry here.
      source.onerror = () => { source.close(); if (this.source === source) this.reconnect(); };
      this.source = source;
    } catch (e) { this.reconnect(); }
  }
  reconnect() {
    clearTimeout(this.retry);
    // 0.5 s, then doubling to 10 s while central cannot be reached.
    const delay = Math.min(10000, 500 * 2 ** Math.min(this.failures++, 5));
    if (!this.closed) this.retry = setTimeout(() => this.connect(), delay);
  }
  close() { this.closed = true; clearTimeout(this.retry); if (this.source) this.source.close(); }
}

// CSV for spreadsheets: a text cell starting with = + - @ (or a tab or carriage return) would
// run as a formula, so it gets a leading apostrophe (OWASP's CSV injection advice).
function csvCell(v) {
  let text = String(v ?? '');
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return '"' + text.replace(/"/g, '""') + '"';
}
// Excel on a Korean Windows PC opens it as it is: UTF-8 with a BOM (download() adds it),
// CRLF line ends, every cell quoted; `label` names the columns in the reader's language.
function toCsv(rows, label = key => key, cols = Object.keys(rows[0] || { key: '', orders: '', total: '' })) {
  return [cols.map(c => csvCell(label(c))).join(',')].concat(rows.map(r => cols.map(c => csvCell(r[c])).join(','))).join('\r\n') + '\r\n';
}

// The business date "today" in a store's time zone. A store's business day ends at its
// cutoff (the edge's default: 04:00), so a sale at 00:30 still counts for the evening before.
const BUSINESS_DAY_CUTOFF_HOURS = 4;
// A date field as text, YYYY-MM-DD: the browser's own date widget shows the browser's locale
// (mm/dd/yyyy on an English Chromium), not the page's.
function dateInput(name, value) {
  return `<input type="text" name="${name}" value="${value}" size="10" maxlength="10" inputmode="numeric" placeholder="YYYY-MM-DD" pattern="\\d{4}-\\d{2}-\\d{2}">`;
}

function localDate(timeZone, offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000 - BUSINESS_DAY_CUTOFF_HOURS * 3600000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'Asia/Seoul' }).format(d);
}
function delta(now, before) {
  if (!before) return `<div class="delta muted">${t('overview.vsLastWeek')}: —</div>`;
  const pct = Math.round((now - before) / before * 100);
  return `<div class="delta ${pct >= 0 ? 'up' : 'down'}">${pct >= 0 ? '▲' : '▼'} ${Math.abs(pct)}% ${t('overview.vsLastWeek')}</div>`;
}
// A duration in the chart's words: "45초", "12분", "18분 17초" (en: 45 s, 12 min, 18 min 17 s).
const fmtDuration = seconds => ChartKit.format.seconds(seconds);
function storeHealth(s, recon) {
  if (s.status !== 'online') return { level: 2, badge: `<span class="badge bad">${t('status.offline')}</span>` };
  if (s.lag_ms > 60000 || s.backlog > 100) return { level: 1, badge: `<span class="badge warn">${t('status.lagging')}</span>` };
  if (recon === false) return { level: 1, badge: `<span class="badge warn">${t('recon.bad')}</span>` };
  return { level: 0, badge: `<span class="badge ok">${t('status.online')}</span>` };
}

function renderLogin() {
  document.getElementById('top').hidden = true;
  app.innerHTML = `<div class="card login"><h1 data-i18n="login.title"></h1>
    <form id="login"><input name="username" autocomplete="username" data-ph="login.username">
    <input name="password" type="password" autocomplete="current-password" data-ph="login.password">
    <div class="error" id="login-error"></div><button type="submit" data-i18n="login.submit"></button></form></div>`;
  app.querySelectorAll('[data-ph]').forEach(i => i.placeholder = t(i.dataset.ph));
  applyI18n(app);
  document.getElementById('login').addEventListener('submit', async e => {
    e.preventDefault();
    const form = new FormData(e.target);
    const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }) });
    if (!response.ok) { document.getElementById('login-error').textContent = t('login.failed'); return; }
    const body = await response.json();
    state.token = body.token; state.role = body.role; state.username = body.username || String(form.get('username'));
    sessionStorage.setItem('tableorder.token', body.token); sessionStorage.setItem('tableorder.role', body.role);
    sessionStorage.setItem('tableorder.username', state.username);
    // One render: the hashchange's, or route()'s when the address is already the overview.
    if (location.hash === '#/overview') route(); else location.hash = '#/overview';
  });
}

function logout() {
  sessionStorage.clear(); state.token = null;
  if (state.feed) state.feed.close();
  Fleet.stop();
  location.hash = '#/login';
  renderLogin();
}

async function loadStores() {
  state.stores = (await api('/api/v1/stores')).stores;
  return state.stores;
}

async function renderOverview() {
  app.innerHTML = `<h1 data-i18n="overview.title"></h1><div class="grid" id="kpis"></div>
    <div class="card"><h2 data-i18n="overview.stores"></h2><table id="stores"></table></div>`;
  applyI18n(app);
  const stores = await loadStores();
  const zone = (stores[0] && stores[0].timezone) || 'Asia/Seoul';
  const today = localDate(zone), lastWeek = localDate(zone, -7);
  const [now, before, recon] = await Promise.all([
    api(`/api/v1/reports/sales?from=${today}&to=${today}&group_by=store`),
    api(`/api/v1/reports/sales?from=${lastWeek}&to=${lastWeek}&group_by=store`),
    api('/api/v1/reconciliation'),
  ]);
  const sum = (rows, f) => rows.reduce((a, r) => a + (r[f] || 0), 0);
  const prep = rows => { const c = rows.filter(r => r.avg_prep_seconds !== null);
    return c.length ? c.reduce((a, r) => a + r.avg_prep_seconds * r.orders, 0) / c.reduce((a, r) => a + r.orders, 0) : null; };
  document.getElementById('kpis').innerHTML = `
    <div class="card kpi" id="kpi-sales"><h2>${t('overview.sales')}</h2><div class="value">${esc(won(sum(now.rows, 'total')))}</div>${delta(sum(now.rows, 'total'), sum(before.rows, 'total'))}</div>
    <div class="card kpi" id="kpi-orders"><h2>${t('overview.orders')}</h2><div class="value">${esc(sum(now.rows, 'orders'))}</div>${delta(sum(now.rows, 'orders'), sum(before.rows, 'orders'))}</div>
    <div class="card kpi" id="kpi-prep"><h2>${t('overview.prep')}</h2><div class="value">${esc(fmtDuration(prep(now.rows)))}</div><div class="delta muted">${t('overview.vsLastWeek')}: ${esc(fmtDuration(prep(before.rows)))}</div></div>`;
  const byStore = id => now.rows.find(r => r.store_id === id) || { total: 0, orders: 0 };
  const reconOk = id => { const rows = recon.rows.filter(r => r.store_id === id && r.business_date === today);
    return rows.length ? rows.every(r => r.matches) : null; };
  const rows = stores.map(s => ({ s, health: storeHealth(s, reconOk(s.id)), sales: byStore(s.id) }))
    .sort((a, b) => b.health.level - a.health.level || a.s.id - b.s.id);
  document.getElementById('stores').innerHTML = `<tr><th>${t('store.name')}</th><th>${t('store.status')}</th>
    <th class="num">${t('store.sales')}</th><th class="num">${t('store.orders')}</th><th class="num">${t('store.backlog')}</th>
    <th class="num">${t('store.lag')}</th><th>${t('store.recon')}</th><th>${t('store.lastSync')}</th></tr>` +
    rows.map(({ s, health, sales }) => `<tr class="store-row" data-store="${esc(s.id)}"><td><a href="#/store/${esc(s.id)}">${esc(s.name)}</a></td>
      <td>${health.badge}</td><td class="num">${esc(won(sales.total))}</td><td class="num">${esc(sales.orders)}</td>
      <td class="num">${esc(s.backlog)}</td><td class="num">${esc(ChartKit.format.ms(s.lag_ms))}</td>
      <td>${reconOk(s.id) === null ? '—' : reconOk(s.id) ? `<span class="badge ok">${t('recon.ok')}</span>` : `<span class="badge bad">${t('recon.bad')}</span>`}</td>
      <td class="muted">${esc(s.last_sync_at ? localTime(s.last_sync_at) : '—')}</td></tr>`).join('');
}

async function renderStore(id) {
  const s = await api(`/api/v1/stores/${id}`);
  const today = localDate(s.timezone);
  app.innerHTML = `<h1>${esc(s.name)}</h1>
    <div class="grid">
      <div class="card kpi"><h2>${t('store.status')}</h2><div class="value">${storeHealth(s, null).badge}</div><div class="delta muted">${t('store.version')} ${esc(s.edge_version || '—')}</div></div>
      <div class="card kpi"><h2>${t('store.backlog')}</h2><div class="value">${esc(s.backlog)}</div></div>
      <div class="card kpi"><h2>${t('store.lag')}</h2><div class="value">${esc(ChartKit.format.ms(s.lag_ms))}</div></div>
      <div class="card kpi"><h2>${t('store.lastSync')}</h2><div class="value small">${esc(s.last_sync_at ? localTime(s.last_sync_at) : '—')}</div></div>
    </div>
    <div class="card"><h2>${t('store.hourly')}</h2><div class="chart" id="hourly"></div></div>
    <div class="grid"><div class="card"><h2>${t('store.top')}</h2><div class="chart" id="top-items"></div></div>
    <div class="card"><h2>${t('store.prepTrend')}</h2><div class="chart" id="prep"></div></div></div>`;
  const [hourly, top, prep] = await Promise.all([
    api(`/api/v1/reports/sales?from=${today}&to=${today}&group_by=hour&store_id=${id}`),
    api(`/api/v1/reports/sales?from=${localDate(s.timezone, -6)}&to=${today}&group_by=item&store_id=${id}`),
    api(`/api/v1/reports/sales?from=${localDate(s.timezone, -13)}&to=${today}&group_by=day&store_id=${id}`),
  ]);
  // The business day's hours from its cutoff (04 … 03); hours still ahead are empty, not ₩0.
  const nowHour = new Date(Date.now() + ChartKit.zoneOffset(Date.now(), s.timezone || 'Asia/Seoul')).getUTCHours();
  const sinceCutoff = h => (h - BUSINESS_DAY_CUTOFF_HOURS + 24) % 24;
  const hours = [...Array(24).keys()].map(i => (i + BUSINESS_DAY_CUTOFF_HOURS) % 24);
  ChartKit.bars(document.getElementById('hourly'), hours.map(h => String(h).padStart(2, '0') + (LANG === 'en' ? ':00' : '시')),
                hours.map(h => sinceCutoff(h) > sinceCutoff(nowHour) ? null
                  : (hourly.rows.find(r => Number(r.key) === h) || {}).total || 0), { format: ChartKit.format.won });
  const items = top.rows.slice(0, 8);
  ChartKit.bars(document.getElementById('top-items'), items.map(r => r.key), items.map(r => r.quantity),
                { color: '#1c7ed6', labelChars: 14, horizontal: true });
  const days = [...Array(14).keys()].map(i => localDate(s.timezone, i - 13));
  ChartKit.time(document.getElementById('prep'), [{ label: t('store.prepTrend'), points: days.map(d => {
    const r = prep.rows.find(x => x.key === d);
    return [ChartKit.dayStart(d, s.timezone), r && r.avg_prep_seconds !== null ? r.avg_prep_seconds : null];
  }) }], { format: ChartKit.format.seconds, timeZone: s.timezone, gapMs: 1.5 * 86400000, legend: false });
}

async function renderReports() {
  const stores = await loadStores();
  const zone = (stores[0] && stores[0].timezone) || 'Asia/Seoul';
  app.innerHTML = `<h1 data-i18n="reports.title"></h1><div class="card"><form class="row" id="report">
    <label>${t('reports.from')} ${dateInput('from', localDate(zone, -6))}</label>
    <label>${t('reports.to')} ${dateInput('to', localDate(zone))}</label>
    <label>${t('reports.group')} <select name="group_by">${['store', 'day', 'hour', 'item', 'option'].map(g => `<option value="${g}">${t('group.' + g)}</option>`).join('')}</select></label>
    <label>${t('store.name')} <select name="store_id"><option value="">${t('common.all')}</option>${stores.map(s => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('')}</select></label>
    <button type="submit">${t('reports.run')}</button><button type="button" class="secondary" id="csv">${t('reports.csv')}</button></form>
    <div class="chart" id="report-chart"></div><table id="report-table"></table></div>
    <div class="card" id="days-card"><div class="row"><h2>${t('days.title')}</h2><button type="button" class="secondary" id="days-csv">${t('days.csv')}</button></div>
    <div class="grid"><div><h3>${t('days.byMethod')}</h3><div class="chart" id="methods-chart"></div></div><table id="methods-table"></table></div>
    <table id="days-table"></table></div>`;
  applyI18n(app);
  let last = null;
  let lastDays = null;
  const run = async () => {
    const form = new FormData(document.getElementById('report'));
    const q = new URLSearchParams({ from: form.get('from'), to: form.get('to'), group_by: form.get('group_by') });
    if (form.get('store_id')) q.set('store_id', form.get('store_id'));
    last = await api('/api/v1/reports/sales?' + q);
    const item = last.group_by === 'item';
    const option = last.group_by === 'option';
    // By option the question is "how many": the chart shows quantities, the table also what
    // the option itself added (sales) and the totals of its lines.
    const chartRows = last.rows.slice(0, 40);
    if (option) ChartKit.bars(document.getElementById('report-chart'), chartRows.map(r => r.key), chartRows.map(r => r.quantity), { labelChars: 12 });
    else ChartKit.bars(document.getElementById('report-chart'), chartRows.map(r => r.key), chartRows.map(r => r.total), { format: ChartKit.format.won, labelChars: 12 });
    document.getElementById('report-table').innerHTML = `<tr><th>${t('reports.key')}</th><th class="num">${t('reports.orders')}</th>
      ${item || option ? `<th class="num">${t('reports.quantity')}</th>` : `<th class="num">${t('reports.prep')}</th>`}
      ${option ? `<th class="num">${t('reports.optionSales')}</th>` : ''}<th class="num">${t('reports.total')}</th></tr>` +
      last.rows.map(r => `<tr><td>${esc(r.key)}</td><td class="num">${esc(r.orders)}</td>
        <td class="num">${esc(item || option ? r.quantity : fmtDuration(r.avg_prep_seconds))}</td>
        ${option ? `<td class="num">${esc(won(r.sales))}</td>` : ''}<td class="num">${esc(won(r.total))}</td></tr>`).join('');
    const dq = new URLSearchParams({ from: form.get('from'), to: form.get('to') });
    if (form.get('store_id')) dq.set('store_id', form.get('store_id'));
    const [days, recon] = await Promise.all([api('/api/v1/reports/days?' + dq), api('/api/v1/reconciliation' + (form.get('store_id') ? '?store_id=' + encodeURIComponent(form.get('store_id')) : ''))]);
    lastDays = days;
    renderDays(days.rows, recon.rows);
  };
  document.getElementById('report').addEventListener('submit', e => { e.preventDefault(); run(); });
  document.getElementById('csv').addEventListener('click', () => {
    if (!last) return;
    download(toCsv(last.rows, Fmt.csvLabel), `sales-${last.group_by}-${last.from}-${last.to}.csv`);
  });
  document.getElementById('days-csv').addEventListener('click', () => {
    if (!lastDays) return;
    download(toCsv(lastDays.rows.map(dayCsvRow), Fmt.csvLabel), `money-${lastDays.from}-${lastDays.to}.csv`);
  });
  run();
}

function download(csv, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

const METHODS = ['card', 'cash', 'transfer', 'other'];
function dayCsvRow(r) {
  const row = { store: r.store_name, business_date: r.business_date, orders: r.orders, canceled_orders: r.canceled_orders,
                gross: r.gross, voids: r.voids, discounts: r.discounts, net: r.net, paid: r.paid };
  METHODS.forEach(m => { row['paid_' + m] = (r.payments_by_method || {})[m] || 0; });
  row.closed = r.closed ? 'yes' : 'no';
  return row;
}

// The stores' money per business day: payments by method (chart and totals), and per store
// and day gross, voids, discounts, net and payments, with the closed day's Z report checked
// against HQ's own sums (GET /reconciliation).
function renderDays(rows, recon) {
  const totals = {};
  METHODS.forEach(m => { totals[m] = rows.reduce((a, r) => a + ((r.payments_by_method || {})[m] || 0), 0); });
  ChartKit.bars(document.getElementById('methods-chart'), METHODS.map(m => t('method.' + m)), METHODS.map(m => totals[m]), { format: ChartKit.format.won, color: '#2f9e44' });
  document.getElementById('methods-table').innerHTML = METHODS.map(m => `<tr class="method-row" data-method="${esc(m)}"><td>${esc(t('method.' + m))}</td>
    <td class="num">${esc(won(totals[m]))}</td></tr>`).join('') +
    `<tr><th>${t('days.paid')}</th><th class="num" id="methods-total">${esc(won(METHODS.reduce((a, m) => a + totals[m], 0)))}</th></tr>`;
  const check = r => {
    const row = recon.find(x => x.store_id === r.store_id && x.business_date === r.business_date);
    if (!row || row.z_matches === null) return `<span class="muted">${t('days.noZ')}</span>`;
    if (row.z_matches) return `<span class="badge ok">${t('days.zMatches')}</span>`;
    const name = f => f.startsWith('payments_by_method.') ? t('method.' + f.slice(19)) : t('field.' + f);
    return `<span class="badge bad">${t('days.zDiffers')}</span>` + row.differences.map(d =>
      `<div class="muted z-diff">${esc(name(d.field))}: ${t('days.store')} ${esc(won(d.store))} / ${t('days.hq')} ${esc(won(d.hq))}</div>`).join('');
  };
  document.getElementById('days-table').innerHTML = `<tr><th>${t('store.name')}</th><th>${t('days.date')}</th>
    <th class="num">${t('days.gross')}</th><th class="num">${t('days.voids')}</th><th class="num">${t('days.discounts')}</th>
    <th class="num">${t('days.net')}</th>${METHODS.map(m => `<th class="num">${t('method.' + m)}</th>`).join('')}
    <th>${t('days.closed')}</th><th>${t('days.z')}</th></tr>` +
    rows.map(r => `<tr class="day-row" data-store="${esc(r.store_id)}" data-date="${esc(r.business_date)}"><td>${esc(r.store_name)}</td><td class="date">${esc(Fmt.date(r.business_date))}</td>
      <td class="num" data-field="gross">${esc(won(r.gross))}</td><td class="num" data-field="voids">${esc(won(r.voids))}</td>
      <td class="num" data-field="discounts">${esc(won(r.discounts))}</td><td class="num" data-field="net">${esc(won(r.net))}</td>
      ${METHODS.map(m => `<td class="num" data-field="${esc(m)}">${esc(won((r.payments_by_method || {})[m]))}</td>`).join('')}
      <td>${r.closed ? `<span class="badge ok">${t('days.closed')}</span>` : `<span class="muted">${t('days.open')}</span>`}</td>
      <td class="z-check">${check(r)}</td></tr>`).join('') +
    (rows.length ? '' : `<tr><td colspan="12" class="muted">${t('days.none')}</td></tr>`);
}

// What one staff action did, in words; every value from the store is escaped by the caller.
function auditDetail(e) {
  const d = e.data || {};
  const reason = d.reason ? ` · ${t('audit.reason')}: ${d.reason}` : '';
  const table = n => t('audit.table').replace('{n}', n);
  const order = n => t('audit.order').replace('{n}', n);
  switch (e.type) {
  case 'payment.recorded': { const p = d.payment || {};
    return `${t('method.' + p.method)} ${won(p.amount)} · ${table(p.table_number)}`; }
  case 'order.voided': return `${order(d.order_number)} ${won(d.amount)}${reason}`;
  case 'bill.discount_added': { const x = d.discount || {};
    return `${won(x.amount)} (${x.kind === 'percent' ? x.value + '%' : won(x.value)})${x.reason ? ` · ${t('audit.reason')}: ${x.reason}` : ''} · ${table(d.table_number)}`; }
  case 'table.session_closed': return `${table(d.table_number)} · ${t('close.' + d.close)}${reason}`;
  case 'business_day.closed': return `${d.date} · ${t('days.net')} ${won((d.report || {}).net)}${d.report && d.report.forced_reason ? ` · ${t('audit.reason')}: ${d.report.forced_reason}` : ''}`;
  case 'order.updated': case 'order.created': return `${order(d.number)} · ${table(d.table_number)} · ${Fmt.statusText(d.status)}`;
  case 'order.acknowledged': return `${order(d.number)} · ${table(d.table_number)}`;
  case 'order.lines_done': return `${(d.lines || []).map(l => l.name).join(', ')}${d.station ? ' · ' + d.station : ''}`;
  case 'table.visit_left': case 'table.visit_arrived': return `${table(d.from_table_number)} → ${table(d.to_table_number)}`;
  default: return d.name || d.username || '';
  }
}

// An action's name; a type this dashboard has no words for shows as the store sent it.
function actionName(type) {
  const key = 'action.' + type;
  return ((I18N[LANG] || {})[key] || I18N.ko[key]) ? t(key) : type;
}

async function renderAudit() {
  const stores = await loadStores();
  const zone = (stores[0] && stores[0].timezone) || 'Asia/Seoul';
  app.innerHTML = `<h1>${t('audit.title')}</h1><div class="card"><form class="row" id="audit-form">
    <label>${t('reports.from')} ${dateInput('from', localDate(zone, -6))}</label>
    <label>${t('reports.to')} ${dateInput('to', localDate(zone))}</label>
    <label>${t('audit.store')} <select name="store_id"><option value="">${t('common.all')}</option>${stores.map(s => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('')}</select></label>
    <label>${t('audit.staff')} <input type="number" min="1" name="actor"></label>
    <button type="submit">${t('audit.run')}</button><button type="button" class="secondary" id="audit-csv">${t('audit.csv')}</button></form>
    <table id="audit-table"></table></div>`;
  let last = [];
  // A business date's day in the browser's time zone, as timestamps (the API's bounds).
  const bound = (date, end) => { const d = new Date(date + 'T00:00:00'); if (end) d.setDate(d.getDate() + 1); return d.toISOString(); };
  const run = async () => {
    const form = new FormData(document.getElementById('audit-form'));
    const q = new URLSearchParams({ limit: '500' });
    if (form.get('from')) q.set('from', bound(form.get('from'), false));
    if (form.get('to')) q.set('to', bound(form.get('to'), true));
    if (form.get('store_id')) q.set('store_id', form.get('store_id'));
    if (form.get('actor')) q.set('actor', form.get('actor'));
    last = (await api('/api/v1/audit?' + q)).entries;
    document.getElementById('audit-table').innerHTML = `<tr><th>${t('audit.at')}</th><th>${t('store.name')}</th><th>${t('audit.actor')}</th>
      <th>${t('audit.action')}</th><th>${t('audit.detail')}</th><th class="num">${t('audit.seq')}</th></tr>` +
      last.map(e => `<tr class="audit-row" data-type="${esc(e.type)}"><td class="muted">${esc(localTime(e.at))}</td><td>${esc(e.store_name)}</td>
        <td>${esc(e.actor.name)} <span class="muted">${esc(t('role.' + e.actor.role))} #${esc(e.actor.staff_id)}</span></td>
        <td>${esc(actionName(e.type))}</td><td class="audit-detail">${esc(auditDetail(e))}</td><td class="num">${esc(e.seq)}</td></tr>`).join('') +
      (last.length ? '' : `<tr><td colspan="6" class="muted">${t('audit.none')}</td></tr>`);
  };
  document.getElementById('audit-form').addEventListener('submit', e => { e.preventDefault(); run(); });
  document.getElementById('audit-csv').addEventListener('click', () => {
    download(toCsv(last.map(e => ({ at: Fmt.csvTime(e.at), store: e.store_name, staff: e.actor.name, staff_id: e.actor.staff_id,
                                    action: actionName(e.type), detail: auditDetail(e), seq: e.seq })), Fmt.csvLabel), 'audit.csv');
  });
  await run();
}

// A file input's picture as a data: URL, for the preview (the CSP allows data: images).
function previewPicture(input, img) {
  const file = input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => { img.src = reader.result; img.hidden = false; };
  reader.readAsDataURL(file);
}
// A button of our own words around the file input: the browser's "Choose File / No file
// chosen" is in the browser's language and was cut off in the menu table's narrow column.
const pictureInput = (name, extra = '') =>
  `<label class="button secondary file-pick">${t('menus.picture')}<input type="file" name="${name}" accept="image/jpeg,image/png,image/webp" class="picture-input" hidden ${extra}></label>`;
// Dates and times in the dashboard's language, not the browser's.
// "2026-12-31 11:00" typed in the admin's own time zone (the field's pattern has checked the
// shape): a Date. A text field rather than datetime-local, whose widget follows the browser's
// locale (mm/dd/yyyy on an English browser reading a Korean page).
const localDateTime = (text) => new Date(text.trim().replace(' ', 'T'));
const localTime = (iso, timeOnly = false) => (timeOnly ? Fmt.time(iso) : Fmt.dateTime(iso));
const pictureCell = (src, extra = '') =>
  `<img class="thumb" ${src ? `src="${esc(src)}"` : 'hidden'} alt="" ${extra}>`;

async function renderMenus(storeId) {
  const stores = await loadStores();
  const id = Number(storeId || (stores[0] && stores[0].id));
  if (!id) { app.innerHTML = `<h1>${t('menus.title')}</h1><p class="muted">${t('common.none')}</p>`; return; }
  const [menu, versions] = await Promise.all([api(`/api/v1/stores/${id}/menu`), api(`/api/v1/stores/${id}/menu/versions`)]);
  const admin = state.role === 'hq_admin';
  const off = admin ? '' : 'disabled';
  const base = `/api/v1/stores/${id}/menu`;
  const groups = menu.option_groups || [];
  const itemById = new Map(menu.categories.flatMap(c => c.items).map(i => [i.id, i]));
  const columns = admin ? 7 : 5;
  app.innerHTML = `<h1>${t('menus.title')}</h1>
    <div class="row"><label>${t('menus.store')} <select id="menu-store">${stores.map(s => `<option value="${esc(s.id)}" ${s.id === id ? 'selected' : ''}>${esc(s.name)}</option>`).join('')}</select></label></div>
    <div class="grid menus-layout">
    <div><div class="card"><form id="menu-form">${menu.categories.map(c => `<div class="menu-cat" data-category="${esc(c.id)}">
      <div class="row"><input class="cat-name" data-category="${esc(c.id)}" data-original="${esc(c.name)}" value="${esc(c.name)}" ${off} aria-label="${t('menus.category')}">
      <button type="button" class="secondary toggle-cat" data-category="${esc(c.id)}">${t('menus.details')}</button>
      ${admin ? `<button type="button" class="secondary danger del-cat" data-category="${esc(c.id)}">${t('menus.deleteCategory')}</button>` : ''}</div>
      ${MenuEditor.categoryDetails(c, off)}<table>${MenuPreview.columns(admin)}` +
      c.items.map(i => `<tr class="menu-item" data-item="${esc(i.id)}"><td>${pictureCell(i.image_url)}</td>
        <td><input class="item-field" data-field="name" data-original="${esc(i.name)}" value="${esc(i.name)}" ${off} aria-label="${t('menus.name')}"></td>
        <td><input class="item-field" data-field="description" data-original="${esc(i.description)}" value="${esc(i.description)}" placeholder="${t('menus.description')}" ${off}></td>
        <td class="num">${MenuPreview.priceInput(`class="price-input item-field" data-field="price" name="price-${esc(i.id)}" data-item="${esc(i.id)}" aria-label="${t('menus.price')}" ${off}`, i.price)}</td>
        ${admin ? `<td>${pictureInput('picture-' + esc(i.id))}</td><td><button type="button" class="secondary danger del-item" data-item="${esc(i.id)}">${t('menus.delete')}</button></td>` : ''}
        <td><button type="button" class="secondary toggle-details" data-item="${esc(i.id)}">${t('menus.details')}</button></td></tr>
        ${MenuEditor.itemDetailsRow(i, groups, off, columns)}`).join('') +
      '</table>' + (admin ? `<div class="row new-item" data-category="${esc(c.id)}"><input name="new-name" placeholder="${t('menus.name')}">
        ${MenuPreview.priceInput(`name="new-price" placeholder="${t('menus.price')}" aria-label="${t('menus.price')}"`, null)}
        <input name="new-description" placeholder="${t('menus.description')}">${pictureInput('new-picture')}${pictureCell('')}
        <button type="button" class="secondary add-item">${t('menus.addItem')}</button></div>` : '') + '</div>').join('')}
      ${admin ? `<div class="row"><input id="new-category" placeholder="${t('menus.category')}"><button type="button" class="secondary" id="add-category">${t('menus.addCategory')}</button></div>
      <div class="row"><label>${t('menus.publishAt')} <input type="text" name="publish_at" inputmode="numeric" placeholder="2026-12-31 11:00" pattern="\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}" title="YYYY-MM-DD HH:MM"></label>
      <button type="submit" id="menu-save">${t('menus.save')}</button><span id="menu-status" class="muted"></span></div>` : ''}</form></div>
    ${MenuEditor.groupsCard(groups, admin)}</div>
    <div><div class="card"><h2>${t('menus.versions')}</h2><table class="versions">${versions.versions.map(v => `<tr class="version-row"><td class="version">v${esc(v.version)}</td>
      <td class="muted">${esc(v.note)}<div class="when">${esc(v.published_at ? t('menus.published') : t('menus.scheduled'))} <span class="stamp">${esc(localTime(v.published_at || v.publish_at))}</span></div>
        ${admin && v.version !== menu.published_version ? `<button type="button" class="secondary rollback" data-version="${esc(v.version)}">${t('menus.rollback')}</button>` : ''}</td></tr>`).join('')}</table></div>
    ${admin ? `<div class="card"><h2>${t('menus.bulk')}</h2><form id="bulk">
      <div class="row"><input name="category" placeholder="${t('menus.category')}" required><input name="name" placeholder="${t('menus.name')}" required>
      ${MenuPreview.priceInput(`name="price" placeholder="${t('menus.price')}" aria-label="${t('menus.price')}" required`, null)}</div>
      <div class="row"><input name="description" placeholder="${t('menus.description')}">${pictureInput('picture')}${pictureCell('')}</div>
      <div class="row"><label>${t('menus.publishAt')} <input type="text" name="publish_at" inputmode="numeric" placeholder="2026-12-31 11:00" pattern="\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}" title="YYYY-MM-DD HH:MM"></label></div>
      <div class="row">${stores.map(s => `<label><input type="checkbox" name="store" value="${esc(s.id)}" checked> ${esc(s.name)}</label>`).join('')}</div>
      <button type="submit">${t('menus.apply')}</button> <span id="bulk-status" class="muted"></span></form></div>` : ''}</div></div>`;
  document.getElementById('menu-store').addEventListener('change', e => { location.hash = '#/menus/' + e.target.value; });
  document.querySelectorAll('.toggle-cat').forEach(b => b.addEventListener('click', () => {
    const box = document.querySelector(`.cat-details[data-category="${b.dataset.category}"]`);
    box.hidden = !box.hidden;
  }));
  document.querySelectorAll('.toggle-details').forEach(b => b.addEventListener('click', () => {
    const row = document.querySelector(`tr.item-details[data-item="${b.dataset.item}"]`);
    row.hidden = !row.hidden;
  }));
  if (!admin) return;
  const status = text => { document.getElementById('menu-status').textContent = text; };
  const failed = err => status(t('menus.failed') + ': ' + err.message);
  // Edits are staged (?publish=later) and published together by "Save and publish".
  const staged = async (work, what) => {
    try { await work(); MenuPreview.remember(id, what || t('menus.optionGroups')); status(t('menus.staged')); route(); } catch (err) { failed(err); }
  };
  MenuEditor.bindGroups(base, work => staged(work, t('menus.optionGroups')));
  document.querySelectorAll('.picture-input').forEach(input => input.addEventListener('change', () =>
    previewPicture(input, input.closest('tr, .row').querySelector('img.thumb'))));
  document.getElementById('add-category').addEventListener('click', () => staged(async () => {
    const name = document.getElementById('new-category').value.trim();
    if (name) await api(`${base}/categories?publish=later`, { method: 'POST', body: { name, display_order: (menu.categories.length + 1) * 10 } });
  }, t('menus.addCategory') + ': ' + document.getElementById('new-category').value.trim()));
  const categoryName = cid => (menu.categories.find(c => String(c.id) === String(cid)) || {}).name;
  document.querySelectorAll('.del-cat').forEach(b => b.addEventListener('click', () => staged(() =>
    api(`${base}/categories/${b.dataset.category}?publish=later`, { method: 'DELETE' }), t('menus.deleteCategory') + ': ' + categoryName(b.dataset.category))));
  document.querySelectorAll('.del-item').forEach(b => b.addEventListener('click', () => staged(() =>
    api(`${base}/items/${b.dataset.item}?publish=later`, { method: 'DELETE' }), t('menus.delete') + ': ' + (itemById.get(Number(b.dataset.item)) || {}).name)));
  document.querySelectorAll('.add-item').forEach(b => b.addEventListener('click', () => staged(async () => {
    const row = b.closest('.new-item');
    const field = n => row.querySelector(`[name="${n}"]`);
    const item = await api(`${base}/items?publish=later`, { method: 'POST', body: { category_id: Number(row.dataset.category),
      name: field('new-name').value.trim(), price: MenuPreview.priceValue(field('new-price').value), description: field('new-description').value } });
    const picture = field('new-picture').files[0];
    if (picture) await api(`${base}/items/${item.id}/image?publish=later`, { method: 'POST', body: picture });
  }, MenuPreview.addedText(b.closest('.new-item'), categoryName(b.closest('.new-item').dataset.category)))));
  // "Save and publish" first shows what the publish will change in this store; the
  // preview's button publishes.
  const storeName = (stores.find(s => s.id === id) || {}).name || ('#' + id);
  document.getElementById('menu-form').addEventListener('submit', e => {
    e.preventDefault();
    try {
      const changes = MenuPreview.formChanges(menu, itemById).concat(MenuPreview.remembered(id));
      MenuPreview.show(document.getElementById('menu-form'), storeName, new FormData(e.target).get('publish_at'),
                       changes, () => publish(changes));
    } catch (err) { failed(err); }
  });
  const publish = async changes => {
    // The version's note says what it changed (the versions list shows it).
    const note = changes.join('; ').slice(0, 300) || 'dashboard';
    const at = new FormData(document.getElementById('menu-form')).get('publish_at');
    const page = location.hash;
    const navigation = state.navigations;
    try {
      // Stage every change (names, descriptions, prices, pictures, details), then publish once.
      for (const input of document.querySelectorAll('.cat-name')) {
        const category = menu.categories.find(c => String(c.id) === input.dataset.category);
        const body = MenuEditor.changedCategory(document.querySelector(`.cat-details[data-category="${input.dataset.category}"]`), category);
        if (input.value !== input.dataset.original) body.name = input.value;
        if (Object.keys(body).length)
          await api(`${base}/categories/${input.dataset.category}?publish=later`, { method: 'PUT', body });
      }
      for (const row of document.querySelectorAll('tr.menu-item')) {
        const body = {};
        row.querySelectorAll('.item-field').forEach(input => {
          if (input.value !== input.dataset.original) body[input.dataset.field] = input.dataset.field === 'price' ? MenuPreview.priceValue(input.value) : input.value;
        });
        const details = document.querySelector(`tr.item-details[data-item="${row.dataset.item}"]`);
        Object.assign(body, MenuEditor.changedDetails(details, itemById.get(Number(row.dataset.item))));
        if (Object.keys(body).length)
          await api(`${base}/items/${row.dataset.item}?publish=later`, { method: 'PUT', body });
        const picture = row.querySelector('.picture-input').files[0];
        if (picture) await api(`${base}/items/${row.dataset.item}/image?publish=later`, { method: 'POST', body: picture });
      }
      await api(`${base}/publish`, { method: 'POST', body: at ? { publish_at: localDateTime(at).toISOString(), note } : { note } });
      MenuPreview.forget(id);
      status(t('menus.saved'));
      // Through the navigation queue, never a render of its own: a render that finished
      // late wrote the menus over the page the user had moved to (the live feed lost its
      // list, and the orders shown on it, that way).
      // Only if nothing rendered since the publish began: a navigation or a staged edit that
      // came while the publish was answering (even to this page again) has rendered already,
      // and a late reload would wipe what the user began on it.
      if (location.hash === page && state.navigations === navigation)
        state.menuReload = setTimeout(() => { if (location.hash === page && state.navigations === navigation) route(); }, 400);
    } catch (err) { failed(err); }
  };
  document.querySelectorAll('.rollback').forEach(b => b.addEventListener('click', async () => {
    await api(`${base}/rollback`, { method: 'POST', body: { version: Number(b.dataset.version) } });
    route();
  }));
  document.getElementById('bulk').addEventListener('submit', e => {
    e.preventDefault();
    const f = new FormData(e.target);
    const chosen = f.getAll('store').map(Number);
    MenuPreview.show(e.target, chosen.map(sid => (stores.find(s => s.id === sid) || {}).name || ('#' + sid)).join(', '),
                     f.get('publish_at'), [MenuPreview.bulkText(f)], () => bulk(e.target), 'bulk');
  });
  const bulk = async formElement => {
    const f = new FormData(formElement);
    const out = document.getElementById('bulk-status');
    try {
      const body = { store_ids: f.getAll('store').map(Number), category: f.get('category'), name: f.get('name'),
        price: MenuPreview.priceValue(f.get('price')), description: f.get('description') };
      if (f.get('publish_at')) body.publish_at = localDateTime(f.get('publish_at')).toISOString();
      // One picture for every store: into the organization's library, then named by URL.
      const picture = formElement.querySelector('.picture-input').files[0];
      if (picture) body.image_url = (await api('/api/v1/images', { method: 'POST', body: picture })).image_url;
      const done = await api('/api/v1/menus/bulk-item', { method: 'POST', body });
      out.textContent = `${t('menus.saved')}: ${done.store_ids.length}`;
    } catch (err) { out.textContent = t('menus.failed') + ': ' + err.message; }
  };
}

function renderLive() {
  app.innerHTML = `<h1 data-i18n="live.title"></h1><div class="card"><ul class="feed" id="feed"><li class="muted" id="feed-waiting">${t('live.waiting')}</li></ul></div>`;
  applyI18n(app);
  if (state.feed) state.feed.close();
  state.feed = new LiveStream();
  const list = document.getElementById('feed');
  const onOrder = e => {
    const m = JSON.parse(e.data);
    const waiting = document.getElementById('feed-waiting');
    if (waiting) waiting.remove();
    const li = document.createElement('li');
    li.className = 'feed-item';
    li.innerHTML = `<span class="muted">${esc(localTime(Date.now(), true))}</span><strong>${esc(m.store_name)}</strong>
      <span>#${esc(m.order.number)} · ${esc(t('live.table'))} ${esc(m.order.table_number)}</span>
      ${Fmt.statusBadge(m.order.status, esc)}<span class="num">${esc(won(m.order.total))}</span>`;
    list.prepend(li);
  };
  state.feed.addEventListener('order.created', onOrder);
  state.feed.addEventListener('order.updated', onOrder);
}

// The tab of the page shown, in either language: a store's sales page belongs to the
// overview, its health page to the fleet; a tab another file registers names its pages in
// data-pages (space-separated).
const TAB_OF = { store: 'overview', health: 'fleet' };
function highlightTab(page) {
  const tab = TAB_OF[page] || page;
  document.querySelectorAll('nav a').forEach(a => {
    const pages = (a.dataset.pages || '').split(' ').filter(Boolean);
    const on = a.getAttribute('href') === '#/' + tab || pages.includes(page);
    a.classList.toggle('active', on);
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

// Navigations render one after another: a page still awaiting its data when the user moves on
// must not write over the next one. At most one render waits behind the running one: it reads
// the address when it starts, so two navigations in a row (the login's, say, and its
// hashchange) render the page once, not twice with the second wiping what the user began on
// the first. state.rendering is true from a navigation until its page is on screen.
let routing = Promise.resolve();
let routeQueued = false;
function route() {
  // A navigation cancels the menu page's pending reload after a save: it would otherwise
  // render over the page the user went to, or wipe what they began typing on a menu page
  // they came back to.
  clearTimeout(state.menuReload);
  state.navigations += 1;
  if (routeQueued) return routing;
  routeQueued = true;
  state.rendering = true;
  const render = () => { routeQueued = false; return renderRoute(); };
  routing = routing.then(render, render).finally(() => { if (!routeQueued) state.rendering = false; });
  return routing;
}

async function renderRoute() {
  const [, rawPage, rawArg] = (location.hash || '#/overview').split('/');
  // "?…" after a page or its argument only forces a fresh render.
  const page = (rawPage || 'overview').split('?')[0];
  const arg = rawArg === undefined ? undefined : rawArg.split('?')[0];
  if (page === 'invite') return Users.renderAccept(arg || '');
  if (!state.token) return renderLogin();
  document.getElementById('top').hidden = false;
  applyI18n();
  Users.applyRole();
  highlightTab(page);
  if (page !== 'live' && state.feed) { state.feed.close(); state.feed = null; }
  Fleet.stop();
  Slo.stop();
  try {
    if (page === 'fleet') await Fleet.renderFleet();
    else if (page === 'health') await Fleet.renderHealth(arg);
    else if (page === 'alerts') await Fleet.renderAlerts(arg);
    else if (page === 'store') await renderStore(arg);
    else if (page === 'reports') await renderReports();
    else if (page === 'kitchen') await Kitchen.render();
    else if (page === 'audit') await renderAudit();
    else if (page === 'users') await Users.render();
    else if (page === 'stores') await Stores.render();
    else if (page === 'slo') await Slo.render(arg);
    else if (page === 'menus') await renderMenus(arg);
    else if (page === 'live') renderLive();
    else await renderOverview();
  } catch (e) {
    if (e.message !== 'unauthenticated') app.insertAdjacentHTML('afterbegin', `<div class="card error">${esc(e.message)}</div>`);
  }
}

document.getElementById('logout').addEventListener('click', logout);
document.getElementById('lang').addEventListener('click', () => {
  LANG = LANG === 'ko' ? 'en' : 'ko'; localStorage.setItem('tableorder.lang', LANG); route();
});
window.addEventListener('hashchange', route);
route();
