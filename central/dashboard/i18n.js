// Korean and English strings; Korean is the default.
const I18N = {
  ko: {
    'nav.overview': '개요', 'nav.reports': '리포트', 'nav.menus': '메뉴', 'nav.live': '실시간 주문', 'nav.logout': '로그아웃',
    'login.title': '본사 로그인', 'login.username': '아이디', 'login.password': '비밀번호', 'login.submit': '로그인',
    'login.failed': '아이디 또는 비밀번호가 틀렸습니다',
    'overview.title': '오늘 현황', 'overview.sales': '오늘 매출', 'overview.orders': '오늘 주문', 'overview.prep': '평균 조리 시간',
    'overview.vsLastWeek': '지난주 같은 요일 대비', 'overview.stores': '매장',
    'store.status': '상태', 'store.name': '매장', 'store.sales': '매출', 'store.orders': '주문', 'store.lag': '동기화 지연',
    'store.backlog': '미전송', 'store.lastSync': '마지막 동기화', 'store.version': '버전', 'store.recon': '정산',
    'status.online': '온라인', 'status.offline': '오프라인', 'status.lagging': '지연', 'recon.ok': '일치', 'recon.bad': '불일치',
    'store.hourly': '시간대별 매출 (오늘)', 'store.top': '인기 메뉴 (7일)', 'store.prepTrend': '조리 시간 추이 (14일)',
    'reports.title': '매출 리포트', 'reports.from': '시작', 'reports.to': '끝', 'reports.group': '기준', 'reports.run': '조회',
    'reports.csv': 'CSV 내보내기', 'reports.key': '항목', 'reports.total': '매출', 'reports.orders': '주문 수',
    'reports.prep': '평균 조리(초)', 'reports.quantity': '수량', 'group.store': '매장', 'group.day': '일', 'group.hour': '시간', 'group.item': '메뉴',
    'menus.title': '메뉴 관리', 'menus.store': '매장', 'menus.publishAt': '예약 게시 (비우면 즉시)', 'menus.save': '저장 후 게시',
    'menus.versions': '게시 버전', 'menus.rollback': '이 버전으로 되돌리기', 'menus.bulk': '여러 매장에 한 번에',
    'menus.category': '분류', 'menus.name': '메뉴명', 'menus.price': '가격', 'menus.apply': '선택 매장에 적용',
    'menus.published': '게시됨', 'menus.scheduled': '예약됨', 'menus.saved': '저장했습니다',
    'menus.description': '설명', 'menus.addItem': '메뉴 추가', 'menus.addCategory': '분류 추가', 'menus.delete': '삭제',
    'menus.deleteCategory': '분류 삭제', 'menus.staged': '저장했습니다 (게시 전)', 'menus.failed': '실패',
    'live.title': '실시간 주문 (전 매장)', 'live.waiting': '새 주문을 기다리는 중…',
    'common.all': '전체', 'common.none': '없음', 'common.minutes': '분', 'common.seconds': '초', 'common.loading': '불러오는 중…',
  },
  en: {
    'nav.overview': 'Overview', 'nav.reports': 'Reports', 'nav.menus': 'Menus', 'nav.live': 'Live orders', 'nav.logout': 'Log out',
    'login.title': 'HQ sign in', 'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password',
    'overview.title': 'Today', 'overview.sales': "Today's sales", 'overview.orders': "Today's orders", 'overview.prep': 'Avg prep time',
    'overview.vsLastWeek': 'vs same weekday last week', 'overview.stores': 'Stores',
    'store.status': 'Status', 'store.name': 'Store', 'store.sales': 'Sales', 'store.orders': 'Orders', 'store.lag': 'Sync lag',
    'store.backlog': 'Backlog', 'store.lastSync': 'Last sync', 'store.version': 'Version', 'store.recon': 'Reconciliation',
    'status.online': 'online', 'status.offline': 'offline', 'status.lagging': 'lagging', 'recon.ok': 'matches', 'recon.bad': 'differs',
    'store.hourly': 'Sales by hour (today)', 'store.top': 'Top items (7 days)', 'store.prepTrend': 'Prep time trend (14 days)',
    'reports.title': 'Sales report', 'reports.from': 'From', 'reports.to': 'To', 'reports.group': 'Group by', 'reports.run': 'Run',
    'reports.csv': 'Export CSV', 'reports.key': 'Key', 'reports.total': 'Sales', 'reports.orders': 'Orders',
    'reports.prep': 'Avg prep (s)', 'reports.quantity': 'Quantity', 'group.store': 'Store', 'group.day': 'Day', 'group.hour': 'Hour', 'group.item': 'Item',
    'menus.title': 'Menus', 'menus.store': 'Store', 'menus.publishAt': 'Publish at (empty: now)', 'menus.save': 'Save and publish',
    'menus.versions': 'Published versions', 'menus.rollback': 'Roll back to this', 'menus.bulk': 'Many stores at once',
    'menus.category': 'Category', 'menus.name': 'Item', 'menus.price': 'Price', 'menus.apply': 'Apply to selected stores',
    'menus.published': 'published', 'menus.scheduled': 'scheduled', 'menus.saved': 'Saved',
    'menus.description': 'Description', 'menus.addItem': 'Add item', 'menus.addCategory': 'Add category', 'menus.delete': 'Delete',
    'menus.deleteCategory': 'Delete category', 'menus.staged': 'Saved (not yet published)', 'menus.failed': 'Failed',
    'live.title': 'Live orders (all stores)', 'live.waiting': 'Waiting for new orders…',
    'common.all': 'All', 'common.none': 'none', 'common.minutes': 'min', 'common.seconds': 's', 'common.loading': 'Loading…',
  },
};
let LANG = localStorage.getItem('tableorder.lang') || 'ko';
function t(key) { return (I18N[LANG] && I18N[LANG][key]) || I18N.ko[key] || key; }
function applyI18n(root) {
  document.documentElement.lang = LANG;
  (root || document).querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  const lang = document.getElementById('lang');
  if (lang) lang.textContent = LANG === 'ko' ? 'English' : '한국어';
}
