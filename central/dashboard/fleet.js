// Fleet observability (issue 7): every store's health as tiles, one store's health over time,
// and the alerts HQ acknowledges. Uses app.js's api/esc/state and chartkit.js; app.js only routes.
'use strict';

const Fleet = (() => {
  Object.assign(I18N.ko, { 'fleet.noReport': '매장 서버가 아직 상태를 보내지 않았습니다' });
  Object.assign(I18N.en, { 'fleet.noReport': 'the store server has sent no health report yet' });
  const RANGES = { '1h': 3600000, '24h': 86400000, '7d': 7 * 86400000 };
  const REFRESH_MS = 15000;
  // What keeps a page live; stop() ends it when the user leaves the page.
  const live = { feed: null, timer: null, pending: null };
  let range = '24h';

  function stop() {
    if (live.feed) live.feed.close();
    clearInterval(live.timer);
    clearTimeout(live.pending);
    live.feed = live.timer = live.pending = null;
  }
  // Refreshes on every alert event of the live feed (debounced) and every REFRESH_MS anyway,
  // since snapshots move the numbers without any event.
  function keepLive(refresh) {
    stop();
    const soon = () => { clearTimeout(live.pending); live.pending = setTimeout(refresh, 300); };
    live.feed = new LiveStream(); // app.js: a single-use ticket per connection, never the token

    ['alert.opened', 'alert.acknowledged', 'alert.resolved'].forEach(type => live.feed.addEventListener(type, soon));
    live.timer = setInterval(refresh, REFRESH_MS);
  }

  // How a store looks: offline beats everything but a critical alert, then the worst alert.
  function tone(s) {
    if (s.worst_severity === 'critical') return s.status === 'online' ? 'critical' : 'offline';
    if (s.status !== 'online') return 'offline';
    return s.worst_severity === 'warning' ? 'warning' : 'healthy';
  }
  // Sort key: a critical alert first (offline stores get one after a while), then offline,
  // then warnings.
  const rank = s => s.worst_severity === 'critical' ? 3 : s.status !== 'online' ? 2 : s.worst_severity === 'warning' ? 1 : 0;

  const num = ChartKit.format.count;
  const ms = ChartKit.format.ms;
  const pct = ChartKit.format.percent;
  const mb = ChartKit.format.bytes;
  const when = iso => Fmt.dateTime(iso);
  // The alert in the reader's language from its figures (params); the server's English
  // message when this dashboard has no text for the rule.
  function alertText(a) {
    // A closed day whose Z report differs has its own wording (params.z_fields).
    const template = (I18N[LANG] || {})['alertmsg.' + a.rule + (a.params && a.params.z_fields ? '_z' : '')];
    if (!template || !Object.keys(a.params || {}).length) return a.message;
    // The store by name and the seq as a number in words: who must look where.
    const params = Object.assign({ store_name: a.store_name || ('#' + a.store_id) }, a.params);
    const locale = LANG === 'ko' ? 'ko-KR' : 'en-US';
    return template.replace(/\{(\w+)\}/g, (whole, name) => {
      if (!(name in params)) return whole;
      const v = params[name];
      if (name === 'last_sync' || name === 'detected_at') return when(v);
      if (name === 'z_fields') return String(v).split(', ').map(f => f.startsWith('payments_by_method.') ? t('method.' + f.slice(19)) : t('field.' + f)).join(', ');
      return typeof v === 'number' ? v.toLocaleString(locale, {maximumFractionDigits: 1}) : String(v);
    });
  }
  function diskFreePercent(h) {
    if (h.disk_free_percent !== undefined) return h.disk_free_percent;
    return h.disk_total_bytes ? 100 * h.disk_free_bytes / h.disk_total_bytes : null;
  }
  function badge(severity) {
    const cls = { critical: 'bad', offline: 'bad', warning: 'warn', healthy: 'ok' }[severity] || 'muted';
    return `<span class="badge ${cls}">${esc(t('fleet.tone.' + severity))}</span>`;
  }

  function tile(s) {
    const h = s.health || {};
    const level = tone(s);
    // A figure nothing measured shows "—" and says so: a p99 of "0 ms" in a window without a
    // request would read as perfect.
    const figure = (key, value) => `<div data-figure="${key}"><dt>${t(key)}</dt><dd>${esc(value)}${
      /^—/.test(value) ? ` <span class="no-data muted">${esc(t('chart.noData'))}</span>` : ''}</dd></div>`;
    const measured = (v, count) => (count === 0 ? null : v);
    return `<a class="tile tone-${level}" href="#/health/${esc(s.id)}" data-store="${esc(s.id)}" data-tone="${level}">
      <div class="tile-head"><strong class="tile-name">${esc(s.name)}</strong>${badge(level)}</div>
      <div class="tile-sub muted">${s.status === 'online' ? t('status.online') : t('status.offline')}
        · ${s.open_alerts ? `${esc(s.open_alerts)} ${t('fleet.openAlerts')}` : s.acknowledged_alerts ? '' : t('fleet.noAlerts')}${s.acknowledged_alerts ? ` ${esc(s.acknowledged_alerts)} ${t('fleet.ackedAlerts')}` : ''}</div>
      ${s.health ? `<dl>${figure('fleet.p99', ms(measured(h.http_p99_ms, h.http_requests)))}${figure('fleet.kitchenP95', ms(measured(h.kitchen_p95_ms, h.kitchen_acks)))}
        ${figure('fleet.unacked', num(h.unacknowledged_orders))}
        ${figure('fleet.devices', h.tablets === undefined && h.kitchen_screens === undefined ? '—' : `${num(h.tablets)} / ${num(h.kitchen_screens)}`)}
        ${figure('fleet.diskFree', pct(diskFreePercent(h)))}${figure('fleet.syncLag', ms(h.sync_lag_ms))}</dl>`
        : `<p class="no-report muted">— ${esc(t('chart.noData'))}: ${esc(t('fleet.noReport'))}</p>`}
      <div class="tile-foot muted">${t('fleet.updated')} ${esc(when(h.at || s.last_sync_at))}</div></a>`;
  }

  async function renderFleet() {
    app.innerHTML = `<h1>${t('fleet.title')}</h1><div class="row muted" id="fleet-summary"></div><div class="tiles" id="fleet-tiles"></div>`;
    const refresh = async () => {
      const tiles = document.getElementById('fleet-tiles');
      if (!tiles) return stop();
      const stores = (await api('/api/v1/fleet')).stores
        .map((s, i) => ({ s, i }))
        .sort((a, b) => rank(b.s) - rank(a.s) || a.i - b.i)
        .map(x => x.s);
      const counts = stores.reduce((c, s) => (c[tone(s)] = (c[tone(s)] || 0) + 1, c), {});
      document.getElementById('fleet-summary').innerHTML = ['critical', 'offline', 'warning', 'healthy']
        .map(k => `<span>${badge(k)} ${esc(counts[k] || 0)}</span>`).join('');
      tiles.innerHTML = stores.length ? stores.map(tile).join('') : `<p class="muted">${t('common.none')}</p>`;
    };
    await refresh();
    keepLive(() => refresh().catch(() => {}));
  }

  // The charts of a store's health page: which series, in what unit.
  const CHARTS = [
    // Percentiles of a window without a request (or a kitchen acknowledgement) are no data,
    // not 0 ms: `count` names the series that says how many there were.
    { id: 'latency', title: 'health.latency', names: ['http_p50_ms', 'http_p95_ms', 'http_p99_ms'], format: ms, count: 'http_requests' },
    { id: 'kitchen', title: 'health.kitchen', names: ['kitchen_p50_ms', 'kitchen_p95_ms', 'kitchen_p99_ms'], format: ms, count: 'kitchen_acks' },
    { id: 'orders', title: 'health.orders', names: ['orders', 'unacknowledged_orders'], format: num },
    { id: 'devices', title: 'health.devices', names: ['tablets', 'kitchen_screens'], format: num, min: 1 },
    { id: 'cpu', title: 'health.cpuDisk', names: ['cpu_percent', 'disk_free_percent'], format: pct, min: 100 },
    { id: 'memory', title: 'health.memory', names: ['rss_bytes'], format: mb },
    { id: 'backlog', title: 'health.backlog', names: ['sync_backlog'], format: num },
    { id: 'lag', title: 'health.lag', names: ['sync_lag_ms'], format: ms },
  ];

  async function renderHealth(id) {
    const [fleet, details] = await Promise.all([api(`/api/v1/fleet?store_id=${encodeURIComponent(id)}`),
                                                api(`/api/v1/stores/${encodeURIComponent(id)}`).catch(() => ({}))]);
    const store = fleet.stores[0];
    const timeZone = details.timezone || 'Asia/Seoul';
    if (!store) throw new Error(t('common.none'));
    const alerts = (await api(`/api/v1/alerts?store_id=${encodeURIComponent(id)}`)).alerts;
    const level = tone(store);
    app.innerHTML = `<h1><a href="#/fleet">${t('fleet.title')}</a> › ${esc(store.name)} ${badge(level)}</h1>
      <div class="row" id="health-range">${Object.keys(RANGES).map(r => `<button type="button" data-range="${r}"
        class="${r === range ? '' : 'secondary'}">${t('health.range.' + r)}</button>`).join('')}
        <span class="muted" id="health-resolution"></span>
        <a href="#/store/${esc(store.id)}">${t('health.sales')}</a></div>
      ${alerts.length ? `<div class="card"><h2>${t('alerts.title')}</h2>${alertTable(alerts, false)}</div>` : ''}
      <div class="grid charts">${CHARTS.map(c => `<div class="card"><h2>${t(c.title)}</h2><div class="chart" id="chart-${c.id}"></div></div>`).join('')}</div>`;
    document.querySelectorAll('#health-range button').forEach(b => b.addEventListener('click', () => {
      range = b.dataset.range;
      document.querySelectorAll('#health-range button').forEach(x => x.classList.toggle('secondary', x !== b));
      draw().catch(e => app.insertAdjacentHTML('afterbegin', `<div class="card error">${esc(e.message)}</div>`));
    }));
    bindAck(() => renderHealth(id));
    const draw = async () => {
      if (!document.getElementById('chart-latency')) return stop();
      const to = Date.now(), from = to - RANGES[range];
      const names = CHARTS.flatMap(c => c.names.concat(c.count ? [c.count] : []));
      const q = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString(),
                                      names: names.join(','), resolution: 'auto' });
      const metrics = await api(`/api/v1/stores/${encodeURIComponent(id)}/metrics?${q}`);
      const byName = Object.fromEntries(metrics.series.map(s => [s.name, s.points]));
      if (!byName.disk_free_percent && byName.disk_free_bytes && byName.disk_total_bytes)
        byName.disk_free_percent = byName.disk_free_bytes.map((p, i) => [p[0], 100 * p[1] / (byName.disk_total_bytes[i] || [0, 1])[1]]);
      document.getElementById('health-resolution').textContent = t('health.resolution.' + metrics.resolution);
      for (const c of CHARTS) {
        const counts = new Map((byName[c.count] || []).map(p => [p[0], p[1]]));
        const masked = points => (c.count ? points.map(p => [p[0], counts.get(p[0]) === 0 ? null : p[1]]) : points);
        ChartKit.time(document.getElementById('chart-' + c.id),
                      c.names.map(n => ({ label: t('series.' + n), points: masked(byName[n] || []) })),
                      { from, to, format: c.format, suggestedMax: c.min, timeZone, empty: t('health.noData'),
                        gapMs: metrics.resolution === 'hour' ? 3 * 3600000 : undefined });
      }
    };
    await draw();
    keepLive(() => draw().catch(() => {}));
  }

  function alertTable(alerts, withStore) {
    const admin = state.role === 'hq_admin';
    return `<table class="alerts"><tr><th>${t('alerts.severity')}</th>${withStore ? `<th>${t('store.name')}</th>` : ''}
      <th>${t('alerts.rule')}</th><th>${t('alerts.message')}</th><th>${t('alerts.opened')}</th><th>${t('alerts.state')}</th><th></th></tr>` +
      alerts.map(a => `<tr class="alert-row" data-alert="${esc(a.id)}" data-state="${esc(a.state)}">
        <td>${badge(a.severity)}</td>
        ${withStore ? `<td><a href="#/health/${esc(a.store_id)}">${esc(a.store_name)}</a></td>` : ''}
        <td>${esc(t('rule.' + a.rule))}${a.subject ? `<div class="muted">${esc(a.subject)}</div>` : ''}</td>
        <td class="alert-message">${esc(alertText(a))}</td><td class="muted">${esc(when(a.opened_at))}</td>
        <td class="alert-state">${esc(t('alerts.state.' + a.state))}${a.acknowledged_by ? `<div class="muted">${esc(a.acknowledged_by)}</div>` : ''}
          ${a.resolved_at ? `<div class="muted">${esc(when(a.resolved_at))}</div>` : ''}</td>
        <td>${admin && a.state === 'open' ? `<button type="button" class="secondary ack" data-alert="${esc(a.id)}">${t('alerts.ack')}</button>` : ''}</td></tr>`).join('') +
      (alerts.length ? '' : `<tr><td colspan="7" class="muted">${t('alerts.none')}</td></tr>`) + '</table>';
  }
  function bindAck(rerender) {
    document.querySelectorAll('button.ack').forEach(b => b.addEventListener('click', async () => {
      b.disabled = true;
      try { await api(`/api/v1/alerts/${b.dataset.alert}/ack`, { method: 'POST' }); } finally { await rerender(); }
    }));
  }

  async function renderAlerts(filter) {
    const current = ['open', 'acknowledged', 'resolved'].includes(filter) ? filter : 'open';
    app.innerHTML = `<h1>${t('alerts.title')}</h1><div class="row" id="alert-filter">${['open', 'acknowledged', 'resolved']
      .map(s => `<a class="button ${s === current ? '' : 'secondary'}" href="#/alerts/${s}" data-state="${s}">${t('alerts.state.' + s)}</a>`).join('')}</div>
      <div class="card" id="alert-list"></div><div id="alert-settings"></div>`;
    const refresh = async () => {
      const list = document.getElementById('alert-list');
      if (!list) return stop();
      list.innerHTML = alertTable((await api(`/api/v1/alerts?state=${current}&limit=200`)).alerts, true);
      bindAck(refresh);
    };
    await refresh();
    if (state.role === 'hq_admin') await renderSettings(document.getElementById('alert-settings'));
    keepLive(() => refresh().catch(() => {}));
  }

  // Rules are edited generically: a checkbox for each boolean, a number field for each number.
  async function renderSettings(container) {
    const settings = await api('/api/v1/alert-settings');
    const field = (rule, key, value) => typeof value === 'boolean'
      ? `<label><input type="checkbox" name="${esc(rule)}.${esc(key)}" ${value ? 'checked' : ''}> ${esc(t('settings.' + key))}</label>`
      : `<label>${esc(t('settings.' + key))} <input type="number" min="0" name="${esc(rule)}.${esc(key)}" value="${esc(value)}"></label>`;
    container.innerHTML = `<div class="card"><h2>${t('settings.title')}</h2><form id="settings-form">
      <label class="wide">${t('settings.webhook')} <input type="url" name="webhook_url" value="${esc(settings.webhook_url || '')}" placeholder="https://…"></label>
      <table>${Object.entries(settings.rules || {}).map(([rule, params]) => `<tr><td>${esc(t('rule.' + rule))}</td>
        <td class="row">${Object.entries(params).sort(([a], [b]) => (b === 'enabled') - (a === 'enabled')).map(([k, v]) => field(rule, k, v)).join('')}</td></tr>`).join('')}</table>
      <div class="row"><button type="submit" id="settings-save">${t('settings.save')}</button><span id="settings-status" class="muted"></span></div></form></div>`;
    document.getElementById('settings-form').addEventListener('submit', async e => {
      e.preventDefault();
      const rules = {};
      for (const [rule, params] of Object.entries(settings.rules || {})) {
        rules[rule] = {};
        for (const [k, v] of Object.entries(params)) {
          const input = e.target.elements[`${rule}.${k}`];
          rules[rule][k] = typeof v === 'boolean' ? input.checked : Number(input.value);
        }
      }
      const status = document.getElementById('settings-status');
      try {
        await api('/api/v1/alert-settings', { method: 'PUT', body: { webhook_url: e.target.elements.webhook_url.value, rules } });
        status.textContent = t('settings.saved');
      } catch (err) {
        status.textContent = err.message;
      }
    });
  }

  return { renderFleet, renderHealth, renderAlerts, stop };
})();
