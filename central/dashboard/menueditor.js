// The menu editor's issue-12 parts (app.js renderMenus uses them): option groups, per category
// its English/Chinese/Japanese names and hours, and per item its option groups, allergens,
// tags, names in the other languages and hours. Stock and sold-out are each store's own (not
// published by HQ): the item details say so. Every value
// from the server goes through esc() (app.js) before it is written into HTML.
'use strict';

const MenuEditor = (() => {
  // Korea's mandatory allergen labels (식품 등의 표시기준), the codes of docs/central-api.md.
  const allergens = ['egg', 'milk', 'buckwheat', 'peanut', 'soybean', 'wheat', 'mackerel', 'crab', 'shrimp', 'pork',
    'peach', 'tomato', 'sulfites', 'walnut', 'chicken', 'beef', 'squid', 'shellfish', 'pine_nut'];
  const tags = ['spicy', 'vegetarian', 'new', 'best'];
  const languages = ['en', 'zh', 'ja'];

  // Hours as one line: "1-5 11:00-14:00; 6,7 10:00-22:00" (days ISO, 1 = Monday).
  function hoursText(windows) {
    return (windows || []).map(w => {
      const days = w.days || [];
      const run = days.length > 1 && days.every((d, i) => i === 0 || d === days[i - 1] + 1);
      return `${run ? days[0] + '-' + days[days.length - 1] : days.join(',')} ${w.from}-${w.to}`;
    }).join('; ');
  }
  function parseHours(text) {
    const out = [];
    for (const part of text.split(';').map(s => s.trim()).filter(Boolean)) {
      const m = /^([1-7](?:\s*[-,]\s*[1-7])*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part);
      if (!m) throw new Error(t('menus.hoursInvalid') + ': ' + part);
      const days = [];
      for (const piece of m[1].split(',').map(s => s.trim())) {
        const range = piece.split('-').map(s => Number(s.trim()));
        for (let d = range[0]; d <= range[range.length - 1]; ++d) if (!days.includes(d)) days.push(d);
      }
      out.push({ days: days.sort((a, b) => a - b), from: m[2], to: m[3] });
    }
    return out;
  }

  const tr = (translations, lang, field) => (translations && translations[lang] && translations[lang][field]) || '';
  function translationInputs(cls, translations, withDescription, off, placeholder = 'menus.name') {
    return languages.map(lang => `<label class="lang-field">${t('lang.' + lang)}
      <input class="${cls}" data-lang="${lang}" data-field="name" value="${esc(tr(translations, lang, 'name'))}" placeholder="${t(placeholder)}" ${off}>
      ${withDescription ? `<input class="${cls}" data-lang="${lang}" data-field="description" value="${esc(tr(translations, lang, 'description'))}" placeholder="${t('menus.description')}" ${off}>` : ''}</label>`).join('');
  }
  function readTranslations(root, cls) {
    const out = {};
    root.querySelectorAll('.' + cls).forEach(input => {
      const value = input.value.trim();
      if (!value) return;
      (out[input.dataset.lang] = out[input.dataset.lang] || {})[input.dataset.field] = value;
    });
    // A description without a name is no translation (the name falls back to Korean).
    for (const lang of Object.keys(out)) if (!out[lang].name) delete out[lang];
    return out;
  }

  // The row under an item: hidden until its "details" button is pressed.
  function itemDetailsRow(item, groups, off, columns) {
    const chosen = new Set(item.option_group_ids || []);
    const has = (list, v) => (list || []).includes(v);
    return `<tr class="item-details" data-item="${esc(item.id)}" hidden><td colspan="${columns}">
      <fieldset class="detail"><legend>${t('menus.optionGroups')}</legend>${groups.length ? groups.map(g =>
        `<label><input type="checkbox" class="item-group" value="${esc(g.id)}" ${chosen.has(g.id) ? 'checked' : ''} ${off}> ${esc(g.name)}</label>`).join(' ')
        : `<span class="muted">${t('menus.noGroups')}</span>`}</fieldset>
      <fieldset class="detail"><legend>${t('menus.allergens')}</legend>${allergens.map(a =>
        `<label><input type="checkbox" class="item-allergen" value="${a}" ${has(item.allergens, a) ? 'checked' : ''} ${off}> ${t('allergen.' + a)}</label>`).join(' ')}</fieldset>
      <fieldset class="detail"><legend>${t('menus.tags')}</legend>${tags.map(g =>
        `<label><input type="checkbox" class="item-tag" value="${g}" ${has(item.tags, g) ? 'checked' : ''} ${off}> ${t('tag.' + g)}</label>`).join(' ')}</fieldset>
      <fieldset class="detail"><legend>${t('menus.translations')}</legend>${translationInputs('item-tr', item.translations, true, off)}</fieldset>
      <fieldset class="detail"><legend>${t('menus.hours')}</legend><input class="item-hours" value="${esc(hoursText(item.available_hours))}" placeholder="${t('menus.hoursHint')}" ${off}></fieldset>
      <p class="muted">${t('menus.storeOwn')}</p>
    </td></tr>`;
  }
  // Under a category: its English/Chinese/Japanese names and its hours (the items' own
  // hours narrow them further). Hidden until its "details" button is pressed.
  function categoryDetails(c, off) {
    return `<div class="cat-details" data-category="${esc(c.id)}" hidden>
      <fieldset class="detail"><legend>${t('menus.translations')}</legend>${translationInputs('cat-tr', c.translations, false, off, 'menus.category')}</fieldset>
      <fieldset class="detail"><legend>${t('menus.hours')}</legend><input class="cat-hours" value="${esc(hoursText(c.available_hours))}" placeholder="${t('menus.hoursHint')}" aria-label="${t('menus.hours')}" ${off}></fieldset>
    </div>`;
  }
  // The category's translations and hours that differ from the category as loaded.
  function changedCategory(box, c) {
    const now = { translations: readTranslations(box, 'cat-tr'), available_hours: parseHours(box.querySelector('.cat-hours').value) };
    const before = { translations: c.translations || {}, available_hours: c.available_hours || [] };
    const out = {};
    for (const key of Object.keys(now)) if (canonical(now[key]) !== canonical(before[key])) out[key] = now[key];
    return out;
  }

  // What the details row says now, in the API's field names.
  function readItemDetails(row) {
    const checked = cls => [...row.querySelectorAll('.' + cls)].filter(c => c.checked).map(c => c.value);
    return {
      option_group_ids: checked('item-group').map(Number),
      allergens: checked('item-allergen'),
      tags: checked('item-tag'),
      translations: readTranslations(row, 'item-tr'),
      available_hours: parseHours(row.querySelector('.item-hours').value),
    };
  }
  // The same fields as the server sent them, for "did anything change".
  function itemDetails(item) {
    return {
      option_group_ids: item.option_group_ids || [], allergens: item.allergens || [], tags: item.tags || [],
      translations: item.translations || {}, available_hours: item.available_hours || [],
    };
  }
  const canonical = v => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.keys(x).sort().reduce((o, key) => { o[key] = x[key]; return o; }, {}) : x));
  // The fields of the details row that differ from the item as loaded.
  function changedDetails(row, item) {
    const now = readItemDetails(row);
    const before = itemDetails(item);
    const out = {};
    for (const key of Object.keys(now)) {
      const a = key === 'option_group_ids' || key === 'allergens' || key === 'tags' ? [...now[key]].sort() : now[key];
      const b = key === 'option_group_ids' || key === 'allergens' || key === 'tags' ? [...before[key]].sort() : before[key];
      if (canonical(a) !== canonical(b)) out[key] = now[key];
    }
    return out;
  }

  function optionRow(o, off) {
    return `<div class="row option-row" ${o.id ? `data-option="${esc(o.id)}"` : ''}>
      <input class="option-name" value="${esc(o.name || '')}" placeholder="${t('menus.optionName')}" aria-label="${t('menus.optionName')}" ${off}>
      <input class="option-delta" type="number" step="100" value="${esc(o.price_delta ?? 0)}" aria-label="${t('menus.priceDelta')}" ${off}>
      ${translationInputs('option-tr', o.translations, false, off)}
      ${off ? '' : `<button type="button" class="secondary danger remove-option">${t('menus.delete')}</button>`}</div>`;
  }
  function groupForm(g, off) {
    return `<fieldset class="option-group" ${g.id ? `data-group="${esc(g.id)}"` : ''}>
      <div class="row"><input class="group-name" value="${esc(g.name || '')}" placeholder="${t('menus.groupName')}" aria-label="${t('menus.groupName')}" ${off}>
      <label>${t('menus.min')} <input class="group-min" type="number" min="0" max="30" value="${esc(g.min_select ?? 0)}" ${off}></label>
      <label>${t('menus.max')} <input class="group-max" type="number" min="1" max="30" value="${esc(g.max_select ?? 1)}" ${off}></label></div>
      <div class="row">${translationInputs('group-tr', g.translations, false, off)}</div>
      <div class="options">${(g.options || []).map(o => optionRow(o, off)).join('')}</div>
      ${off ? '' : `<div class="row"><button type="button" class="secondary add-option">${t('menus.addOption')}</button>
      <button type="button" class="save-group">${t('menus.saveGroup')}</button>
      ${g.id ? `<button type="button" class="secondary danger delete-group">${t('menus.deleteGroup')}</button>` : ''}</div>`}
    </fieldset>`;
  }
  function groupsCard(groups, admin) {
    const off = admin ? '' : 'disabled';
    return `<div class="card" id="option-groups"><h2>${t('menus.optionGroups')}</h2>
      <div id="group-list">${groups.map(g => groupForm(g, off)).join('') || `<p class="muted">${t('menus.noGroups')}</p>`}</div>
      ${admin ? `<button type="button" class="secondary" id="new-group">${t('menus.newGroup')}</button>` : ''}</div>`;
  }
  function readGroup(fieldset) {
    return {
      name: fieldset.querySelector('.group-name').value.trim(),
      min_select: Number(fieldset.querySelector('.group-min').value),
      max_select: Number(fieldset.querySelector('.group-max').value),
      translations: readTranslations(fieldset, 'group-tr'),
      options: [...fieldset.querySelectorAll('.option-row')].map(row => {
        const o = { name: row.querySelector('.option-name').value.trim(), price_delta: Number(row.querySelector('.option-delta').value),
          translations: readTranslations(row, 'option-tr') };
        if (row.dataset.option) o.id = Number(row.dataset.option);
        return o;
      }),
    };
  }
  // Buttons of the option-group card; `staged(work)` runs an edit staged for the next publish.
  function bindGroups(base, staged) {
    const card = document.getElementById('option-groups');
    if (!card) return;
    const wire = fieldset => {
      fieldset.querySelector('.add-option').addEventListener('click', () => {
        fieldset.querySelector('.options').insertAdjacentHTML('beforeend', optionRow({}, ''));
        wireRemove(fieldset.querySelector('.options').lastElementChild);
      });
      fieldset.querySelectorAll('.option-row').forEach(wireRemove);
      fieldset.querySelector('.save-group').addEventListener('click', () => staged(() => {
        const body = readGroup(fieldset);
        return fieldset.dataset.group
          ? api(`${base}/option-groups/${fieldset.dataset.group}?publish=later`, { method: 'PUT', body })
          : api(`${base}/option-groups?publish=later`, { method: 'POST', body });
      }));
      const del = fieldset.querySelector('.delete-group');
      if (del) del.addEventListener('click', () => staged(() =>
        api(`${base}/option-groups/${fieldset.dataset.group}?publish=later`, { method: 'DELETE' })));
    };
    const wireRemove = row => row.querySelector('.remove-option').addEventListener('click', () => row.remove());
    card.querySelectorAll('fieldset.option-group').forEach(wire);
    document.getElementById('new-group').addEventListener('click', () => {
      const list = document.getElementById('group-list');
      if (!list.querySelector('fieldset')) list.innerHTML = '';
      list.insertAdjacentHTML('beforeend', groupForm({ min_select: 0, max_select: 1, options: [{}] }, ''));
      wire(list.lastElementChild);
      list.lastElementChild.querySelector('.group-name').focus();
    });
  }

  return { allergens, tags, hoursText, parseHours, categoryDetails, changedCategory, itemDetailsRow, changedDetails,
    groupsCard, bindGroups };
})();
