// Store settings at HQ (issue 17): each store's name, time zone and business-day cutoff,
// editable by admins and the store's managers (viewers read them); a change reaches the
// store's edge within seconds. Uses app.js's api/esc/state; app.js only routes.
'use strict';

const Stores = (() => {
  const zones = () => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Seoul', 'UTC']);
  const hourLabel = h => (LANG === 'ko' ? `${h}시` : `${String(h).padStart(2, '0')}:00`);

  async function render() {
    const stores = await loadStores();
    const editable = state.role === 'hq_admin' || state.role === 'store_manager';
    const off = editable ? '' : 'disabled';
    const zoneList = zones();
    app.innerHTML = `<h1>${esc(t('stores.title'))}</h1>
      <p class="muted">${esc(t(editable ? 'stores.hint' : 'stores.readOnly'))}</p>
      <div class="card"><table id="store-settings"><tr><th>${esc(t('store.name'))}</th><th>${esc(t('stores.timezone'))}</th>
        <th>${esc(t('stores.cutoff'))}</th><th></th></tr>` +
      stores.map(s => `<tr class="store-settings-row" data-store="${esc(s.id)}"><td>
          <input name="name" maxlength="100" value="${esc(s.name)}" ${off} aria-label="${esc(t('store.name'))}"></td>
        <td><select name="timezone" ${off} aria-label="${esc(t('stores.timezone'))}">${(zoneList.includes(s.timezone) ? zoneList : [s.timezone, ...zoneList])
          .map(z => `<option value="${esc(z)}" ${z === s.timezone ? 'selected' : ''}>${esc(z)}</option>`).join('')}</select></td>
        <td><select name="cutoff" ${off} aria-label="${esc(t('stores.cutoff'))}">${Array.from({ length: 13 }, (_, h) =>
          `<option value="${h}" ${h === s.business_day_cutoff_hour ? 'selected' : ''}>${esc(hourLabel(h))}</option>`).join('')}</select></td>
        <td>${editable ? `<button type="button" class="save-store">${esc(t('stores.save'))}</button>` : ''}
          <span class="store-status muted"></span></td></tr>`).join('') + `</table></div>`;
    if (!editable) return;
    document.querySelectorAll('.store-settings-row').forEach(row => {
      row.querySelector('.save-store').addEventListener('click', async () => {
        const status = row.querySelector('.store-status');
        status.textContent = '';
        try {
          const saved = await api(`/api/v1/stores/${row.dataset.store}`, { method: 'PUT', body: {
            name: row.querySelector('[name=name]').value.trim(), timezone: row.querySelector('[name=timezone]').value,
            business_day_cutoff_hour: Number(row.querySelector('[name=cutoff]').value) } });
          row.querySelector('[name=name]').value = saved.name;
          status.textContent = t('stores.saved');
        } catch (err) { status.textContent = err.message; }
      });
    });
  }

  return { render };
})();
