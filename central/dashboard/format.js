// How the dashboard writes dates, times, money and order statuses: in the reader's language
// (Korean dates on the Korean page, whatever the browser's own locale), business dates as
// dates, statuses as words with one colour each. Uses i18n.js (t, LANG, I18N).
'use strict';

const Fmt = (() => {
  Object.assign(I18N.ko, {
    'order.status.pending': '접수 대기', 'order.status.preparing': '조리 중', 'order.status.completed': '완료',
    'order.status.canceled': '취소', 'common.noData': '데이터 없음', 'live.table': '테이블',
    'reports.prep': '평균 조리 시간', // shown as "12분" now, no longer in seconds
    'action.order.acknowledged': '주방 화면 수신', 'action.order.lines_done': '메뉴 완료',
  });
  Object.assign(I18N.en, {
    'order.status.pending': 'pending', 'order.status.preparing': 'preparing', 'order.status.completed': 'completed',
    'order.status.canceled': 'canceled', 'common.noData': 'no data', 'live.table': 'table',
    'reports.prep': 'Avg prep time',
    'action.order.acknowledged': 'Kitchen screen received', 'action.order.lines_done': 'Dishes done',
  });
  // CSV column names (toCsv's labels), by the keys of the rows exported.
  Object.assign(I18N.ko, {
    'csv.key': '항목', 'csv.orders': '주문 수', 'csv.total': '매출', 'csv.quantity': '수량', 'csv.avg_prep_seconds': '평균 조리(초)',
    'csv.sales': '옵션 매출', 'csv.store': '매장', 'csv.store_id': '매장 번호', 'csv.business_date': '영업일', 'csv.canceled_orders': '취소 주문',
    'csv.gross': '총매출', 'csv.voids': '취소·무효', 'csv.discounts': '할인', 'csv.net': '순매출', 'csv.paid': '결제 합계',
    'csv.paid_card': '카드', 'csv.paid_cash': '현금', 'csv.paid_transfer': '계좌이체', 'csv.paid_other': '기타', 'csv.closed': '마감',
    'csv.at': '시각', 'csv.staff': '직원', 'csv.staff_id': '직원 번호', 'csv.action': '작업', 'csv.detail': '내용', 'csv.seq': '기록 번호',
    'csv.dish': '메뉴', 'csv.station': '스테이션', 'csv.count': '건수', 'csv.p50_s': 'p50(초)', 'csv.p90_s': 'p90(초)',
  });
  Object.assign(I18N.en, {
    'csv.key': 'Key', 'csv.orders': 'Orders', 'csv.total': 'Sales', 'csv.quantity': 'Quantity', 'csv.avg_prep_seconds': 'Avg prep (s)',
    'csv.sales': 'Option sales', 'csv.store': 'Store', 'csv.store_id': 'Store id', 'csv.business_date': 'Business day', 'csv.canceled_orders': 'Canceled orders',
    'csv.gross': 'Gross', 'csv.voids': 'Voids', 'csv.discounts': 'Discounts', 'csv.net': 'Net', 'csv.paid': 'Paid',
    'csv.paid_card': 'Card', 'csv.paid_cash': 'Cash', 'csv.paid_transfer': 'Transfer', 'csv.paid_other': 'Other', 'csv.closed': 'Closed',
    'csv.at': 'Time', 'csv.staff': 'Staff', 'csv.staff_id': 'Staff id', 'csv.action': 'Action', 'csv.detail': 'Details', 'csv.seq': 'Seq',
    'csv.dish': 'Dish', 'csv.station': 'Station', 'csv.count': 'Count', 'csv.p50_s': 'p50 (s)', 'csv.p90_s': 'p90 (s)',
  });
  const csvLabel = key => ((I18N[LANG] || {})['csv.' + key] || I18N.ko['csv.' + key] ? t('csv.' + key) : key);
  const locale = () => (LANG === 'en' ? 'en-US' : 'ko-KR');
  const valid = d => d instanceof Date && !Number.isNaN(d.getTime());
  // An instant ("2026-12-07T08:12:00Z" or ms) as "2026. 12. 7. 오후 5:12" / "Dec 7, 2026, 5:12 PM",
  // in timeZone when given (a store's), else the reader's own.
  function dateTime(at, timeZone) {
    const d = new Date(at);
    if (at === null || at === undefined || at === '' || !valid(d)) return '—';
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone || undefined }).format(d);
  }
  function time(at, timeZone) {
    const d = new Date(at);
    if (!valid(d)) return '—';
    return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium', timeZone: timeZone || undefined }).format(d);
  }
  // A business date "2026-12-07" as "2026. 12. 7. (월)" / "Mon, Dec 7, 2026": a calendar day, no zone.
  function date(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ''));
    if (!m) return text ? String(text) : '—';
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(d);
  }
  // An instant for a CSV cell: "2026-12-07 17:12:00" in the reader's zone, which Excel reads
  // as a date and time (an ISO string with T and Z stays text there).
  function csvTime(at) {
    const d = new Date(at);
    return valid(d) ? new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium' }).format(d) : '';
  }
  const won = v => (v === null || v === undefined || Number.isNaN(Number(v)) ? '—' : '₩' + Math.round(Number(v)).toLocaleString('ko-KR'));
  // One colour per status everywhere: waiting amber, cooking blue, done green, canceled red.
  const STATUS_CLASS = { pending: 'warn', preparing: 'info', completed: 'ok', canceled: 'bad' };
  function statusText(status) {
    const key = 'order.status.' + status;
    return (I18N[LANG] || {})[key] || I18N.ko[key] ? t(key) : String(status ?? '');
  }
  // A badge's HTML; the text is escaped by the caller's esc (app.js) — here built from known words.
  function statusBadge(status, escape) {
    return `<span class="badge ${STATUS_CLASS[status] || 'muted'} status-${escape(status)}" data-status="${escape(status)}">${escape(statusText(status))}</span>`;
  }
  return { dateTime, time, date, csvTime, won, statusText, statusBadge, locale, csvLabel };
})();
