// Small SVG charts: bars, a line, and multi-series lines over a time axis; no library.
const Charts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function frame(container) {
    container.innerHTML = '';
    const w = Math.max(container.clientWidth || 600, 300), h = 220;
    const svg = el('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img' });
    container.appendChild(svg);
    return { svg, w, h, pad: { l: 56, r: 12, t: 12, b: 34 } };
  }
  function axis(f, max, fmt) {
    for (let i = 0; i <= 4; i++) {
      const y = f.pad.t + (f.h - f.pad.t - f.pad.b) * (1 - i / 4);
      f.svg.appendChild(el('line', { x1: f.pad.l, x2: f.w - f.pad.r, y1: y, y2: y, stroke: '#e3e6ec' }));
      f.svg.appendChild(el('text', { x: f.pad.l - 6, y: y + 4, 'text-anchor': 'end' }, fmt(max * i / 4)));
    }
  }
  function bars(container, labels, values, opts = {}) {
    const f = frame(container);
    const fmt = opts.format || (v => Math.round(v).toLocaleString());
    const max = Math.max(1, ...values);
    axis(f, max, fmt);
    const iw = (f.w - f.pad.l - f.pad.r) / Math.max(1, values.length);
    values.forEach((v, i) => {
      const bh = (f.h - f.pad.t - f.pad.b) * v / max;
      const x = f.pad.l + i * iw + iw * 0.15;
      const rect = el('rect', { x, y: f.h - f.pad.b - bh, width: iw * 0.7, height: bh, rx: 3, fill: opts.color || '#d9480f' });
      rect.appendChild(el('title', {}, `${labels[i]}: ${fmt(v)}`));
      f.svg.appendChild(rect);
      if (values.length <= 24 || i % Math.ceil(values.length / 24) === 0)
        f.svg.appendChild(el('text', { x: x + iw * 0.35, y: f.h - f.pad.b + 14, 'text-anchor': 'middle' },
                             String(labels[i]).slice(0, opts.labelChars || 8)));
    });
  }
  function line(container, labels, values, opts = {}) {
    const f = frame(container);
    const fmt = opts.format || (v => Math.round(v).toLocaleString());
    const known = values.filter(v => v !== null && v !== undefined);
    const max = Math.max(1, ...known);
    axis(f, max, fmt);
    const step = (f.w - f.pad.l - f.pad.r) / Math.max(1, values.length - 1);
    let d = '';
    values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const x = f.pad.l + i * step, y = f.pad.t + (f.h - f.pad.t - f.pad.b) * (1 - v / max);
      d += (d ? ' L' : 'M') + x + ' ' + y;
      const dot = el('circle', { cx: x, cy: y, r: 3, fill: opts.color || '#1c7ed6' });
      dot.appendChild(el('title', {}, `${labels[i]}: ${fmt(v)}`));
      f.svg.appendChild(dot);
    });
    f.svg.appendChild(el('path', { d, fill: 'none', stroke: opts.color || '#1c7ed6', 'stroke-width': 2 }));
    labels.forEach((l, i) => {
      if (i % Math.ceil(labels.length / 10) === 0)
        f.svg.appendChild(el('text', { x: f.pad.l + i * step, y: f.h - f.pad.b + 14, 'text-anchor': 'middle' }, String(l).slice(5)));
    });
  }
  // A round number at or above v (1, 2 or 5 times a power of ten), so the y axis reads well.
  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    return [1, 2, 5, 10].map(m => m * p).find(m => m >= v);
  }
  const MINUTE = 60000, HOUR = 3600000, DAY = 86400000;
  const TICKS = [5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];
  // Tick times aligned to local wall-clock boundaries, about six across the range.
  function timeTicks(from, to) {
    const step = TICKS.find(s => (to - from) / s <= 7) || DAY * Math.ceil((to - from) / DAY / 7);
    const offset = new Date(from).getTimezoneOffset() * MINUTE;
    const ticks = [];
    for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
    const pad = n => String(n).padStart(2, '0');
    const label = t => { const d = new Date(t);
      return step >= DAY || (d.getHours() === 0 && d.getMinutes() === 0 && to - from > DAY)
        ? `${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : `${pad(d.getHours())}:${pad(d.getMinutes())}`; };
    return ticks.map(t => ({ t, label: label(t) }));
  }
  // series: [{label, color, points: [[t_ms, value], ...]}], drawn between opts.from and opts.to.
  // A gap longer than opts.gapMs (or three times the usual spacing) breaks the line instead of
  // bridging an outage. Returns the number of points drawn.
  function timeSeries(container, series, opts = {}) {
    const f = frame(container);
    f.pad.b = 40;
    const fmt = opts.format || (v => Math.round(v).toLocaleString());
    const all = series.flatMap(s => s.points.map(p => p[0]));
    const from = opts.from ?? Math.min(...all), to = opts.to ?? Math.max(...all);
    const max = niceMax(Math.max(opts.min || 0, ...series.flatMap(s => s.points.map(p => p[1]))));
    axis(f, max, fmt);
    const x = t => f.pad.l + (f.w - f.pad.l - f.pad.r) * (t - from) / Math.max(1, to - from);
    const y = v => f.pad.t + (f.h - f.pad.t - f.pad.b) * (1 - v / max);
    for (const tick of timeTicks(from, to)) {
      f.svg.appendChild(el('line', { x1: x(tick.t), x2: x(tick.t), y1: f.pad.t, y2: f.h - f.pad.b, stroke: '#f0f1f4' }));
      f.svg.appendChild(el('text', { x: x(tick.t), y: f.h - f.pad.b + 14, 'text-anchor': 'middle' }, tick.label));
    }
    let drawn = 0, legendX = f.pad.l;
    series.forEach((s, i) => {
      const color = s.color || PALETTE[i % PALETTE.length];
      const points = s.points.filter(p => p[1] !== null && p[0] >= from && p[0] <= to);
      const spacing = points.slice(1).map((p, k) => p[0] - points[k][0]).sort((a, b) => a - b);
      const gap = opts.gapMs || 3 * (spacing[spacing.length >> 1] || MINUTE);
      let d = '';
      points.forEach((p, k) => {
        d += (k === 0 || p[0] - points[k - 1][0] > gap ? 'M' : ' L') + x(p[0]).toFixed(1) + ' ' + y(p[1]).toFixed(1);
      });
      if (points.length === 1) d += ` h1`;
      const path = el('path', { d, fill: 'none', stroke: color, 'stroke-width': 1.8, 'stroke-linejoin': 'round',
                                'data-points': points.length, class: 'series' });
      if (points.length) path.appendChild(el('title', {}, `${s.label}: ${fmt(points[points.length - 1][1])}`));
      f.svg.appendChild(path);
      drawn += points.length;
      const last = points.length ? ' ' + fmt(points[points.length - 1][1]) : '';
      f.svg.appendChild(el('rect', { x: legendX, y: f.h - 14, width: 10, height: 10, rx: 2, fill: color }));
      const text = el('text', { x: legendX + 14, y: f.h - 5 }, s.label + last);
      f.svg.appendChild(text);
      legendX += 24 + 7 * (s.label + last).length;
    });
    if (!drawn) f.svg.appendChild(el('text', { x: f.w / 2, y: f.h / 2, 'text-anchor': 'middle', class: 'empty' }, opts.empty || '—'));
    return drawn;
  }
  const PALETTE = ['#1c7ed6', '#e67700', '#c92a2a', '#2b8a3e', '#7048e8', '#0c8599'];
  return { bars, line, timeSeries };
})();
