#include "edgeapp.h"

#include "crypto.h"
#include "database.h"
#include "demo.h"
#include "health/healthmonitor.h"
#include "http/httpserver.h"
#include "http/logingate.h"
#include "http/loginthrottle.h"
#include "http/ratelimiter.h"
#include "http/tlsidentity.h"
#include "http/routes.h"
#include "metrics.h"
#include "passwordverifier.h"
#include "realtime/ackmonitor.h"
#include "realtime/eventhub.h"
#include "services/authservice.h"
#include "services/backupservice.h"
#include "services/callservice.h"
#include "services/printerservice.h"
#include "storage/printerrepository.h"
#include "services/businessdayservice.h"
#include "services/visitservice.h"
#include "storage/billrepository.h"
#include "walflusher.h"
#include "walcheckpointer.h"
#include "services/eventlog.h"
#include "services/menuservice.h"
#include "services/orderservice.h"
#include "services/staffservice.h"
#include "services/pairingservice.h"
#include "services/guestservice.h"
#include "storage/guestrepository.h"
#include "services/tableservice.h"
#include "storage/callrepository.h"
#include "storage/eventrepository.h"
#include "storage/healthrepository.h"
#include "storage/syncstaterepository.h"
#include "sync/relayclient.h"
#include "sync/syncclient.h"
#include "storage/menurepository.h"
#include "storage/orderrepository.h"
#include "storage/staffrepository.h"
#include "storage/storerepository.h"
#include "storage/tablerepository.h"
#include "storage/tokenrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimer>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEdge, "tableorder.edge")

namespace tableorder::edge {

struct EdgeApp::Repositories
{
    explicit Repositories(const QSqlDatabase &db)
        : store(db), menu(db), tables(db), staff(db), orders(db), events(db), sync(db), health(db), tokens(db),
          calls(db), bills(db), printers(db), guests(db)
    {
    }
    StoreRepository store;
    MenuRepository menu;
    TableRepository tables;
    StaffRepository staff;
    OrderRepository orders;
    EventRepository events;
    SyncStateRepository sync;
    HealthRepository health;
    TokenRepository tokens;
    CallRepository calls;
    BillRepository bills;
    PrinterRepository printers;
    GuestRepository guests;
};

EdgeApp::EdgeApp(EdgeConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_connectionName(u"edge-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_metrics(std::make_unique<Metrics>())
{
}

EdgeApp::~EdgeApp()
{
    // First: a password check finishing later would call into the services below.
    m_passwords.reset();
    m_relay.reset();
    m_server.reset();
    m_health.reset();
    m_sync.reset();
    m_backups.reset();
    m_ackMonitor.reset();
    m_hub.reset();
    m_routeContext.reset();
    m_guests.reset();
    m_printers.reset();
    m_calls.reset();
    m_days.reset();
    m_visits.reset();
    m_staff.reset();
    m_tables.reset();
    // Before the orders: a flush that returns after this runs no callback into them.
    m_flusher.reset();
    m_checkpointer.reset();
    m_orders.reset();
    m_menu.reset();
    m_auth.reset();
    m_events.reset();
    m_repos.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreRepository &EdgeApp::store()
{
    return m_repos->store;
}

Status EdgeApp::open()
{
    if (!QDir().mkpath(m_config.dataDir) || !QDir().mkpath(m_config.imageDir()))
        return fail(ErrorCode::Internal, u"cannot create data directory %1"_s.arg(m_config.dataDir));
    QFile::setPermissions(m_config.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                   | QFileDevice::ExeOwner);
    auto db = db::openSqlite(m_connectionName, m_config.databasePath());
    if (!db)
        return fail(db.error());
    m_db = *db;
    if (auto ok = db::migrate(m_db, u":/migrations/edge"_s); !ok)
        return ok;
    auto secret = crypto::loadOrCreateSecret(m_config.secretPath());
    if (!secret)
        return fail(secret.error());

    m_repos = std::make_unique<Repositories>(m_db);
    if (auto hashed = m_repos->events.initializeJournal(); !hashed)
        return fail(hashed.error());
    else if (*hashed > 0)
        qCInfo(lcEdge) << "journal: hashed" << *hashed << "existing events (first start after the upgrade)";
    auto settings = m_repos->store.settings();
    if (!settings)
        return fail(settings.error());
    QTimeZone zone(settings->timezone.toUtf8());
    if (!zone.isValid()) {
        qCWarning(lcEdge) << "unknown time zone" << settings->timezone << "- using UTC";
        zone = QTimeZone::utc();
    }
    m_auth = std::make_unique<AuthService>(m_repos->tables, m_repos->staff, m_repos->tokens, *secret,
                                           m_config.tableTokenDays, m_config.staffTokenHours);
    if (auto ok = m_auth->refresh(); !ok)
        return ok;
    m_events = std::make_unique<EventLog>(m_repos->events);
    m_menu = std::make_unique<MenuService>(m_db, m_repos->menu, m_repos->store, *m_events,
                                           m_config.limits, m_config.imageDir(), zone);
    m_menu->setMetrics(m_metrics.get());
    // Orders' flushes run on a thread of their own (WAL mode only: the flusher flushes the WAL).
    if (db::isWal(m_db)) {
        m_flusher = std::make_unique<db::WalFlusher>(m_config.databasePath());
        m_metrics->declareHistogram("tableorder_wal_flush_seconds",
                                    "One flush of the WAL on the flusher thread (fdatasync), making the "
                                    "orders and receipts committed before it durable.",
                                    Metrics::latencyBuckets());
        connect(m_flusher.get(), &db::WalFlusher::flushed, this, [this](double seconds, int) {
            m_metrics->observe("tableorder_wal_flush_seconds", {}, seconds);
        });
        // And the WAL is copied into the database file on a thread of its own, not inside the
        // event loop's commits.
        m_checkpointer = std::make_unique<db::WalCheckpointer>(m_db, m_config.databasePath());
        m_metrics->declareHistogram("tableorder_wal_checkpoint_seconds",
                                    "One checkpoint of the WAL into the database file, on the checkpointer "
                                    "thread.",
                                    Metrics::latencyBuckets());
        connect(m_checkpointer.get(), &db::WalCheckpointer::checkpointed, this, [this](double seconds, int, int) {
            m_metrics->observe("tableorder_wal_checkpoint_seconds", {}, seconds);
        }, Qt::QueuedConnection);
    } else {
        qCWarning(lcEdge) << "the database is not in WAL mode: orders are flushed on the event loop";
    }
    m_orders = std::make_unique<OrderService>(m_db, m_repos->orders, m_repos->tables, *m_menu,
                                              *m_events, *m_metrics, m_config.limits, zone,
                                              settings->businessDayCutoffHour, m_flusher.get());
    m_tables = std::make_unique<TableService>(m_db, m_repos->tables, m_repos->tokens, *m_events, m_config.limits);
    m_staff = std::make_unique<StaffService>(m_db, m_repos->staff, m_repos->tokens, *m_events);
    m_visits = std::make_unique<VisitService>(m_db, m_repos->bills, m_repos->tables, m_repos->orders,
                                              m_repos->store, *m_events);
    m_days = std::make_unique<BusinessDayService>(
            m_db, m_repos->bills, *m_visits, *m_events,
            [this](const QDateTime &at) { return m_orders->businessDate(at); });
    // A revoking change made here takes effect before its request is answered.
    connect(m_tables.get(), &TableService::credentialsChanged, this, [this] { refreshRevocations(); });
    connect(m_staff.get(), &StaffService::credentialsChanged, this, [this] { refreshRevocations(); });
    m_backups = std::make_unique<BackupService>(
            m_db, m_config.backupDir(), m_config.backupKeep,
            db::PacedWrites{.bytesPerSecond = qint64(m_config.backupMaxWriteMBps) * 1024 * 1024});
    m_limiter = std::make_unique<http::RateLimiter>();
    m_limiter->setEnabled(m_config.rates.enabled);
    http::LoginThrottle::Settings throttle;
    throttle.account.lockAfterFailures = m_config.rates.loginAccountFailures;
    throttle.client.lockAfterFailures = m_config.rates.loginClientFailures;
    m_loginThrottle = std::make_unique<http::LoginThrottle>(throttle);
    m_loginThrottle->setEnabled(m_config.rates.enabled);
    // One argon2id at a time (19 MiB, ~40 ms) leaves the other core of a two-core box to the
    // event loop; 16 waiting is a queue of well under a second.
    m_passwords = std::make_unique<crypto::PasswordVerifier>(1, 16);
    m_loginGate = std::make_unique<http::LoginGate>(*m_loginThrottle, *m_passwords);
    m_routeContext.reset(new RouteContext{m_config, *m_auth, *m_menu, *m_orders, *m_tables,
                                          *m_limiter, *m_loginGate, *m_metrics, zone,
                                          [this] { return databaseUsable(); }});
    m_pairing = std::make_unique<PairingService>(
            m_repos->tables, PairingService::Settings{.ttlSeconds = m_config.pairingCodeSeconds});
    m_routeContext->pairing = m_pairing.get();
    m_calls = std::make_unique<CallService>(m_db, m_repos->calls, m_repos->tables, *m_events,
                                            m_config.callOverdueSeconds);
    m_routeContext->calls = m_calls.get();
    m_printers = std::make_unique<PrinterService>(m_db, m_repos->printers, *m_orders, *m_events, *m_metrics, zone,
                                                  m_config.printers);
    m_routeContext->printers = m_printers.get();
    m_routeContext->events = m_events.get();
    // The Z report counts the calls made in the business day (a day is at most 24 h from
    // its date's local midnight plus the cutoff, so two days back covers any time zone).
    m_days->setCallCounter([this](const QString &date) -> Result<qint64> {
        const QDate day = QDate::fromString(date, Qt::ISODate);
        auto times = m_repos->calls.createdSince(day.startOfDay(QTimeZone::utc()).addDays(-2));
        if (!times)
            return fail(times.error());
        qint64 count = 0;
        for (const QDateTime &at : std::as_const(*times))
            count += m_orders->businessDate(at) == date;
        return count;
    });
    m_routeContext->visits = m_visits.get();
    m_routeContext->days = m_days.get();
    m_guests = std::make_unique<GuestService>(m_db, m_repos->guests, m_repos->tables, *secret,
                                              m_config.guest.tokenHours);
    m_routeContext->guests = m_guests.get();
    if (auto ok = m_guests->ensureCodes(); !ok)
        return ok;
    return {};
}

void EdgeApp::applyHqStoreSettings(const QJsonObject &settings)
{
    const QString name = settings.value(u"name"_s).toString().trimmed();
    const QString timezone = settings.value(u"timezone"_s).toString();
    const int cutoff = settings.value(u"business_day_cutoff_hour"_s).toInt(-1);
    QTimeZone zone(timezone.toUtf8());
    // Central validated them; a store keeps its settings rather than take broken ones.
    if (name.isEmpty() || !zone.isValid() || cutoff < 0 || cutoff > 23) {
        qCWarning(lcEdge) << "ignoring invalid store settings from HQ";
        return;
    }
    auto current = m_repos->store.settings();
    if (current && current->name == name && current->timezone == timezone && current->businessDayCutoffHour == cutoff)
        return;
    if (auto ok = m_repos->store.setHqSettings(name, timezone, cutoff); !ok) {
        qCWarning(lcEdge).noquote() << "cannot store HQ's store settings:" << ok.error().message;
        return;
    }
    m_orders->setBusinessDay(zone, cutoff);
    m_menu->setTimeZone(zone);
    m_printers->setTimeZone(zone);
    m_routeContext->zone = zone;
    qCInfo(lcEdge).noquote() << "store settings from HQ applied: time zone" << timezone << "business day from"
                             << cutoff << "h";
}

Result<http::TlsIdentity> EdgeApp::tlsIdentity()
{
    http::CertificateSubject subject;
    const QString host = QHostInfo::localHostName();
    auto settings = m_repos->store.settings();
    subject.commonName = settings && !settings->name.trimmed().isEmpty() ? settings->name.trimmed() : host;
    subject.dnsNames = {host, host + u".local"_s, u"localhost"_s};
    // Every address of this machine when it listens on all of them; pinning makes the
    // names informative rather than trusted, but browsers and curl show them.
    if (m_config.address == QHostAddress::Any || m_config.address == QHostAddress::AnyIPv4
        || m_config.address == QHostAddress::AnyIPv6)
        subject.addresses = QNetworkInterface::allAddresses();
    else
        subject.addresses = {m_config.address, QHostAddress(QHostAddress::LocalHost)};
    auto identity = http::loadOrCreateTlsIdentity(m_config.tlsCertificatePath(), m_config.tlsKeyPath(), subject);
    if (identity && identity->generated)
        qCInfo(lcEdge).noquote() << "generated the store's TLS certificate" << m_config.tlsCertificatePath()
                                 << "and key" << m_config.tlsKeyPath();
    return identity;
}

QStringList EdgeApp::lanUrls() const
{
    QList<QHostAddress> addresses;
    if (m_config.address == QHostAddress::Any || m_config.address == QHostAddress::AnyIPv4
        || m_config.address == QHostAddress::AnyIPv6)
        addresses = QNetworkInterface::allAddresses();
    else
        addresses = {m_config.address};
    const QString scheme = m_config.tls ? u"https"_s : u"http"_s;
    QStringList ipv4;
    QStringList ipv6;
    for (const QHostAddress &address : std::as_const(addresses)) {
        // Loopback reaches nothing from a tablet; link-local IPv6 needs a scope id it cannot use.
        if (address.isLoopback() || address.isLinkLocal() || address.isMulticast())
            continue;
        if (m_config.address == QHostAddress::AnyIPv4 && address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            ipv4.append(u"%1://%2:%3"_s.arg(scheme, address.toString()).arg(m_port));
        else
            ipv6.append(u"%1://[%2]:%3"_s.arg(scheme, address.toString()).arg(m_port));
    }
    // Tablets on a store's Wi-Fi use IPv4 first.
    return ipv4 + ipv6;
}

bool EdgeApp::databaseUsable()
{
    QSqlQuery query(m_db);
    return m_db.isOpen() && query.exec(u"SELECT menu_version FROM store WHERE id = 1"_s) && query.next();
}

Status EdgeApp::start()
{
    // One daemon per store: a second one (or a restore) on the same data would corrupt it.
    QDir().mkpath(m_config.dataDir);
    m_lock = std::make_unique<QLockFile>(m_config.lockPath());
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        return fail(ErrorCode::Unavailable,
                    u"another tableorder-edge is running on %1 (lock %2)"_s.arg(m_config.dataDir, m_config.lockPath()));
    if (auto ok = open(); !ok)
        return ok;
    m_backups->schedule(m_config.backupIntervalMinutes);
    if (m_config.demo) {
        if (auto ok = seedDemo(*this); !ok)
            return ok;
        if (auto ok = m_guests->ensureCodes(); !ok)
            return ok;
    }
    if (!m_config.centralUrl.isEmpty()) {
        m_menu->setManagedCentrally(true);
        SyncSettings sync;
        sync.centralUrl = QUrl(m_config.centralUrl);
        sync.storeKey = m_config.storeKey;
        sync.heartbeatMs = m_config.syncHeartbeatMs;
        sync.maxBackoffMs = m_config.syncMaxBackoffMs;
        sync.reconnectMs = m_config.syncReconnectMs;
        sync.edgeVersion = QCoreApplication::applicationVersion();
        m_sync = std::make_unique<SyncClient>(
                sync, *m_events, m_repos->sync, *m_menu,
                [this] {
                    const QDateTime now = QDateTime::currentDateTimeUtc();
                    return QStringList{m_orders->businessDate(now.addDays(-1)), m_orders->businessDate(now)};
                },
                *m_metrics);
        m_sync->setStoreSettingsHandler([this](const QJsonObject &settings) { applyHqStoreSettings(settings); });
    }
    // Resuming screens need recent events; central needs every event it has not acknowledged.
    if (auto last = m_events->lastSeq(); last) {
        qint64 keep = m_config.eventRetention;
        if (m_sync)
            keep = std::max(keep, *last - m_sync->ackedSeq());
        if (auto ok = m_events->prune(keep); !ok)
            return ok;
    }
    RealtimeSettings realtime{m_config.heartbeatMs, m_config.maxStreamQueueBytes,
                              m_config.maxTableConnections, m_config.maxStaffConnections};
    realtime.maxStreamsPerTable = m_config.maxStreamsPerTable;
    realtime.maxStreamsPerStaff = m_config.maxStreamsPerStaff;
    realtime.maxMessageBytes = m_config.maxWsMessageBytes;
    realtime.messagesPerSecond = m_config.wsMessagesPerSecond;
    realtime.messageBurst = m_config.wsMessageBurst;
    realtime.staffMessagesPerSecond = m_config.staffWsMessagesPerSecond;
    realtime.staffMessageBurst = m_config.staffWsMessageBurst;
    m_hub = std::make_unique<EventHub>(
            *m_events, *m_metrics, realtime,
            [this](const Principal &who) -> Result<QJsonObject> { return streamSnapshot(who); },
            [this](const Principal &who, qint64 orderId, const QStringList &stations) {
                m_orders->acknowledgeLater(who, orderId, [](const auto &) {});
                // The fallback printer waits for a screen of the order's station.
                m_printers->screenAcknowledged(orderId, stations);
            },
            [this](qint64 tableId) { return m_tables->currentVisit(tableId); });
    m_routeContext->hub = m_hub.get();
    m_routeContext->backups = m_backups.get();
    m_auth->setRevocationListener([this](const TokenRevocation::Changes &changes) {
        for (const QString &subject : changes.subjects)
            m_hub->closeStreamsOf(subject);
        for (const QString &tokenId : changes.tokenIds)
            m_hub->closeStreamsOfToken(tokenId);
    });
    // Changes made by the CLI (another process) show as a new auth version: one cheap
    // read a second.
    m_authPoll = new QTimer(this);
    m_authPoll->setInterval(m_config.authPollMs);
    connect(m_authPoll, &QTimer::timeout, this, [this] { refreshRevocations(); });
    m_authPoll->start();
    m_ackMonitor = std::make_unique<AckMonitor>(*m_orders, *m_events, *m_metrics, m_config.ackTimeoutMs);
    m_ackMonitor->loadPending();
    m_calls->start();
    m_printers->start();
    startHealthMonitor();

    m_server = std::make_unique<http::HttpServer>(*m_metrics);
    m_server->setJsonLogs(m_config.jsonLogs);
    m_server->setCorsPolicy(m_config.cors);
    // The authorizer reads a token from ?access_token= for clients that cannot set headers.
    m_server->setCommonQuery({u"access_token"_s});
    m_server->setAuthorizer(makeAuthorizer(*m_routeContext));
    // Known only to this process: the relay client's replayed requests carry it, so their
    // phone identity cannot be claimed by anyone else.
    const QByteArray relaySecret = m_sync && m_config.relay ? crypto::randomBytes(32).toHex() : QByteArray();
    m_server->setRelaySecret(relaySecret);
    registerAuthRoutes(*m_server, *m_routeContext);
    registerMenuRoutes(*m_server, *m_routeContext);
    registerOrderRoutes(*m_server, *m_routeContext);
    registerTableRoutes(*m_server, *m_routeContext);
    registerSystemRoutes(*m_server, *m_routeContext);
    registerPairingRoutes(*m_server, *m_routeContext);
    registerBackupRoutes(*m_server, *m_routeContext);
    registerBillRoutes(*m_server, *m_routeContext);
    registerRealtimeRoutes(*m_server, *m_routeContext);
    registerCallRoutes(*m_server, *m_routeContext);
    registerAuditRoutes(*m_server, *m_routeContext);
    registerPrinterRoutes(*m_server, *m_routeContext);
    registerGuestRoutes(*m_server, *m_routeContext);

    http::GuardLimits limits;
    limits.requestTimeoutMs = m_config.requestTimeoutMs;
    limits.idleTimeoutMs = m_config.idleTimeoutMs;
    limits.maxConnections = m_config.maxConnections;
    limits.streamStallMs = m_config.streamStallMs;
    limits.webSocketPaths = {"/api/v1/ws"};
    limits.upgradeCheck = [this](QByteArrayView target, const QHash<QByteArray, QByteArray> &headers) {
        return webSocketUpgradeCheck(*m_routeContext, target, headers);
    };
    if (m_config.tls) {
        auto identity = tlsIdentity();
        if (!identity)
            return fail(identity.error());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(identity->certificate);
        tls.setPrivateKey(identity->key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        m_server->setTls(tls);
        m_tlsFingerprint = http::certificateFingerprint(identity->certificate);
        m_routeContext->tlsFingerprint = m_tlsFingerprint;
        qCInfo(lcEdge).noquote() << "tls on; certificate SHA-256 fingerprint" << m_tlsFingerprint
                                 << u"(%1)"_s.arg(http::displayFingerprint(m_tlsFingerprint));
    }
    m_port = m_server->listen(m_config.address, m_config.port, limits);
    if (m_port == 0)
        return fail(ErrorCode::Unavailable,
                    u"cannot listen on %1:%2"_s.arg(m_config.address.toString()).arg(m_config.port));
    m_routeContext->edgeUrls = lanUrls();
    {
        const bool any = m_config.address == QHostAddress::Any || m_config.address == QHostAddress::AnyIPv4
                || m_config.address == QHostAddress::AnyIPv6;
        const QHostAddress shown = any ? QHostAddress(QHostAddress::LocalHost) : m_config.address;
        const QString host = shown.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + shown.toString() + u']'
                                                                                : shown.toString();
        m_routeContext->listenUrl = u"%1://%2:%3"_s.arg(m_config.tls ? u"https"_s : u"http"_s, host).arg(m_port);
    }
    if (m_sync)
        m_sync->start();
    if (!relaySecret.isEmpty()) {
        RelaySettings relay;
        relay.centralUrl = QUrl(m_config.centralUrl);
        relay.storeKey = m_config.storeKey;
        relay.localAddress = m_config.address;
        relay.localPort = m_port;
        relay.localTls = m_config.tls;
        relay.relaySecret = relaySecret;
        relay.lanUrl = guestLanUrl();
        relay.wifiSsid = guestWifiSsid();
        relay.edgeVersion = QCoreApplication::applicationVersion();
        relay.heartbeatMs = m_config.relayHeartbeatMs;
        relay.maxBackoffMs = m_config.syncMaxBackoffMs;
        relay.maxStreams = m_config.relayMaxStreams;
        m_relay = std::make_unique<RelayClient>(relay, *m_metrics);
        m_relay->start();
    }
    qCInfo(lcEdge).noquote() << "listening on" << m_config.address.toString() + u':' + QString::number(m_port)
                             << (m_config.tls ? "(https, wss)" : "(http, ws)");
    return {};
}

QString EdgeApp::guestLanUrl() const
{
    // guest/lan-url, else the first address a phone on the store's Wi-Fi can use; on loopback
    // (tests, a demo on one machine) the loopback address, the only one there is.
    if (const QString url = edge::guestLanUrl(*m_routeContext); !url.isEmpty())
        return url;
    const QString host = m_config.address.protocol() == QAbstractSocket::IPv6Protocol
            ? u"[%1]"_s.arg(m_config.address.toString()) : m_config.address.toString();
    return u"%1://%2:%3"_s.arg(m_config.tls ? u"https"_s : u"http"_s, host).arg(m_port);
}

QString EdgeApp::guestWifiSsid() const
{
    return m_config.guest.wifiSsid;
}

void EdgeApp::refreshRevocations()
{
    if (auto ok = m_auth->refresh(); !ok)
        qCWarning(lcEdge) << "cannot reload token revocations:" << ok.error().message;
}

void EdgeApp::startHealthMonitor()
{
    HealthSettings health = m_config.health;
    health.dataDir = m_config.dataDir;
    health.databasePath = m_config.databasePath();
    health.edgeVersion = QCoreApplication::applicationVersion();
    m_health = std::make_unique<HealthMonitor>(health, m_repos->health, m_repos->sync, *m_metrics, [this] {
        LiveFigures live;
        std::tie(live.unacknowledgedOrders, live.oldestUnacknowledgedMs) = m_ackMonitor->overdue();
        std::tie(live.overdueCalls, live.oldestOverdueCallMs) = m_calls->overdue();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Printer &p : m_printers->faults())
            live.printerFaults.append({p.id, p.name, p.status, p.statusAt.isValid() ? p.statusAt.secsTo(now) : 0});
        live.tablets = m_hub->connectionCount(false);
        live.kitchenScreens = m_hub->connectionCount(true);
        if (m_sync) {
            const SyncStatus s = m_sync->status();
            live.syncBacklog = s.lastSeq - s.ackedSeq;
            live.syncLagMs = s.lagMs;
        }
        return live;
    });
    // An order nobody acknowledged is an incident: HQ hears of it now, not at the minute.
    connect(m_ackMonitor.get(), &AckMonitor::overdueOrder, m_health.get(), &HealthMonitor::snapshotSoon);
    connect(m_calls.get(), &CallService::callsOverdue, m_health.get(), &HealthMonitor::snapshotSoon);
    // A printer that stops (paper out) is an incident like an unacknowledged order.
    connect(m_printers.get(), &PrinterService::statusChanged, m_health.get(), &HealthMonitor::snapshotSoon);
    if (m_sync) {
        m_sync->setHealthQueue(&m_repos->health, [this] { return m_health->dropped(); });
        connect(m_health.get(), &HealthMonitor::snapshotQueued, m_sync.get(), &SyncClient::nudge);
    }
    m_health->start(m_sync != nullptr);
}

Result<QJsonObject> EdgeApp::streamSnapshot(const Principal &who)
{
    // Staff: the kitchen's working set; a table: its visit so far.
    OrderFilter filter;
    if (who.isStaff())
        filter.statuses = {OrderStatus::Pending, OrderStatus::Preparing};
    filter.limit = 5000;
    auto orders = m_orders->list(who, filter);
    if (!orders)
        return fail(orders.error());
    auto menu = m_menu->snapshot();
    if (!menu)
        return fail(menu.error());
    QJsonArray array;
    for (const Order &order : *orders)
        array.append(toJson(order));
    // Open and acknowledged calls: the staff's all, a table's its visit's.
    auto calls = m_calls->list(who, u"active"_s, 1000);
    if (!calls)
        return fail(calls.error());
    QJsonArray callArray;
    for (const StaffCall &call : *calls)
        callArray.append(toJson(call));
    return QJsonObject{{u"orders"_s, array}, {u"calls"_s, callArray}, {u"menu_version"_s, (*menu)->version}};
}

void EdgeApp::shutdown(std::function<void()> done)
{
    qCInfo(lcEdge) << "shutting down: no new connections, finishing in-flight work";
    m_relay.reset();
    if (m_server)
        m_server->stopListening();
    if (m_authPoll)
        m_authPoll->stop();
    QElapsedTimer elapsed;
    elapsed.start();
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, poll, elapsed, done = std::move(done)] {
        const bool busy = (m_server && m_server->pendingReplies() > 0)
                || (m_menu && m_menu->pendingImageJobs() > 0);
        if (busy && elapsed.elapsed() < m_config.shutdownGraceMs)
            return;
        poll->stop();
        poll->deleteLater();
        QThreadPool::globalInstance()->waitForDone(1000);
        m_server.reset();
        // The last checkpoint is the closing one, on this connection: it empties the WAL.
        m_checkpointer.reset();
        if (m_db.isOpen()) {
            QSqlQuery(m_db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
            m_db.close();
        }
        qCInfo(lcEdge) << "database closed";
        done();
    });
    poll->start();
}

} // namespace tableorder::edge
