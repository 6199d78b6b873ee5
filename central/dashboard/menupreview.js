// The menu editor's table columns, prices as won ("₩9,900", typed with or without commas) and
// the preview of a publish: before "Save and publish" (one store) or "Apply to selected
// stores" (many) does anything, a panel lists what will change in which stores, and its
// button publishes. app.js renderMenus uses it; text reaches the page through textContent.
'use strict';

const MenuPreview = (() => {
  Object.assign(I18N.ko, {
    'preview.title': '게시 전 확인', 'preview.stores': '매장', 'preview.when': '게시', 'preview.now': '즉시',
    'preview.confirm': '게시', 'preview.bulkConfirm': '선택 매장에 적용', 'preview.cancel': '취소',
    'preview.nothing': '바뀐 내용이 없습니다 (지금 메뉴를 그대로 다시 게시합니다)', 'preview.picture': '사진 변경',
    'preview.added': '메뉴 추가', 'preview.category': '분류', 'menus.col.picture': '사진', 'menus.col.actions': '',
  });
  Object.assign(I18N.en, {
    'preview.title': 'Before publishing', 'preview.stores': 'Stores', 'preview.when': 'Publish', 'preview.now': 'now',
    'preview.confirm': 'Publish', 'preview.bulkConfirm': 'Apply to selected stores', 'preview.cancel': 'Cancel',
    'preview.nothing': 'Nothing changed (the current menu is published again)', 'preview.picture': 'new picture',
    'preview.added': 'New item', 'preview.category': 'category', 'menus.col.picture': 'Picture', 'menus.col.actions': '',
  });

  const priceValue = text => Number(String(text ?? '').replace(/[^\d]/g, '') || 0);
  const priceText = v => (v === null || v === undefined || v === '' ? '' : Math.round(Number(v)).toLocaleString('ko-KR'));
  // A price field: "₩" before a text box holding "9,900" (a number box shows 9900 and the
  // browser's own spinner); commas come back on leaving the field.
  function priceInput(attrs, value) {
    const text = esc(priceText(value));
    return `<span class="price-field"><span class="won-sign" aria-hidden="true">₩</span><input type="text" inputmode="numeric" ${attrs} value="${text}" data-original="${text}"></span>`;
  }
  document.addEventListener('change', e => {
    const input = e.target.closest && e.target.closest('.price-field input');
    if (input && input.value.trim()) input.value = priceText(priceValue(input.value));
  });

  // The column headers of a category's item table (colgroup gives the fixed widths).
  function columns(admin) {
    const cols = admin ? ['picture', 'name', 'description', 'price', 'file', 'delete', 'details'] : ['picture', 'name', 'description', 'price', 'details'];
    const head = { picture: t('menus.col.picture'), name: t('menus.name'), description: t('menus.description'), price: t('menus.price') };
    return `<colgroup>${cols.map(c => `<col class="col-${c}">`).join('')}</colgroup>
      <thead><tr class="menu-head">${cols.map(c => `<th class="${c === 'price' ? 'num' : ''}" scope="col">${esc(head[c] || '')}</th>`).join('')}</tr></thead>`;
  }

  // Edits staged earlier on this page (added, deleted items ...), per store, until published.
  const key = id => 'tableorder.staged.' + id;
  const remembered = id => JSON.parse(sessionStorage.getItem(key(id)) || '[]');
  function remember(id, text) { if (text) sessionStorage.setItem(key(id), JSON.stringify(remembered(id).concat([text]))); }
  function forget(id) { sessionStorage.removeItem(key(id)); }
  const addedText = (row, category) => {
    const field = n => row.querySelector(`[name="${n}"]`).value.trim();
    return `${t('preview.added')}: ${field('new-name')} ₩${priceText(priceValue(field('new-price')))} (${t('preview.category')} ${category || ''})`;
  };
  const bulkText = f => `${t('preview.added')}: ${f.get('name')} ₩${priceText(priceValue(f.get('price')))} (${t('preview.category')} ${f.get('category')})`;

  const DETAIL = { option_group_ids: 'menus.optionGroups', allergens: 'menus.allergens', tags: 'menus.tags',
                   translations: 'menus.translations', available_hours: 'menus.hours' };
  // What the form now says differently from the menu as loaded, in words.
  function formChanges(menu, itemById) {
    const out = [];
    for (const input of document.querySelectorAll('.cat-name')) {
      const c = menu.categories.find(x => String(x.id) === input.dataset.category);
      if (input.value !== input.dataset.original) out.push(`${t('menus.category')}: ${input.dataset.original} → ${input.value}`);
      const changed = MenuEditor.changedCategory(document.querySelector(`.cat-details[data-category="${input.dataset.category}"]`), c);
      if (Object.keys(changed).length)
        out.push(`${t('menus.category')} ${c.name}: ${Object.keys(changed).map(k => t(DETAIL[k])).join(', ')}`);
    }
    for (const row of document.querySelectorAll('tr.menu-item')) {
      const item = itemById.get(Number(row.dataset.item));
      const parts = [];
      row.querySelectorAll('.item-field').forEach(input => {
        if (input.value === input.dataset.original) return;
        const f = input.dataset.field;
        if (f === 'price') parts.push(`${t('menus.price')} ₩${input.dataset.original} → ₩${priceText(priceValue(input.value))}`);
        else parts.push(`${t(f === 'name' ? 'menus.name' : 'menus.description')} "${input.dataset.original}" → "${input.value}"`);
      });
      const details = document.querySelector(`tr.item-details[data-item="${row.dataset.item}"]`);
      Object.keys(MenuEditor.changedDetails(details, item)).forEach(k => parts.push(t(DETAIL[k])));
      const picture = row.querySelector('.picture-input');
      if (picture && picture.files[0]) parts.push(t('preview.picture'));
      if (parts.length) out.push(`${item.name}: ${parts.join(', ')}`);
    }
    return out;
  }

  // The panel under the form: which stores, when, what; its first button publishes.
  function show(form, storesText, at, changes, onConfirm, kind = 'publish') {
    document.querySelectorAll('.publish-preview').forEach(p => p.remove());
    const box = document.createElement('div');
    box.className = 'publish-preview';
    box.id = kind + '-preview';
    const line = (label, value) => {
      const p = document.createElement('p');
      const b = document.createElement('strong');
      b.textContent = label + ': ';
      p.append(b, value);
      return p;
    };
    const h = document.createElement('h3');
    h.textContent = t('preview.title');
    box.append(h, line(t('preview.stores'), storesText), line(t('preview.when'), at ? at : t('preview.now')));
    const list = document.createElement('ul');
    list.className = 'preview-changes';
    (changes.length ? changes : [t('preview.nothing')]).forEach(c => {
      const li = document.createElement('li');
      li.textContent = c;
      list.appendChild(li);
    });
    const row = document.createElement('div');
    row.className = 'row';
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.id = kind + '-confirm';
    ok.textContent = t(kind === 'bulk' ? 'preview.bulkConfirm' : 'preview.confirm');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary';
    cancel.id = kind + '-cancel';
    cancel.textContent = t('preview.cancel');
    ok.addEventListener('click', () => { box.remove(); onConfirm(); });
    cancel.addEventListener('click', () => box.remove());
    row.append(ok, cancel);
    box.append(list, row);
    form.appendChild(box);
    box.scrollIntoView({ block: 'nearest' });
  }

  return { columns, priceInput, priceValue, priceText, remember, remembered, forget, addedText, bulkText, formChanges, show };
})();
