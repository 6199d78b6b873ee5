// The dashboard's one chart layer over Debian's Chart.js (libjs-chart.js, served by central at
// /dashboard/vendor/chart.js): every page draws through it, so every chart has time axes in
// the store's time zone, round ticks, money and duration formats, tooltips with values, a
// legend with each series' latest value, gaps where there is no data (never a zero drawn for
// "nothing measured") and a "no data" state. Uses i18n.js (t, LANG).
'use strict';

const ChartKit = (() => {
  Object.assign(I18N.ko, { 'chart.noData': '데이터 없음', 'chart.missing': '차트를 그릴 수 없습니다 (Chart.js 없음)' });
  Object.assign(I18N.en, { 'chart.noData': 'no data', 'chart.missing': 'Charts unavailable (Chart.js missing)' });
  const PALETTE = ['#1c7ed6', '#e67700', '#c92a2a', '#2b8a3e', '#7048e8', '#0c8599'];
  const MINUTE = 60000, HOUR = 3600000, DAY = 86400000;
  const HEIGHT = 220;
  const known = v => v !== null && v !== undefined && Number.isFinite(v);
  const locale = () => (typeof LANG !== 'undefined' && LANG === 'en' ? 'en-US' : 'ko-KR');
  const text = key => (typeof t === 'function' ? t(key) : key);

  // Formats: each turns a number into what a reader expects, and null into "—".
  const dash = fn => v => (known(v) ? fn(v) : '—');
  const decimals = (v, max) => v.toLocaleString(locale(), { maximumFractionDigits: max });
  const format = {
    won: dash(v => '₩' + Math.round(v).toLocaleString('ko-KR')),
    count: dash(v => decimals(v, Math.abs(v) < 10 && v % 1 ? 1 : 0)),
    percent: dash(v => decimals(v, v < 10 && v % 1 ? 1 : 0) + '%'),
    // Milliseconds: "180 ms" under a second, "1.5 s" above.
    ms: dash(v => (Math.abs(v) < 10 ? decimals(v, 1) + ' ms' : Math.abs(v) < 1000 ? Math.round(v) + ' ms'
                   : decimals(v / 1000, v < 10000 ? 1 : 0) + ' s')),
    // Seconds (kitchen times): "45초", "12분", "18분 17초" (en: 45 s, 12 min, 18 min 17 s).
    seconds: dash(v => {
      const s = Math.round(v);
      if (s < 60) return s + (LANG === 'en' ? ' s' : '초');
      const m = Math.floor(s / 60), r = s % 60;
      const min = m + (LANG === 'en' ? ' min' : '분');
      return r ? min + ' ' + r + (LANG === 'en' ? ' s' : '초') : min;
    }),
    bytes: dash(v => (v >= 1073741824 ? decimals(v / 1073741824, 1) + ' GB' : Math.round(v / 1048576).toLocaleString(locale()) + ' MB')),
  };
  // Axis steps that read well in each unit: 1-2-5 decades, durations on clock boundaries.
  const decade = (raw, floor) => {
    const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, floor))));
    return [1, 2, 5, 10].map(m => m * p).find(m => m >= raw) || 10 * p;
  };
  const STEPS = {
    ms: [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000],
    seconds: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200],
    percent: [1, 2, 5, 10, 20, 25, 50],
  };
  function roundStep(max, fmt) {
    const raw = max / 4;
    const list = fmt === format.ms ? STEPS.ms : fmt === format.seconds ? STEPS.seconds : fmt === format.percent ? STEPS.percent : null;
    if (list) return list.find(s => s >= raw) || decade(raw, 1);
    if (fmt === format.bytes) return decade(raw / 1048576, 1) * 1048576;
    if (fmt === format.won) return decade(raw, 100);
    return decade(raw, 1);
  }
  // The y axis from 0 to a round top in round steps (at least one step: a flat line of
  // zeros still gets an axis).
  function yAxis(values, fmt, suggestedMax) {
    const top = Math.max(0, suggestedMax || 0, ...values.filter(known));
    const step = roundStep(top || 1, fmt);
    return { min: 0, max: Math.max(step, Math.ceil(top / step) * step), ticks: { stepSize: step, callback: v => fmt(v) } };
  }

  // Wall-clock offset of a time zone at instant t, in ms (Asia/Seoul: +9 h).
  const partsCache = new Map();
  function zoneOffset(t, timeZone) {
    let f = partsCache.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
                                             hour: 'numeric', minute: 'numeric', second: 'numeric' });
      partsCache.set(timeZone, f);
    }
    const p = Object.fromEntries(f.formatToParts(new Date(t)).map(x => [x.type, Number(x.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  }
  // A date "YYYY-MM-DD" as the instant its day begins in the zone.
  function dayStart(date, timeZone) {
    const [y, m, d] = date.split('-').map(Number);
    const utc = Date.UTC(y, m - 1, d);
    return utc - zoneOffset(utc, timeZone || 'Asia/Seoul');
  }
  const TICKS = [5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];
  // Ticks on the store's wall-clock boundaries (:00, :30, midnight), about six across.
  function timeTicks(from, to, timeZone) {
    const step = TICKS.find(s => (to - from) / s <= 7) || 7 * DAY;
    const offset = zoneOffset(from, timeZone);
    const ticks = [];
    for (let v = Math.ceil((from + offset) / step) * step - offset; v <= to; v += step) ticks.push(v);
    return { step, ticks };
  }
  // Labels in the reader's language and the store's zone: "14:00", a date at midnight.
  function timeLabel(v, step, span, timeZone) {
    const wall = v + zoneOffset(v, timeZone);
    const midnight = wall % DAY === 0;
    if (step >= DAY || (midnight && span > DAY))
      return new Intl.DateTimeFormat(locale(), { timeZone, month: 'short', day: 'numeric' }).format(v);
    return new Intl.DateTimeFormat(locale(), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(v);
  }
  // A whole timestamp for tooltips: "12월 7일 14:05" / "Dec 7, 14:05".
  function timeTitle(v, timeZone) {
    return new Intl.DateTimeFormat(locale(), { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(v);
  }

  function reset(container) {
    const old = container.querySelector('canvas');
    if (old && window.Chart && Chart.getChart(old)) Chart.getChart(old).destroy();
    container.innerHTML = '';
    container.classList.add('chart');
  }
  // The "no data" state: the chart's box with words in it, never an axis of zeros.
  function empty(container, message) {
    reset(container);
    container.dataset.state = 'empty';
    container.dataset.points = '0';
    const box = document.createElement('div');
    box.className = 'chart-empty';
    box.style.height = HEIGHT + 'px';
    box.textContent = message || text('chart.noData');
    container.appendChild(box);
    return null;
  }
  function canvas(container) {
    reset(container);
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.style.height = HEIGHT + 'px';
    const c = document.createElement('canvas');
    c.setAttribute('role', 'img');
    box.appendChild(c);
    container.appendChild(box);
    return c;
  }
  function base(fmt) {
    return {
      animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: false, position: 'bottom', labels: { boxWidth: 10, boxHeight: 10 } },
        tooltip: { callbacks: { label: c => `${c.dataset.label ? c.dataset.label + ': ' : ''}${fmt(c.parsed[c.chart.options.indexAxis === 'y' ? 'x' : 'y'])}` } },
      },
    };
  }
  function font() {
    if (!window.Chart) return;
    Chart.defaults.font.family = 'system-ui, "Noto Sans KR", "Apple SD Gothic Neo", sans-serif';
    Chart.defaults.color = '#6b7385';
  }
  const cut = (s, n) => { s = String(s); return n && s.length > n ? s.slice(0, n - 1) + '…' : s; };

  // Bars over categories (hours, dishes, payment methods). opts: {format, color, labelChars,
  // horizontal, empty, label}. Null values leave their slot empty; all null or zero: no data.
  function bars(container, labels, values, opts = {}) {
    const fmt = opts.format || format.count;
    if (!window.Chart) return empty(container, text('chart.missing'));
    if (!values.some(v => known(v) && v !== 0)) return empty(container, opts.empty);
    font();
    const axis = yAxis(values, fmt, opts.suggestedMax);
    const cat = { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0, callback(v) { return cut(this.getLabelForValue(v), opts.labelChars); } } };
    const options = base(fmt);
    options.indexAxis = opts.horizontal ? 'y' : 'x';
    options.scales = opts.horizontal ? { x: axis, y: cat } : { x: cat, y: axis };
    options.plugins.tooltip.callbacks.title = items => items.length ? String(labels[items[0].dataIndex]) : '';
    const chart = new Chart(canvas(container), {
      type: 'bar',
      data: { labels: labels.map(String), datasets: [{ label: opts.label || '', data: values.map(v => (known(v) ? v : null)),
                                                        backgroundColor: opts.color || '#d9480f', borderRadius: 3, maxBarThickness: 48 }] },
      options,
    });
    container.dataset.state = 'ready';
    container.dataset.points = String(values.filter(known).length);
    return chart;
  }

  // Series over time. series: [{label, color, points: [[t_ms, value|null], ...]}], drawn from
  // opts.from to opts.to in opts.timeZone (the store's; default Asia/Seoul). A null value, or
  // a gap longer than opts.gapMs (default three times the usual spacing), breaks the line
  // instead of bridging an outage. opts: {format, suggestedMax, empty}. Returns the chart, or
  // null in the no-data state.
  function time(container, series, opts = {}) {
    const fmt = opts.format || format.count;
    const timeZone = opts.timeZone || 'Asia/Seoul';
    if (!window.Chart) return empty(container, text('chart.missing'));
    const all = series.flatMap(s => s.points.map(p => p[0]));
    const from = opts.from ?? Math.min(...all), to = opts.to ?? Math.max(...all);
    const datasets = series.map((s, i) => {
      const points = s.points.filter(p => p[0] >= from && p[0] <= to).sort((a, b) => a[0] - b[0]);
      const valued = points.filter(p => known(p[1]));
      const spacing = valued.slice(1).map((p, k) => p[0] - valued[k][0]).sort((a, b) => a - b);
      const gap = opts.gapMs || 3 * (spacing[spacing.length >> 1] || MINUTE);
      const data = [];
      points.forEach((p, k) => {
        if (k && p[0] - points[k - 1][0] > gap) data.push({ x: points[k - 1][0] + 1, y: null });
        data.push({ x: p[0], y: known(p[1]) ? p[1] : null });
      });
      const color = s.color || PALETTE[i % PALETTE.length];
      return { label: s.label, data, latest: valued.length ? valued[valued.length - 1][1] : null, borderColor: color,
               backgroundColor: color, borderWidth: 1.8, pointRadius: valued.length === 1 ? 3 : 0, pointHoverRadius: 3,
               spanGaps: false, tension: 0 };
    });
    const drawn = datasets.reduce((n, d) => n + d.data.filter(p => known(p.y)).length, 0);
    if (!drawn) return empty(container, opts.empty);
    font();
    const { step, ticks } = timeTicks(from, to, timeZone);
    const options = base(fmt);
    options.parsing = false;
    options.scales = {
      x: { type: 'linear', min: from, max: to, grid: { color: '#f0f1f4' },
           afterBuildTicks: scale => { scale.ticks = ticks.map(value => ({ value })); },
           ticks: { autoSkip: false, maxRotation: 0, callback: v => timeLabel(v, step, to - from, timeZone) } },
      y: yAxis(datasets.flatMap(d => d.data.map(p => p.y)), fmt, opts.suggestedMax),
    };
    options.plugins.legend.display = opts.legend !== false;
    // Each series with its latest value: "p95 180 ms", "— " when it has none in the range.
    options.plugins.legend.labels.generateLabels = chart => Chart.defaults.plugins.legend.labels.generateLabels(chart)
      .map(l => Object.assign(l, { text: `${l.text} ${fmt(chart.data.datasets[l.datasetIndex].latest)}` }));
    options.plugins.tooltip.callbacks.title = items => (items.length ? timeTitle(items[0].parsed.x, timeZone) : '');
    const chart = new Chart(canvas(container), { type: 'line', data: { datasets }, options });
    container.dataset.state = 'ready';
    container.dataset.points = String(drawn);
    return chart;
  }

  // What a chart shows, for tests and for anyone checking a page: its state, axis labels,
  // legend texts and the values of each series.
  function describe(container) {
    const c = container.querySelector('canvas');
    const chart = c && window.Chart ? Chart.getChart(c) : null;
    if (!chart) return { state: container.dataset.state || 'none', text: container.textContent };
    const labels = id => (chart.scales[id] ? chart.scales[id].ticks.map(k => String(k.label)) : []);
    const legend = chart.legend && chart.legend.legendItems ? chart.legend.legendItems.map(l => l.text) : [];
    const index = chart.options.indexAxis === 'y';
    return {
      state: container.dataset.state, x: labels(index ? 'y' : 'x'), y: labels(index ? 'x' : 'y'), legend,
      datasets: chart.data.datasets.map(d => ({ label: d.label, latest: d.latest ?? null,
        values: d.data.map(p => (p && typeof p === 'object' ? p.y : p)) })),
    };
  }

  return { format, bars, time, describe, empty, zoneOffset, dayStart, PALETTE };
})();
