#include "centralapp.h"

#include "crypto.h"
#include "database.h"
#include "demomenu.h"
#include "http/httpserver.h"
#include "http/logingate.h"
#include "http/loginthrottle.h"
#include "http/ratelimiter.h"
#include "http/routes.h"
#include "metrics.h"
#include "passwordverifier.h"
#include "services/alertservice.h"
#include "services/fleetservice.h"
#include "services/hqaccountservice.h"
#include "services/hqauthservice.h"
#include "services/imagelibrary.h"
#include "services/livefeed.h"
#include "storage/hqtokenrepository.h"
#include "services/menupublisher.h"
#include "services/reportservice.h"
#include "services/storeservice.h"
#include "services/sloservice.h"
#include "services/storesettingsservice.h"
#include "services/streamtickets.h"
#include "services/syncservice.h"
#include "services/relayhub.h"
#include "storage/alertrepository.h"
#include "storage/relayrepository.h"
#include "storage/centralmenurepository.h"
#include "storage/fleetrepository.h"
#include "storage/hqaccountrepository.h"
#include "storage/imagerepository.h"
#include "storage/ingestrepository.h"
#include "storage/reportrepository.h"
#include "storage/streamticketrepository.h"
#include "storage/tenantrepository.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCentral, "tableorder.central")

namespace tableorder::central {

CentralApp::CentralApp(CentralConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_connection(u"central-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_metrics(std::make_unique<Metrics>())
{
}

CentralApp::~CentralApp()
{
    // First: a password check finishing later would call into the services below.
    m_passwords.reset();
    m_server.reset();
    m_relay.reset();
    m_context.reset();
    m_slo.reset();
    m_storeSettings.reset();
    m_accounts.reset();
    m_accountRepo.reset();
    m_relayRepo.reset();
    m_alerts.reset();
    m_tickets.reset();
    m_ticketRepo.reset();
    m_fleet.reset();
    m_alertRepo.reset();
    m_fleetRepo.reset();
    m_feed.reset();
    m_reports.reset();
    m_publisher.reset();
    m_images.reset();
    m_imageRepo.reset();
    m_sync.reset();
    m_stores.reset();
    m_auth.reset();
    m_tokens.reset();
    m_reportRepo.reset();
    m_menus.reset();
    m_ingest.reset();
    m_tenants.reset();
    for (QSqlDatabase *db : {&m_db, &m_listenDb}) {
        if (db->isOpen())
            db->close();
        *db = QSqlDatabase();
    }
    QSqlDatabase::removeDatabase(m_connection);
    QSqlDatabase::removeDatabase(m_connection + u"-listen"_s);
}

Status migrateCentralDatabase(QSqlDatabase &db)
{
    const bool pg = db::dialectOf(db) == db::Dialect::PostgreSQL;
    // Instances (and admin commands) starting together must not migrate at once.
    if (pg)
        QSqlQuery(db).exec(u"SELECT pg_advisory_lock(7261)"_s);
    auto migrated = db::migrate(db, u":/migrations/central"_s);
    if (pg)
        QSqlQuery(db).exec(u"SELECT pg_advisory_unlock(7261)"_s);
    return migrated;
}

namespace {

// Every connection of a PostgreSQL instance: a statement or a lock wait that runs away fails
// with an error (the request answers 503 and the edge retries) instead of holding a
// connection, and with it the event loop, forever. Set after the migrations, whose advisory
// lock may rightly wait for another instance's.
Status applyPostgresTimeouts(QSqlDatabase &db, const CentralConfig &config)
{
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return {};
    for (const auto &[name, ms] : {std::pair{"statement_timeout", config.pgStatementTimeoutMs},
                                   std::pair{"lock_timeout", config.pgLockTimeoutMs}}) {
        QSqlQuery q(db);
        if (!q.exec(u"SET %1 = %2"_s.arg(QLatin1StringView(name)).arg(ms)))
            return fail(ErrorCode::Unavailable, u"cannot set %1: %2"_s.arg(QLatin1StringView(name), q.lastError().text()));
    }
    return {};
}

} // namespace

bool CentralApp::databaseUsable()
{
    QSqlQuery q(m_db);
    return m_db.isOpen() && q.exec(u"SELECT COUNT(*) FROM organizations"_s) && q.next();
}

Status CentralApp::start()
{
    if (m_config.databaseUrl.startsWith(u"sqlite:"_s))
        QDir().mkpath(QFileInfo(m_config.databaseUrl.sliced(7)).absolutePath());
    QDir().mkpath(m_config.stateDir());
    auto db = db::openUrl(m_connection, m_config.databaseUrl);
    if (!db)
        return fail(db.error());
    m_db = *db;
    if (auto migrated = migrateCentralDatabase(m_db); !migrated)
        return migrated;
    if (auto ok = applyPostgresTimeouts(m_db, m_config); !ok)
        return ok;
    auto secret = crypto::loadOrCreateSecret(m_config.secretFile);
    if (!secret)
        return fail(secret.error());
    if (db::dialectOf(m_db) == db::Dialect::PostgreSQL) {
        auto listen = db::openUrl(m_connection + u"-listen"_s, m_config.databaseUrl);
        if (!listen)
            return fail(listen.error());
        m_listenDb = *listen;
        if (auto ok = applyPostgresTimeouts(m_listenDb, m_config); !ok)
            return ok;
    }

    m_tenants = std::make_unique<TenantRepository>(m_db);
    m_ingest = std::make_unique<IngestRepository>(m_db);
    m_menus = std::make_unique<CentralMenuRepository>(m_db);
    m_reportRepo = std::make_unique<ReportRepository>(m_db);
    m_tokens = std::make_unique<HqTokenRepository>(m_db);
    m_auth = std::make_unique<HqAuthService>(*m_tenants, *m_tokens, *secret, m_config.tokenHours);
    if (m_config.demo)
        m_auth->setMinimumPasswordLength(1);
    if (auto ok = m_auth->refresh(); !ok)
        return ok;
    m_stores = std::make_unique<StoreService>(m_db, *m_tenants, m_config.offlineAfterSeconds);
    m_money = std::make_unique<MoneyRepository>(m_db);
    m_sync = std::make_unique<SyncService>(m_db, *m_ingest, *m_money, *m_metrics);
    if (db::dialectOf(m_db) == db::Dialect::PostgreSQL) {
        // Group commits on a connection and a thread of their own (docs/central-api.md,
        // "Group commit across stores").
        auto started = m_sync->startWriterThread([this]() -> Result<QSqlDatabase> {
            auto writer = db::openUrl(m_connection + u"-sync"_s, m_config.databaseUrl);
            if (!writer)
                return fail(writer.error());
            if (auto ok = applyPostgresTimeouts(*writer, m_config); !ok)
                return fail(ok.error());
            return *writer;
        });
        if (!started)
            return started;
    }
    m_publisher = std::make_unique<MenuPublisher>(m_db, *m_menus, *m_stores);
    m_imageRepo = std::make_unique<ImageRepository>(m_db);
    m_images = std::make_unique<ImageLibrary>(*m_imageRepo);
    m_reports = std::make_unique<ReportService>(*m_reportRepo, *m_money, *m_ingest);
    m_feed = std::make_unique<LiveFeed>(m_listenDb);
    m_limiter = std::make_unique<http::RateLimiter>();
    m_limiter->setEnabled(m_config.rateLimits);
    m_loginThrottle = std::make_unique<http::LoginThrottle>();
    m_loginThrottle->setEnabled(m_config.rateLimits);
    // Two argon2id checks at a time (19 MiB each), 16 more waiting; the event loop keeps serving.
    m_passwords = std::make_unique<crypto::PasswordVerifier>(2, 16);
    m_loginGate = std::make_unique<http::LoginGate>(*m_loginThrottle, *m_passwords);
    connect(m_sync.get(), &SyncService::orderApplied, m_feed.get(), &LiveFeed::publish);
    connect(m_sync.get(), &SyncService::batchApplied, m_feed.get(), &LiveFeed::announceBatch);
    m_feed->setOrderReader([this](qint64 storeId, qint64 fromSeq, qint64 toSeq, int limit) {
        return m_ingest->orderEvents(storeId, fromSeq, toSeq, limit).value_or(QList<OrderEvent>());
    });
    m_feed->setPositionReader([this](qint64 orgId, qint64 storeId) {
        return m_ingest->positions(orgId, storeId).value_or(QList<StorePosition>());
    });
    connect(m_publisher.get(), &MenuPublisher::versionPublished, m_feed.get(),
            [this](qint64 storeId) { m_feed->announceMenu(storeId); });
    connect(m_feed.get(), &LiveFeed::menuAnnounced, m_publisher.get(), &MenuPublisher::notifyPublished);
    m_metrics->declareGauge("tableorder_central_feed_subscribers", "Open HQ live-feed streams.",
                            [this] { return double(m_feed->subscriberCount()); });
    m_ticketRepo = std::make_unique<StreamTicketRepository>(m_db);
    m_tickets = std::make_unique<StreamTicketService>(*m_ticketRepo);
    m_fleetRepo = std::make_unique<FleetRepository>(m_db);
    m_alertRepo = std::make_unique<AlertRepository>(m_db);
    m_fleet = std::make_unique<FleetService>(m_db, *m_fleetRepo, *m_alertRepo, *m_stores, *m_metrics,
                                             FleetSettings{m_config.healthMinuteDays, m_config.healthHourDays});
    m_alerts = std::make_unique<AlertService>(m_db, *m_alertRepo, *m_fleetRepo, *m_ingest, *m_stores, *m_feed,
                                              m_config.alertsEvaluateMs);
    m_alerts->setAllowPrivateWebhooks(m_config.allowPrivateWebhooks);
    m_alerts->setReconciliation([this](qint64 orgId) {
        HqPrincipal organization;
        organization.orgId = orgId;
        organization.role = u"hq_admin"_s;
        return m_reports->reconciliation(organization, 0);
    });
    // Retention of health points and delivered notifications: at start, then every 10 minutes.
    auto prune = [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        (void)m_fleet->prune(now);
        (void)m_alerts->pruneNotifications(now);
    };
    // Revocations made by the CLI or another instance show as a new auth version: one
    // cheap read a second; what they revoked loses its live feeds here.
    m_auth->setRevocationListener([this](const TokenRevocation::Changes &changes) {
        for (const QString &subject : changes.subjects)
            m_feed->closeStreamsOf(subject);
        for (const QString &tokenId : changes.tokenIds)
            m_feed->closeStreamsOfToken(tokenId);
    });
    m_accountRepo = std::make_unique<HqAccountRepository>(m_db, *m_tenants);
    m_accounts = std::make_unique<HqAccountService>(m_db, *m_accountRepo, *m_tenants, *m_tokens);
    if (m_config.demo)
        m_accounts->setMinimumPasswordLength(1);
    // A change made here revokes at once: its tokens are refused and its feeds end before
    // the request that made it has been answered.
    m_accounts->setRevokedCallback([this] {
        if (auto ok = m_auth->refresh(); !ok)
            qCWarning(lcCentral) << "cannot reload token revocations:" << ok.error().message;
    });
    m_storeSettings = std::make_unique<StoreSettingsService>(m_db, *m_tenants, *m_stores, *m_publisher, *m_accounts);
    m_slo = std::make_unique<SloService>(*m_fleetRepo, *m_stores);
    auto *authPoll = new QTimer(this);
    connect(authPoll, &QTimer::timeout, this, [this] {
        if (auto ok = m_auth->refresh(); !ok)
            qCWarning(lcCentral) << "cannot reload token revocations:" << ok.error().message;
    });
    authPoll->start(1000);
    auto *retention = new QTimer(this);
    connect(retention, &QTimer::timeout, this, prune);
    retention->start(10 * 60 * 1000);
    QTimer::singleShot(0, this, prune);

    if (m_config.demo) {
        if (auto ok = seedDemo(); !ok)
            return ok;
    }

    m_relayRepo = std::make_unique<RelayRepository>(m_db);
    RelaySettings relay;
    relay.maxStreamsPerStore = m_config.relayMaxStreams;
    relay.timeoutMs = m_config.relayTimeoutMs;
    relay.heartbeatMs = m_config.relayHeartbeatMs;
    // Which instance holds a store's connection, for the operator (several instances on one
    // PostgreSQL database: docs/operations.md).
    relay.instance = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_relay = std::make_unique<RelayHub>(relay, *m_relayRepo, *m_metrics);
    m_context.reset(new CentralContext{m_config, *m_auth, *m_stores, *m_sync, *m_publisher, *m_images, *m_reports,
                                       *m_feed, *m_ingest, *m_limiter, *m_loginGate, *m_metrics, [this] { return databaseUsable(); },
                                       *m_fleet, *m_alerts, *m_tickets, *m_accounts, *m_storeSettings, *m_slo,
                                       *m_relay, *m_relayRepo,
                                       QMessageAuthenticationCode::hash("relay-client-key", *secret, QCryptographicHash::Sha256)});
    m_server = std::make_unique<http::HttpServer>(*m_metrics);
    m_server->setJsonLogs(m_config.jsonLogs);
    m_server->setCorsPolicy(m_config.cors);
    m_server->setTrustedProxies(m_config.trustedProxies);
    m_server->setAuthorizer(makeCentralAuthorizer(*m_context));
    registerHqRoutes(*m_server, *m_context);
    registerCentralMenuRoutes(*m_server, *m_context);
    registerImageRoutes(*m_server, *m_context);
    registerReportRoutes(*m_server, *m_context);
    registerSyncRoutes(*m_server, *m_context);
    registerFleetRoutes(*m_server, *m_context);
    registerUserRoutes(*m_server, *m_context);
    registerStoreSettingsRoutes(*m_server, *m_context);
    registerSloRoutes(*m_server, *m_context);
    registerCentralSystemRoutes(*m_server, *m_context);
    registerDashboardRoutes(*m_server);
    registerGuestRoutes(*m_server, *m_context);
    http::GuardLimits limits;
    limits.webSocketPaths = {"/relay/v1/connect"};
    limits.upgradeCheck = [this](QByteArrayView target, const QHash<QByteArray, QByteArray> &headers) {
        return relayUpgradeCheck(*m_context, target, headers);
    };
    limits.idleTimeoutMs = 120'000;
    limits.maxConnections = m_config.maxConnections;
    limits.streamStallMs = m_config.streamStallMs;
    m_port = m_server->listen(m_config.address, m_config.port, limits);
    if (!m_port)
        return fail(ErrorCode::Unavailable, u"cannot listen on %1:%2"_s.arg(m_config.address.toString()).arg(m_config.port));
    m_alerts->start();
    qCInfo(lcCentral).noquote() << "listening on" << m_config.address.toString() + u':' + QString::number(m_port);
    return {};
}

Status CentralApp::seedDemo()
{
    auto existing = m_tenants->organizationByName(u"demo"_s);
    if (!existing)
        return fail(existing.error());
    const QString keyFile = QDir(m_config.stateDir()).filePath(u"demo-store-key"_s);
    if (existing->has_value()) {
        QFile file(keyFile);
        const QString key = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
        m_demoBanner = u"demo organization exists; store key: %1"_s.arg(key.isEmpty() ? u"(see POST /api/v1/stores/1/key)"_s : key);
        return {};
    }
    db::Transaction tx(m_db);
    auto org = m_tenants->createOrganization(u"demo"_s);
    if (!org)
        return fail(org.error());
    if (auto user = m_auth->addUser(*org, u"hq"_s, u"hq"_s, u"hq_admin"_s, 0); !user)
        return fail(user.error());
    const QString key = newStoreKey();
    auto store = m_tenants->createStore(*org, u"한식당 데모점"_s, u"Asia/Seoul"_s, storeKeyHash(key));
    if (!store)
        return fail(store.error());
    // The edge's demo menu (common/demomenu), in the same order, so that a demo edge linked
    // to this store gets the same ids and keeps its own stock and sold-out switches (which
    // HQ does not publish) on the same dishes.
    QHash<QString, qint64> groups;
    for (const DemoOptionGroup &group : demoOptionGroups()) {
        auto created = m_menus->insertOptionGroup(*store, group.group);
        if (!created)
            return fail(created.error());
        groups.insert(group.key, created->id);
    }
    int categoryOrder = 0;
    for (const DemoCategory &category : demoMenu()) {
        auto categoryId = m_menus->insertCategory(*store, {0, category.name, categoryOrder += 10, QString(),
                                                           category.translations(), {}});
        if (!categoryId)
            return fail(categoryId.error());
        int itemOrder = 0;
        for (const DemoItem &item : category.items) {
            CentralItem row{0, *store, *categoryId, item.name, item.description, item.price, QString(), itemOrder += 10};
            for (const QString &key : item.groups)
                row.optionGroupIds.append(groups.value(key));
            row.allergens = item.allergens;
            row.tags = item.tags;
            row.translations = item.translations();
            row.hours = item.hours;
            if (auto id = m_menus->insertItem(row); !id)
                return fail(id.error());
        }
    }
    if (auto ok = tx.commit(); !ok)
        return ok;
    const HqPrincipal admin{0, *org, u"hq_admin"_s, 0};
    if (auto version = m_publisher->publish(admin, *store, {}, u"demo menu"_s); !version)
        return fail(version.error());
    // The demo keeps its key in a 0600 file so that `demo` scripts can link an edge.
    QFile file(keyFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(key.toUtf8());
    }
    m_demoBanner = u"demo organization created: HQ login hq / hq; store %1 key: %2"_s.arg(*store).arg(key);
    return {};
}

void CentralApp::shutdown(std::function<void()> done)
{
    if (m_relay)
        m_relay->closeAll();
    if (m_server)
        m_server->stopListening();
    QTimer::singleShot(200, this, [this, done = std::move(done)] {
        m_server.reset();
        done();
    });
}

} // namespace tableorder::central
