// Monitoring per store (issue 17, design notes 002/003): the newest figures as tiles (menu
// cache hit rate, 5xx share, the store PC's memory and CPU), their last 24 hours as charts,
// and the week's service-level objectives with the error budget left, in place of a single
// "performance score". Uses app.js's api/esc/state and chartkit.js; app.js only routes.
'use strict';

const Slo = (() => {
  const F = () => ChartKit.format;
  // Shares to the decimal that matters: 99.5 % of requests is not "100 %".
  const pct = (v, digits = 2) => v.toLocaleString(LANG === 'en' ? 'en-US' : 'ko-KR', { maximumFractionDigits: digits }) + '%';
  const pct1 = v => pct(v, 1);
  const DAY = 86400000;
  let timer = null;
  function stop() { clearInterval(timer); timer = null; }

  // A tile: its figure, or "—" with "no data" when the store never reported it.
  function tile(id, label, value, fmt, hint, tone) {
    const known = value !== null && value !== undefined && Number.isFinite(value);
    return `<div class="card kpi slo-tile ${known ? 'tone-' + (tone || 'ok') : 'no-data'}" id="${id}" data-value="${known ? esc(value) : ''}">
      <h2>${esc(label)}</h2><div class="value">${esc(known ? fmt(value) : '—')}</div>
      <div class="delta muted">${esc(known ? hint : t('slo.noData'))}</div></div>`;
  }

  function objectiveCard(o) {
    const known = o.share_percent !== null && o.share_percent !== undefined;
    const tone = !known ? 'muted' : o.met ? 'ok' : 'bad';
    const budget = o.budget_left_percent;
    return `<div class="card kpi slo-objective" data-objective="${esc(o.name)}" data-met="${known ? esc(o.met) : ''}">
      <h2>${esc(t('slo.objective').replace('{target}', o.target_percent).replace('{ms}', o.threshold_ms.toLocaleString()))}</h2>
      <div class="value">${esc(known ? pct(o.share_percent) : '—')}
        <span class="badge ${tone}">${esc(t(!known ? 'slo.noData' : o.met ? 'slo.met' : 'slo.missed'))}</span></div>
      <div class="delta muted">${esc(t('slo.budgetLeft'))}: <strong class="budget">${esc(budget === null || budget === undefined ? '—'
        : budget <= 0 ? t('slo.budgetSpent') : pct1(budget))}</strong>
        · ${esc(t('slo.slow').replace('{slow}', (o.slow || 0).toLocaleString()).replace('{allowed}', Math.floor(o.allowed_slow || 0).toLocaleString()))}</div></div>`;
  }

  async function render(storeArg) {
    stop();
    const stores = await loadStores();
    const id = Number(storeArg || (stores[0] && stores[0].id));
    const store = stores.find(s => s.id === id);
    if (!store) { app.innerHTML = `<h1>${esc(t('slo.title'))}</h1><p class="muted">${esc(t('common.none'))}</p>`; return; }
    app.innerHTML = `<h1>${esc(t('slo.title'))}</h1>
      <div class="row"><label>${esc(t('menus.store'))} <select id="slo-store">${stores.map(s => `<option value="${esc(s.id)}" ${s.id === id ? 'selected' : ''}>${esc(s.name)}</option>`).join('')}</select></label>
        <label>${esc(t('slo.week'))} <select id="slo-week"><option value="0">${esc(t('slo.thisWeek'))}</option><option value="-7">${esc(t('slo.lastWeek'))}</option></select></label>
        <a href="#/health/${esc(id)}">${esc(t('slo.healthCharts'))}</a></div>
      <div class="grid" id="slo-tiles"></div>
      <div class="card"><h2 id="slo-heading"></h2><p class="muted">${esc(t('slo.hint'))}</p><div class="grid" id="slo-objectives"></div><div class="chart" id="slo-days"></div></div>
      <div class="grid charts">
        <div class="card"><h2>${esc(t('slo.chart.cache'))}</h2><div class="chart" id="slo-chart-cache"></div></div>
        <div class="card"><h2>${esc(t('slo.chart.errors'))}</h2><div class="chart" id="slo-chart-errors"></div></div>
        <div class="card"><h2>${esc(t('slo.chart.resources'))}</h2><div class="chart" id="slo-chart-resources"></div></div></div>`;
    document.getElementById('slo-store').addEventListener('change', e => { location.hash = '#/slo/' + e.target.value; });
    const week = document.getElementById('slo-week');
    const draw = async () => {
      if (!document.getElementById('slo-tiles')) return stop();
      const day = new Date(Date.now() + Number(week.value) * DAY);
      const weekDate = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone || 'Asia/Seoul' }).format(day);
      const to = Date.now(), from = to - DAY;
      const names = ['menu_cache_hit_percent', 'http_server_error_percent', 'mem_used_percent', 'system_cpu_percent'];
      const q = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), names: names.join(','), resolution: 'auto' });
      const [fleet, slo, metrics] = await Promise.all([api(`/api/v1/fleet?store_id=${id}`), api(`/api/v1/stores/${id}/slo?week=${weekDate}`),
                                                       api(`/api/v1/stores/${id}/metrics?${q}`)]);
      const h = (fleet.stores[0] && fleet.stores[0].health) || {};
      const over = (v, limit) => (v > limit ? 'bad' : 'ok');
      document.getElementById('slo-tiles').innerHTML =
        tile('tile-cache', t('slo.cache'), h.menu_cache_hit_percent, pct1, t('slo.cacheHint'), h.menu_cache_hit_percent < 85 ? 'warn' : 'ok') +
        tile('tile-errors', t('slo.errors'), h.http_server_error_percent, pct, t('slo.errorsHint'), over(h.http_server_error_percent, 1)) +
        tile('tile-memory', t('slo.memory'), h.mem_used_percent, pct1, h.mem_total_bytes ? `${F().bytes(h.mem_used_bytes)} / ${F().bytes(h.mem_total_bytes)}` : '', over(h.mem_used_percent, 90)) +
        tile('tile-cpu', t('slo.cpu'), h.system_cpu_percent, pct1, t('slo.cpuHint'), over(h.system_cpu_percent, 80));
      document.getElementById('slo-heading').textContent = `${t('slo.weekOf')} ${new Date(slo.week_start + 'T00:00:00').toLocaleDateString(LANG === 'ko' ? 'ko-KR' : 'en-GB')}`
        + ` · ${t('slo.requests')} ${slo.requests.toLocaleString()}` + (slo.server_error_percent === null ? '' : ` · 5xx ${pct(slo.server_error_percent)}`);
      document.getElementById('slo-objectives').innerHTML = slo.objectives.map(objectiveCard).join('');
      const days = slo.days || [];
      ChartKit.bars(document.getElementById('slo-days'), days.map(d => new Date(d.date + 'T00:00:00').toLocaleDateString(LANG === 'ko' ? 'ko-KR' : 'en-GB', { month: 'numeric', day: 'numeric', weekday: 'short' })),
                    days.map(d => (d.requests ? 100 * d.within_500ms / d.requests : null)),
                    { format: F().percent, suggestedMax: 100, label: t('slo.dayShare'), empty: t('slo.noData') });
      const byName = Object.fromEntries(metrics.series.map(s => [s.name, s.points]));
      const opts = extra => Object.assign({ from, to, timeZone: store.timezone, format: F().percent, empty: t('slo.noData') }, extra);
      ChartKit.time(document.getElementById('slo-chart-cache'), [{ label: t('slo.cache'), points: byName.menu_cache_hit_percent || [] }], opts({ suggestedMax: 100 }));
      ChartKit.time(document.getElementById('slo-chart-errors'), [{ label: t('slo.errors'), points: byName.http_server_error_percent || [], color: '#c92a2a' }], opts({ suggestedMax: 2 }));
      ChartKit.time(document.getElementById('slo-chart-resources'), [{ label: t('slo.memory'), points: byName.mem_used_percent || [] },
                                                                     { label: t('slo.cpu'), points: byName.system_cpu_percent || [] }], opts({ suggestedMax: 100 }));
    };
    week.addEventListener('change', () => draw().catch(e => app.insertAdjacentHTML('afterbegin', `<div class="card error">${esc(e.message)}</div>`)));
    await draw();
    timer = setInterval(() => draw().catch(() => {}), 30000);
  }

  return { render, stop };
})();
