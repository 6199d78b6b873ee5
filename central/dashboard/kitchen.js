// Kitchen times at HQ (issue 14): per store, dish and station, the time from the order to
// the dish done (p50/p90, nearest-rank, as the store computes them), slowest dishes first.
// Uses app.js's api/esc/t/dateInput/localDate/fmtDuration and chartkit.js; app.js only routes.
'use strict';

const Kitchen = (() => {
  const CHART_ROWS = 10;
  Object.assign(I18N.ko, { 'kitchen.csvItems': '메뉴별 CSV', 'kitchen.csvStations': '스테이션별 CSV' });
  Object.assign(I18N.en, { 'kitchen.csvItems': 'Dishes CSV', 'kitchen.csvStations': 'Stations CSV' });

  function rowsHtml(rows, dish) {
    return rows.map(r => `<tr class="${dish ? 'kitchen-item' : 'kitchen-station'}" data-store="${esc(r.store_id)}"
        data-item="${esc(dish ? r.menu_item_id : r.station)}" data-date="${esc(r.business_date)}">
      <td>${esc(r.store_name)}</td><td class="date">${esc(Fmt.date(r.business_date))}</td>
      ${dish ? `<td class="dish">${esc(r.name)}</td>` : ''}<td>${esc(r.station)}</td>
      <td class="num">${esc(r.count)}</td><td class="num p50">${esc(fmtDuration(r.p50_s))}</td>
      <td class="num p90">${esc(fmtDuration(r.p90_s))}</td></tr>`).join('');
  }

  async function render() {
    const stores = await loadStores();
    const zone = (stores[0] && stores[0].timezone) || 'Asia/Seoul';
    app.innerHTML = `<h1>${esc(t('kitchen.title'))}</h1><div class="card"><form class="row" id="kitchen-form">
      <label>${esc(t('reports.from'))} ${dateInput('from', localDate(zone, -6))}</label>
      <label>${esc(t('reports.to'))} ${dateInput('to', localDate(zone))}</label>
      <label>${esc(t('store.name'))} <select name="store_id"><option value="">${esc(t('common.all'))}</option>${stores.map(s => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('')}</select></label>
      <button type="submit">${esc(t('reports.run'))}</button>
      <button type="button" class="secondary" id="kitchen-csv">${esc(t('kitchen.csvItems'))}</button>
      <button type="button" class="secondary" id="kitchen-stations-csv">${esc(t('kitchen.csvStations'))}</button></form>
      <p class="muted">${esc(t('kitchen.hint'))}</p>
      <h2>${esc(t('kitchen.slowest'))}</h2><div class="chart" id="kitchen-chart"></div>
      <table id="kitchen-items"></table></div>
      <div class="card"><h2>${esc(t('kitchen.stations'))}</h2><table id="kitchen-stations"></table></div>`;
    let last = null;
    const run = async () => {
      const form = new FormData(document.getElementById('kitchen-form'));
      const q = new URLSearchParams({ from: form.get('from'), to: form.get('to'), by: 'day' });
      if (form.get('store_id')) q.set('store_id', form.get('store_id'));
      const report = await api('/api/v1/reports/kitchen-times?' + q);
      last = Object.assign({ from: form.get('from'), to: form.get('to') }, report);
      // The slowest dishes of the whole period, whatever the day: what slows the line.
      const slowest = [...report.items].sort((a, b) => b.p90_s - a.p90_s).slice(0, CHART_ROWS);
      ChartKit.bars(document.getElementById('kitchen-chart'), slowest.map(r => r.name),
                    slowest.map(r => r.p90_s), { format: ChartKit.format.seconds, color: '#e8590c', horizontal: true, labelChars: 16,
                                                 empty: t('kitchen.none') });
      const head = dish => `<tr><th>${esc(t('store.name'))}</th><th>${esc(t('days.date'))}</th>
        ${dish ? `<th>${esc(t('kitchen.dish'))}</th>` : ''}<th>${esc(t('kitchen.station'))}</th><th class="num">${esc(t('kitchen.count'))}</th>
        <th class="num">p50</th><th class="num">p90</th></tr>`;
      const empty = `<tr><td colspan="7" class="muted">${esc(t('kitchen.none'))}</td></tr>`;
      document.getElementById('kitchen-items').innerHTML = head(true) + (report.items.length ? rowsHtml(report.items, true) : empty);
      document.getElementById('kitchen-stations').innerHTML = head(false) + (report.stations.length ? rowsHtml(report.stations, false) : empty);
    };
    document.getElementById('kitchen-form').addEventListener('submit', e => { e.preventDefault(); run(); });
    const CSV_COLUMNS = ['store', 'business_date', 'dish', 'station', 'count', 'p50_s', 'p90_s'];
    const csvRow = dish => r => Object.assign({ store: r.store_name, business_date: r.business_date }, dish ? { dish: r.name } : {},
                                              { station: r.station, count: r.count, p50_s: r.p50_s, p90_s: r.p90_s });
    document.getElementById('kitchen-csv').addEventListener('click', () => {
      if (last) download(toCsv(last.items.map(csvRow(true)), Fmt.csvLabel, CSV_COLUMNS), `kitchen-items-${last.from}-${last.to}.csv`);
    });
    document.getElementById('kitchen-stations-csv').addEventListener('click', () => {
      if (last) download(toCsv(last.stations.map(csvRow(false)), Fmt.csvLabel, CSV_COLUMNS.filter(c => c !== 'dish')), `kitchen-stations-${last.from}-${last.to}.csv`);
    });
    await run();
  }

  return { render };
})();
