// The guests' phone app (issue 16): menu, options, cart, order, live status, staff calls, bill.
// Plain JS, no build step. Every text from the menu, the store or the server goes into the page
// through textContent (el() below), never as HTML.
'use strict';

(() => {
  // On the edge the page is /t/{code} (base ''); through central /s/{store}/t/{code}.
  const base = location.pathname.replace(/\/t\/[^/]+\/?$/, '');
  const tableCode = decodeURIComponent((location.pathname.match(/\/t\/([^/]+)\/?$/) || [])[1] || '');
  const api = (path) => `${base}/api/v1/guest${path}`;
  const $ = (id) => document.getElementById(id);
  const LANGS = ['ko', 'en', 'zh', 'ja'];
  const LOCALES = { ko: 'ko-KR', en: 'en-US', zh: 'zh-CN', ja: 'ja-JP' };

  const T = {
    ko: {
      table: '테이블', orders: '주문 내역', call: '직원 호출', bill: '계산서', cart: '장바구니',
      add: '담기', order: '주문하기', sending: '주문 보내는 중…', retrying: '연결이 불안정해 다시 보내는 중…',
      ordered: '주문이 접수되었습니다', soldOut: '품절', notNow: '지금은 주문할 수 없음', required: '필수', optional: '선택',
      upTo: '최대 {n}개', choose: '{n}개 선택', empty: '장바구니가 비었습니다', total: '합계', close: '닫기',
      remove: '빼기', noOrders: '아직 주문이 없습니다', allergens: '알레르기 유발 성분',
      status: { pending: '접수 대기', preparing: '조리 중', completed: '준비 완료', served: '서빙 완료', canceled: '취소됨' },
      reasons: { water: '물', cutlery: '수저·식기', bill: '계산', other: '기타 요청' },
      called: '직원을 불렀습니다', callAck: '직원이 오고 있습니다',
      needCode: '주문하려면 테이블 태블릿의 QR 코드를 스캔하거나 직원에게 테이블을 열어 달라고 하세요.',
      codeLabel: '태블릿의 코드', join: '확인', badCode: '코드가 맞지 않습니다. 태블릿의 QR을 다시 스캔하세요.',
      ended: '방문이 끝났습니다. 다시 주문하려면 테이블의 QR 코드를 스캔하세요.', again: '다시 시작',
      badTable: '테이블 코드를 찾을 수 없습니다. 테이블의 QR 코드를 다시 스캔하세요.',
      offlineTitle: '지금은 매장에 연결할 수 없습니다',
      offlineWifi: '매장 Wi-Fi "{ssid}"에 연결한 뒤 아래 주소를 여세요.', offlineNoWifi: '매장 Wi-Fi에 연결한 뒤 아래 주소를 여세요.',
      offlineRetry: '다시 시도', failed: '주문하지 못했습니다', slow: '요청이 많습니다. 잠시 후 다시 시도하세요.',
      subtotal: '소계', paid: '결제', due: '남은 금액', noBill: '아직 계산할 내역이 없습니다', qty: '수량',
      tags: { spicy: '매운맛', vegetarian: '채식', new: '신메뉴', best: '인기' },
    },
    en: {
      table: 'Table', orders: 'My orders', call: 'Call staff', bill: 'Bill', cart: 'Cart',
      add: 'Add', order: 'Place order', sending: 'Sending your order…', retrying: 'Weak connection, sending again…',
      ordered: 'Your order was received', soldOut: 'Sold out', notNow: 'Not available now', required: 'Required', optional: 'Optional',
      upTo: 'Up to {n}', choose: 'Choose {n}', empty: 'Your cart is empty', total: 'Total', close: 'Close',
      remove: 'Remove', noOrders: 'No orders yet', allergens: 'Allergens',
      status: { pending: 'Received', preparing: 'Cooking', completed: 'Ready', served: 'Served', canceled: 'Canceled' },
      reasons: { water: 'Water', cutlery: 'Cutlery', bill: 'Pay the bill', other: 'Something else' },
      called: 'Staff have been called', callAck: 'Staff are on their way',
      needCode: "To order, scan the QR code on the table's tablet, or ask staff to open your table.",
      codeLabel: 'Code on the tablet', join: 'OK', badCode: "That code doesn't match. Scan the tablet's QR code again.",
      ended: "This visit has ended. To order again, scan the table's QR code.", again: 'Start again',
      badTable: "We can't find this table. Scan the QR code on the table again.",
      offlineTitle: "We can't reach the restaurant right now",
      offlineWifi: 'Connect to the restaurant\'s Wi-Fi "{ssid}", then open this address:', offlineNoWifi: "Connect to the restaurant's Wi-Fi, then open this address:",
      offlineRetry: 'Try again', failed: "Your order wasn't placed", slow: 'Too many requests. Please wait a moment.',
      subtotal: 'Subtotal', paid: 'Paid', due: 'To pay', noBill: 'Nothing to pay yet', qty: 'Quantity',
      tags: { spicy: 'Spicy', vegetarian: 'Vegetarian', new: 'New', best: 'Popular' },
    },
    zh: {
      table: '桌号', orders: '我的订单', call: '呼叫服务员', bill: '账单', cart: '购物车',
      add: '加入', order: '下单', sending: '正在发送订单…', retrying: '网络不稳定，正在重新发送…',
      ordered: '订单已收到', soldOut: '售罄', notNow: '现在不供应', required: '必选', optional: '可选',
      upTo: '最多{n}项', choose: '请选{n}项', empty: '购物车是空的', total: '合计', close: '关闭',
      remove: '删除', noOrders: '还没有订单', allergens: '过敏原',
      status: { pending: '已接单', preparing: '制作中', completed: '已做好', served: '已上桌', canceled: '已取消' },
      reasons: { water: '要水', cutlery: '要餐具', bill: '结账', other: '其他' },
      called: '已呼叫服务员', callAck: '服务员马上就来',
      needCode: '如需点餐，请扫描桌上平板显示的二维码，或请服务员为您开台。',
      codeLabel: '平板上的代码', join: '确定', badCode: '代码不正确，请重新扫描平板上的二维码。',
      ended: '本次用餐已结束。如需再次点餐，请扫描桌上的二维码。', again: '重新开始',
      badTable: '找不到这张桌子，请重新扫描桌上的二维码。',
      offlineTitle: '暂时无法连接到餐厅',
      offlineWifi: '请连接餐厅Wi-Fi「{ssid}」，然后打开以下地址：', offlineNoWifi: '请连接餐厅Wi-Fi，然后打开以下地址：',
      offlineRetry: '重试', failed: '下单失败', slow: '请求过多，请稍后再试。',
      subtotal: '小计', paid: '已付', due: '待付', noBill: '暂无账单', qty: '数量',
      tags: { spicy: '辣', vegetarian: '素食', new: '新品', best: '人气' },
    },
    ja: {
      table: 'テーブル', orders: '注文履歴', call: 'スタッフ呼出', bill: 'お会計', cart: 'カート',
      add: '追加', order: '注文する', sending: '注文を送信中…', retrying: '接続が不安定です。再送信中…',
      ordered: 'ご注文を承りました', soldOut: '売り切れ', notNow: '現在ご注文いただけません', required: '必須', optional: '任意',
      upTo: '{n}つまで', choose: '{n}つ選択', empty: 'カートは空です', total: '合計', close: '閉じる',
      remove: '削除', noOrders: 'まだ注文はありません', allergens: 'アレルゲン',
      status: { pending: '受付済み', preparing: '調理中', completed: '準備完了', served: '提供済み', canceled: '取消' },
      reasons: { water: 'お水', cutlery: 'カトラリー', bill: 'お会計', other: 'その他' },
      called: 'スタッフを呼びました', callAck: 'スタッフが向かっています',
      needCode: 'ご注文には、テーブルのタブレットのQRコードを読み取るか、スタッフにテーブルを開けてもらってください。',
      codeLabel: 'タブレットのコード', join: 'OK', badCode: 'コードが一致しません。タブレットのQRコードをもう一度読み取ってください。',
      ended: 'ご来店は終了しました。再度ご注文の際はテーブルのQRコードを読み取ってください。', again: 'やり直す',
      badTable: 'テーブルが見つかりません。テーブルのQRコードをもう一度読み取ってください。',
      offlineTitle: '現在お店に接続できません',
      offlineWifi: 'お店のWi-Fi「{ssid}」に接続してから、次のアドレスを開いてください。', offlineNoWifi: 'お店のWi-Fiに接続してから、次のアドレスを開いてください。',
      offlineRetry: '再試行', failed: 'ご注文できませんでした', slow: 'リクエストが多すぎます。しばらくお待ちください。',
      subtotal: '小計', paid: 'お支払い済み', due: '残額', noBill: 'まだお会計はありません', qty: '数量',
      tags: { spicy: '辛い', vegetarian: 'ベジタリアン', new: '新メニュー', best: '人気' },
    },
  };
  // Korea's mandatory allergen list (docs/api.md, "Allergens and tags").
  const ALLERGENS = {
    egg: ['알류', 'Egg', '蛋类', '卵'], milk: ['우유', 'Milk', '牛奶', '乳'], buckwheat: ['메밀', 'Buckwheat', '荞麦', 'そば'],
    peanut: ['땅콩', 'Peanut', '花生', '落花生'], soybean: ['대두', 'Soybean', '大豆', '大豆'], wheat: ['밀', 'Wheat', '小麦', '小麦'],
    mackerel: ['고등어', 'Mackerel', '鲭鱼', 'さば'], crab: ['게', 'Crab', '蟹', 'かに'], shrimp: ['새우', 'Shrimp', '虾', 'えび'],
    pork: ['돼지고기', 'Pork', '猪肉', '豚肉'], peach: ['복숭아', 'Peach', '桃子', 'もも'], tomato: ['토마토', 'Tomato', '番茄', 'トマト'],
    sulfites: ['아황산류', 'Sulfites', '亚硫酸盐', '亜硫酸塩'], walnut: ['호두', 'Walnut', '核桃', 'くるみ'], chicken: ['닭고기', 'Chicken', '鸡肉', '鶏肉'],
    beef: ['쇠고기', 'Beef', '牛肉', '牛肉'], squid: ['오징어', 'Squid', '鱿鱼', 'いか'], shellfish: ['조개류', 'Shellfish', '贝类', '貝類'],
    pine_nut: ['잣', 'Pine nut', '松子', '松の実'],
  };

  const store = {
    get(key) { try { return JSON.parse(localStorage.getItem(`guest:${tableCode}:${key}`)); } catch (e) { return null; } },
    set(key, value) {
      try {
        if (value === null || value === undefined) localStorage.removeItem(`guest:${tableCode}:${key}`);
        else localStorage.setItem(`guest:${tableCode}:${key}`, JSON.stringify(value));
      } catch (e) { /* private mode: the app works without keeping state */ }
    },
  };

  const state = {
    menu: null, items: new Map(), groups: new Map(),
    token: store.get('token'), visitId: null, tableNumber: null, joinError: null,
    cart: store.get('cart') || [], orders: [], calls: [], pending: store.get('pending'),
    sending: false, stream: null, view: null, offline: false,
  };

  function pickLang() {
    const saved = localStorage.getItem('guest:lang');
    if (LANGS.includes(saved)) return saved;
    for (const l of navigator.languages || [navigator.language || 'ko']) {
      const short = String(l).slice(0, 2).toLowerCase();
      if (LANGS.includes(short)) return short;
    }
    return 'ko';
  }
  let lang = pickLang();
  const t = (key) => T[lang][key] ?? T.en[key] ?? key;
  const fmt = (text, vars) => text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));

  // Builds an element; children are nodes or strings (text nodes: never parsed as HTML).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const name = (obj) => (obj && obj.translations && obj.translations[lang] && obj.translations[lang].name) || (obj ? obj.name : '');
  // A description without a translation stays Korean-only: a guest reading another language
  // gets no text rather than text in a language they did not choose.
  const desc = (obj) => (lang === 'ko' ? obj.description : obj.translations && obj.translations[lang] && obj.translations[lang].description) || '';
  function money(amount) {
    const currency = (state.menu && state.menu.currency) || 'KRW';
    try { return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).format(amount); } catch (e) { return String(amount); }
  }
  const imageUrl = (url) => (url && url.startsWith('/images/') ? api(url) : null);

  function uuid() {
    // crypto.randomUUID needs a secure context; the store's LAN address is plain http.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  class ApiError extends Error {
    constructor(status, error) { super(error.message || ''); this.status = status; this.code = error.code; this.details = error.details; }
  }

  async function request(method, path, body) {
    // The menu is preloaded by index.html (same URL, default cache mode: the preload is used).
    if (path === '/menu') return handle(await fetch(api(path)).catch((e) => { throw new ApiError(0, { code: 'NETWORK', message: String(e) }); }));
    const headers = { Accept: 'application/json', 'Accept-Language': lang };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    let res;
    try {
      res = await fetch(api(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, { code: 'NETWORK', message: String(e) });
    }
    return handle(res);
  }

  async function handle(res) {
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const error = new ApiError(res.status, (data && data.error) || { code: `HTTP_${res.status}` });
      if (error.code === 'STORE_OFFLINE') showOffline(error.details || {});
      throw error;
    }
    return data;
  }

  function toast(text) {
    const box = $('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; }, 3000);
  }

  // --- Joining the table -------------------------------------------------------------------

  async function join() {
    const visitCode = (location.hash.match(/[#&]v=([0-9A-Za-z-]+)/) || [])[1] || '';
    if (state.token && !visitCode) {
      try {
        const s = await request('GET', '/session');
        state.visitId = s.visit_id; state.tableNumber = s.table.number; state.joinError = null;
        return;
      } catch (e) {
        if (e.code === 'STORE_OFFLINE' || e.code === 'NETWORK') { state.joinError = e; return; }
        setToken(null);
      }
    }
    await joinWith(visitCode);
  }

  // A join lost on a weak connection is tried again (it changes nothing until it succeeds).
  async function joinWith(visitCode) {
    for (let attempt = 0; ; attempt += 1) {
      await joinOnce(visitCode);
      const e = state.joinError;
      const transient = e && e.code !== 'STORE_OFFLINE' && (e.status === 0 || e.status >= 500 || e.status === 408);
      if (!transient || attempt >= 4) return;
      await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
    }
  }

  async function joinOnce(visitCode) {
    try {
      const body = { table_code: tableCode };
      if (visitCode) body.visit_code = visitCode;
      const saved = state.token;
      state.token = null;
      try {
        const j = await request('POST', '/join', body);
        setToken(j.token);
        state.visitId = j.visit_id; state.tableNumber = j.table.number; state.joinError = null;
      } catch (e) {
        state.token = saved;
        throw e;
      }
      if (visitCode) history.replaceState(null, '', location.pathname);
    } catch (e) {
      state.joinError = e;
      if (e.details && e.details.table) state.tableNumber = e.details.table.number;
    }
  }

  function setToken(token) {
    state.token = token;
    store.set('token', token);
    if (!token) { state.visitId = null; closeStream(); }
  }

  const canOrder = () => !!state.token;

  // --- Menu ----------------------------------------------------------------------------------

  async function loadMenu() {
    state.menu = await request('GET', '/menu');
    state.items.clear();
    for (const c of state.menu.categories) for (const i of c.items) {
      state.items.set(i.id, i);
      for (const g of i.option_groups || []) state.groups.set(g.id, g);
    }
  }

  function renderHeader() {
    document.documentElement.lang = lang;
    $('lang').value = lang;
    $('store').textContent = state.menu ? state.menu.store_name : '';
    $('table').textContent = state.tableNumber ? `${t('table')} ${state.tableNumber}` : '';
    document.title = state.menu ? state.menu.store_name : 'Order';
    $('btn-orders').textContent = t('orders');
    $('btn-call').textContent = t('call');
    $('btn-bill').textContent = t('bill');
    const blocked = !canOrder();
    $('btn-call').disabled = blocked;
    $('btn-bill').disabled = blocked;
    $('btn-orders').disabled = blocked;
  }

  function renderNotice() {
    const box = $('notice');
    box.replaceChildren();
    const e = state.joinError;
    if (!e || state.offline) { box.hidden = true; return; }
    box.hidden = false;
    if (e.code === 'VISIT_CODE_REQUIRED' || e.code === 'VISIT_CODE_INVALID') {
      const input = el('input', { id: 'visit-code', inputmode: 'text', autocomplete: 'off', maxlength: 12, 'aria-label': t('codeLabel'), placeholder: t('codeLabel') });
      const form = el('form', { class: 'codeform', onsubmit: async (ev) => {
        ev.preventDefault();
        await joinWith(input.value.trim());
        render();
        if (canOrder()) openStream();
      } }, input, el('button', { type: 'submit' }, t('join')));
      box.append(el('p', null, e.code === 'VISIT_CODE_INVALID' ? t('badCode') : t('needCode')), form);
    } else if (e.code === 'VISIT_ENDED' || e.code === 'TOKEN_EXPIRED') {
      box.append(el('p', null, t('ended')), el('button', { type: 'button', onclick: () => { setToken(null); location.reload(); } }, t('again')));
    } else if (e.code === 'NOT_FOUND') {
      box.append(el('p', null, t('badTable')));
    } else if (e.code === 'RATE_LIMITED') {
      box.append(el('p', null, t('slow')));
    } else {
      box.append(el('p', null, t('failed')));
    }
  }

  function renderMenu() {
    const main = $('menu');
    const cats = $('cats');
    if (!state.menu) return;
    main.replaceChildren();
    cats.replaceChildren();
    for (const c of state.menu.categories) {
      if (!c.items.length) continue;
      const id = `cat-${c.id}`;
      cats.append(el('a', { href: `#${id}`, onclick: (ev) => { ev.preventDefault(); $(id).scrollIntoView({ behavior: 'smooth' }); } }, name(c)));
      const section = el('section', { id, class: 'cat' }, el('h2', null, name(c)));
      for (const item of c.items) section.append(itemCard(item));
      main.append(section);
    }
  }

  function orderable(item) { return item.available !== false && item.available_now !== false; }

  function itemCard(item) {
    const img = imageUrl(item.thumbnail_url);
    const badges = [];
    for (const tag of item.tags || []) badges.push(el('span', { class: `tag tag-${tag}` }, (t('tags')[tag]) || tag));
    const ok = orderable(item);
    return el('button', { type: 'button', class: `item${ok ? '' : ' off'}`, 'data-item': item.id, disabled: !ok,
      onclick: () => openItem(item) },
    img ? el('img', { src: img, alt: '', loading: 'lazy', width: 88, height: 88, decoding: 'async' }) : el('span', { class: 'noimg' }),
    el('span', { class: 'info' },
      el('span', { class: 'name' }, name(item)),
      desc(item) ? el('span', { class: 'desc' }, desc(item)) : null,
      el('span', { class: 'meta' }, el('span', { class: 'price' }, money(item.price)), badges,
        ok ? null : el('span', { class: 'badge' }, item.available === false ? t('soldOut') : t('notNow')))));
  }

  // --- Sheets: item options, cart, orders, call, bill ---------------------------------------

  function openSheet(...children) {
    const body = $('sheet-body');
    body.replaceChildren(...children.flat(2).filter((c) => c !== null && c !== undefined && c !== false));
    $('sheet').hidden = false;
    body.scrollTop = 0;
  }
  function closeSheet() { $('sheet').hidden = true; state.view = null; }
  const sheetHead = (title) => el('div', { class: 'sheet-head' }, el('h2', null, title),
    el('button', { type: 'button', class: 'x', 'aria-label': t('close'), onclick: closeSheet }, '×'));

  function allergenNames(codes) {
    const i = LANGS.indexOf(lang);
    return (codes || []).map((c) => (ALLERGENS[c] ? ALLERGENS[c][i] : c)).join(', ');
  }

  function openItem(item) {
    state.view = 'item';
    let qty = 1;
    const chosen = new Map(); // group id -> Set of option ids
    const groups = item.option_groups || [];
    const addBtn = el('button', { type: 'button', class: 'primary', id: 'add' });
    const qtyText = el('span', { class: 'qty' }, '1');
    const unit = () => item.price + groups.reduce((sum, g) => sum + g.options.filter((o) => chosen.get(g.id)?.has(o.id)).reduce((s, o) => s + o.price_delta, 0), 0);
    const valid = () => groups.every((g) => (chosen.get(g.id)?.size || 0) >= g.min_select);
    const update = () => {
      qtyText.textContent = String(qty);
      addBtn.textContent = `${t('add')} · ${money(Math.max(0, unit()) * qty)}`;
      addBtn.disabled = !valid();
    };
    const groupNodes = groups.map((g) => {
      chosen.set(g.id, new Set());
      const single = g.max_select === 1;
      const hint = g.min_select > 0 ? (single ? t('required') : `${t('required')} · ${fmt(t('choose'), { n: g.min_select })}`)
        : (single ? t('optional') : fmt(t('upTo'), { n: g.max_select }));
      return el('fieldset', { class: 'group' }, el('legend', null, name(g), el('small', null, hint)),
        g.options.map((o) => {
          const input = el('input', { type: single ? 'radio' : 'checkbox', name: `g${g.id}`, value: o.id, disabled: !o.available,
            onchange: () => {
              const set = chosen.get(g.id);
              if (single) { set.clear(); if (input.checked) set.add(o.id); } else if (input.checked) {
                if (set.size >= g.max_select) { input.checked = false; return; }
                set.add(o.id);
              } else set.delete(o.id);
              update();
            } });
          return el('label', { class: `opt${o.available ? '' : ' off'}` }, input, el('span', { class: 'oname' }, name(o)),
            el('span', { class: 'odelta' }, o.price_delta ? `${o.price_delta > 0 ? '+' : ''}${money(o.price_delta)}` : ''));
        }));
    });
    addBtn.addEventListener('click', () => {
      if (!valid()) return;
      const options = groups.flatMap((g) => [...chosen.get(g.id)]);
      const key = `${item.id}:${options.slice().sort((a, b) => a - b).join(',')}`;
      const line = state.cart.find((l) => l.key === key);
      if (line) line.quantity += qty; else state.cart.push({ key, menu_item_id: item.id, options, quantity: qty });
      saveCart();
      closeSheet();
      renderCartBar();
    });
    const img = imageUrl(item.image_url);
    openSheet(sheetHead(name(item)),
      img ? el('img', { class: 'hero', src: img, alt: '' }) : null,
      desc(item) ? el('p', { class: 'desc' }, desc(item)) : null,
      item.allergens && item.allergens.length ? el('p', { class: 'allergens' }, `${t('allergens')}: ${allergenNames(item.allergens)}`) : null,
      groupNodes,
      el('div', { class: 'stepper' }, el('span', null, t('qty')),
        el('button', { type: 'button', 'aria-label': '-', onclick: () => { qty = Math.max(1, qty - 1); update(); } }, '−'), qtyText,
        el('button', { type: 'button', 'aria-label': '+', onclick: () => { qty = Math.min(99, qty + 1); update(); } }, '+')),
      addBtn);
    update();
  }

  function saveCart() { store.set('cart', state.cart); }

  function lineUnit(line) {
    const item = state.items.get(line.menu_item_id);
    if (!item) return 0;
    let unit = item.price;
    for (const g of item.option_groups || []) for (const o of g.options) if (line.options.includes(o.id)) unit += o.price_delta;
    return Math.max(0, unit);
  }
  function optionNames(line) {
    const item = state.items.get(line.menu_item_id);
    const names = [];
    for (const g of (item && item.option_groups) || []) for (const o of g.options) if (line.options.includes(o.id)) names.push(name(o));
    return names.join(', ');
  }
  const cartCount = () => state.cart.reduce((n, l) => n + l.quantity, 0);
  const cartTotal = () => state.cart.reduce((s, l) => s + lineUnit(l) * l.quantity, 0);

  function renderCartBar() {
    const bar = $('cartbar');
    const n = cartCount();
    bar.hidden = n === 0 && !state.pending;
    bar.replaceChildren(el('span', { class: 'count' }, String(n)), el('span', null, t('cart')), el('span', { class: 'sum' }, money(cartTotal())));
  }

  function openCart() {
    state.view = 'cart';
    const lines = state.cart.filter((l) => state.items.has(l.menu_item_id));
    const list = el('ul', { class: 'lines' }, lines.map((line) => el('li', null,
      el('div', { class: 'lname' }, el('span', null, name(state.items.get(line.menu_item_id))),
        optionNames(line) ? el('small', null, optionNames(line)) : null),
      el('div', { class: 'stepper small' },
        el('button', { type: 'button', 'aria-label': '-', onclick: () => { line.quantity -= 1; if (line.quantity <= 0) state.cart.splice(state.cart.indexOf(line), 1); saveCart(); renderCartBar(); openCart(); } }, '−'),
        el('span', { class: 'qty' }, String(line.quantity)),
        el('button', { type: 'button', 'aria-label': '+', onclick: () => { line.quantity = Math.min(99, line.quantity + 1); saveCart(); renderCartBar(); openCart(); } }, '+')),
      el('span', { class: 'ltotal' }, money(lineUnit(line) * line.quantity)))));
    const orderBtn = el('button', { type: 'button', class: 'primary', id: 'place', disabled: !lines.length || !canOrder() || state.sending,
      onclick: () => placeOrder() }, state.sending ? t('sending') : `${t('order')} · ${money(cartTotal())}`);
    openSheet(sheetHead(t('cart')),
      lines.length ? list : el('p', { class: 'empty' }, t('empty')),
      el('p', { class: 'total' }, el('span', null, t('total')), el('strong', null, money(cartTotal()))),
      canOrder() ? null : el('p', { class: 'warn' }, t('needCode')),
      el('p', { class: 'progress', id: 'progress', hidden: !state.sending }, state.sending ? t('sending') : ''),
      orderBtn);
  }

  // Sends the order until the edge has answered it. The client_order_id is chosen once, kept
  // (also across a reload) and sent again with every retry: the edge places the order once.
  async function placeOrder() {
    if (state.sending) return;
    if (!state.pending) {
      const items = state.cart.filter((l) => state.items.has(l.menu_item_id))
        .map((l) => ({ menu_item_id: l.menu_item_id, quantity: l.quantity, options: l.options }));
      if (!items.length) return;
      state.pending = { client_order_id: uuid(), items };
      store.set('pending', state.pending);
    }
    state.sending = true;
    if (state.view === 'cart') openCart();
    let delay = 500;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const order = await request('POST', '/orders', state.pending);
        state.pending = null; store.set('pending', null);
        state.cart = []; saveCart();
        state.sending = false;
        if (order.session_id && !state.visitId) { state.visitId = order.session_id; openStream(); }
        upsertOrder(order);
        renderCartBar();
        toast(t('ordered'));
        openOrders();
        return;
      } catch (e) {
        const transient = e.status === 0 || e.status >= 500 || e.status === 408 || e.status === 429;
        if (e.code === 'STORE_OFFLINE' || !transient || attempt >= 12) {
          state.sending = false;
          if (!transient) { state.pending = null; store.set('pending', null); }
          if (e.code === 'VISIT_ENDED' || e.code === 'TOKEN_EXPIRED' || e.code === 'VISIT_CODE_REQUIRED') { state.joinError = e; setToken(null); render(); }
          if (state.view === 'cart') openCart();
          if (e.code !== 'STORE_OFFLINE') toast(`${t('failed')}: ${e.message || e.code}`);
          return;
        }
        const progress = $('progress');
        if (progress) { progress.hidden = false; progress.textContent = t('retrying'); }
        const wait = e.status === 429 ? Math.min(30000, 1000 * (Number(e.details && e.details.retry_after) || 2)) : delay;
        await new Promise((r) => setTimeout(r, wait));
        delay = Math.min(8000, delay * 2);
      }
    }
  }

  function upsertOrder(order) {
    const i = state.orders.findIndex((o) => o.id === order.id);
    if (i >= 0) state.orders[i] = order; else state.orders.push(order);
    state.orders.sort((a, b) => a.id - b.id);
    if (state.view === 'orders') openOrders();
  }

  async function refreshOrders() {
    if (!state.token) return;
    try {
      const data = await request('GET', '/orders');
      state.orders = data.orders;
      if (state.view === 'orders') openOrders();
    } catch (e) { handleAuthError(e); }
  }

  function handleAuthError(e) {
    if (e.code === 'VISIT_ENDED' || e.code === 'TOKEN_EXPIRED' || e.code === 'INVALID_TOKEN') {
      state.joinError = { code: 'VISIT_ENDED' };
      setToken(null);
      render();
    }
  }

  function openOrders() {
    state.view = 'orders';
    const list = state.orders.slice().reverse().map((o) => el('li', { class: `order st-${o.status}`, 'data-order': o.id },
      el('div', { class: 'ohead' }, el('strong', null, `#${o.number}`), el('span', { class: 'status' }, t('status')[o.status] || o.status)),
      el('ul', null, o.items.map((i) => el('li', null, `${nameOfLine(i)} × ${i.quantity}`,
        (i.options || []).length ? el('small', { class: 'lopts' }, (i.options || []).map(optionName).join(', ')) : null))),
      el('div', { class: 'ototal' }, money(o.total))));
    openSheet(sheetHead(t('orders')), list.length ? el('ul', { class: 'orders' }, list) : el('p', { class: 'empty' }, t('noOrders')),
      state.calls.filter((c) => c.status !== 'done').map((c) => el('p', { class: 'callstate' }, `${t('reasons')[c.reason] || c.reason}: ${c.status === 'acknowledged' ? t('callAck') : t('called')}`)));
  }
  function optionName(o) {
    for (const g of state.groups.values()) for (const x of g.options) if (x.id === (o.id ?? o.option_id)) return name(x);
    return o.name || '';
  }
  // The order keeps the Korean name it was placed with; the menu has the guest's language.
  function nameOfLine(line) { const item = state.items.get(line.menu_item_id); return item ? name(item) : line.name; }

  function openCall() {
    state.view = 'call';
    openSheet(sheetHead(t('call')), el('div', { class: 'reasons' }, ['water', 'cutlery', 'bill', 'other'].map((r) =>
      el('button', { type: 'button', 'data-reason': r, onclick: async () => {
        try {
          const call = await request('POST', '/calls', { reason: r });
          upsertCall(call);
          closeSheet();
          toast(t('called'));
        } catch (e) { handleAuthError(e); toast(e.code === 'RATE_LIMITED' ? t('slow') : `${t('failed')}: ${e.message || e.code}`); }
      } }, t('reasons')[r]))));
  }
  function upsertCall(call) {
    const i = state.calls.findIndex((c) => c.id === call.id);
    if (i >= 0) state.calls[i] = call; else state.calls.push(call);
    if (state.view === 'orders') openOrders();
  }

  async function openBill() {
    state.view = 'bill';
    try {
      const b = await request('GET', '/bill');
      const lines = b.lines.filter((l) => !l.void).map((l) => el('li', null, el('span', { class: 'lname' }, `${nameOfLine(l)} × ${l.quantity}`), el('span', null, money(l.line_total))));
      openSheet(sheetHead(t('bill')), lines.length ? el('ul', { class: 'bill' }, lines) : el('p', { class: 'empty' }, t('noBill')),
        el('p', { class: 'total' }, el('span', null, t('total')), el('strong', null, money(b.total))),
        b.paid ? el('p', { class: 'total' }, el('span', null, t('paid')), el('span', null, money(b.paid))) : null,
        el('p', { class: 'total due' }, el('span', null, t('due')), el('strong', null, money(b.due))),
        el('button', { type: 'button', class: 'primary', onclick: async () => {
          try { upsertCall(await request('POST', '/calls', { reason: 'bill' })); toast(t('called')); } catch (e) { handleAuthError(e); }
        } }, t('reasons').bill));
    } catch (e) { handleAuthError(e); }
  }

  // --- Live status over SSE ------------------------------------------------------------------

  function openStream() {
    if (state.stream || !state.token || !state.visitId || typeof EventSource === 'undefined') return;
    const es = new EventSource(api(`/events?token=${encodeURIComponent(state.token)}`));
    state.stream = es;
    const data = (ev) => { try { return JSON.parse(ev.data).data; } catch (e) { return null; } };
    es.addEventListener('snapshot', (ev) => {
      const d = data(ev);
      if (!d) return;
      state.orders = d.orders || [];
      state.calls = d.calls || [];
      if (state.view === 'orders') openOrders();
    });
    for (const type of ['order.created', 'order.updated']) es.addEventListener(type, (ev) => { const d = data(ev); if (d) upsertOrder(d); });
    es.addEventListener('order.acknowledged', () => refreshOrders());
    for (const type of ['call.created', 'call.acknowledged', 'call.done']) es.addEventListener(type, (ev) => {
      const d = data(ev);
      if (!d) return;
      upsertCall(d);
      if (type === 'call.acknowledged') toast(t('callAck'));
    });
    for (const type of ['menu.updated', 'menu.item_availability_changed', 'menu.option_availability_changed']) {
      es.addEventListener(type, () => { loadMenu().then(() => { renderMenu(); renderCartBar(); }).catch(() => {}); });
    }
    for (const type of ['table.session_closed', 'table.visit_left']) es.addEventListener(type, () => {
      closeStream();
      state.joinError = { code: 'VISIT_ENDED' };
      setToken(null);
      render();
    });
    es.onerror = () => {
      // Closed by the server (visit ended, token refused): find out why once.
      if (es.readyState === EventSource.CLOSED) {
        state.stream = null;
        request('GET', '/session').then(() => setTimeout(openStream, 2000)).catch(handleAuthError);
      }
    };
  }
  function closeStream() { if (state.stream) { state.stream.close(); state.stream = null; } }

  // --- Store offline (central cannot reach the store) ---------------------------------------

  function showOffline(details) {
    state.offline = true;
    const box = $('offline');
    const lan = typeof details.lan_url === 'string' && /^https?:\/\//.test(details.lan_url) ? details.lan_url.replace(/\/+$/, '') : null;
    const ssid = typeof details.wifi_ssid === 'string' ? details.wifi_ssid : '';
    const href = lan ? `${lan}/t/${encodeURIComponent(tableCode)}` : null;
    box.replaceChildren(el('div', { class: 'offline-card' },
      el('h1', null, t('offlineTitle')),
      el('p', null, ssid ? fmt(t('offlineWifi'), { ssid }) : t('offlineNoWifi')),
      href ? el('a', { class: 'lan', id: 'lan-link', href }, href) : null,
      el('button', { type: 'button', onclick: () => location.reload() }, t('offlineRetry')),
      el('div', { class: 'langs' }, LANGS.map((l) => el('button', { type: 'button', class: l === lang ? 'on' : '', onclick: () => { setLang(l); showOffline(details); } }, T[l] === T.ko ? '한국어' : l === 'en' ? 'English' : l === 'zh' ? '中文' : '日本語')))));
    box.hidden = false;
  }

  // --- Start ------------------------------------------------------------------------------

  function render() {
    renderHeader();
    renderNotice();
    renderMenu();
    renderCartBar();
    if (state.view === 'cart') openCart();
    else if (state.view === 'orders') openOrders();
  }

  function setLang(l) {
    lang = l;
    try { localStorage.setItem('guest:lang', l); } catch (e) { /* private mode */ }
    render();
  }

  async function start() {
    $('lang').addEventListener('change', (ev) => setLang(ev.target.value));
    $('cartbar').addEventListener('click', openCart);
    $('btn-orders').addEventListener('click', () => { openOrders(); refreshOrders(); });
    $('btn-call').addEventListener('click', openCall);
    $('btn-bill').addEventListener('click', openBill);
    $('sheet').addEventListener('click', (ev) => { if (ev.target === $('sheet')) closeSheet(); });
    renderHeader();
    // The menu (preloaded by index.html) and the join go out together; the menu is drawn as
    // soon as it is here, the table's state when the join answers.
    const joined = join();
    const menuError = await loadMenu().then(() => null, (e) => e);
    $('loading')?.remove();
    if (state.offline) return;
    if (!menuError) {
      render();
      // What bench/guestfirstscreen.cpp measures: the menu is on screen.
      if (performance.mark) performance.mark('guest-first-screen');
    }
    await joined;
    if (state.offline) return;
    if (menuError) state.joinError = state.joinError || menuError;
    render();
    if (canOrder()) {
      openStream();
      if (state.pending) { openCart(); placeOrder(); }
    }
  }

  window.tableorderGuest = { state }; // for the tests: what the app holds
  start();
})();
