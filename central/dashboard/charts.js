// Small SVG charts: enough for bars and a line, no library.
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
  return { bars, line };
})();
