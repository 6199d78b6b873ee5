#pragma once

#include "centralconfig.h"
#include "error.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace tableorder {
class Metrics;
namespace http {
class HttpServer;
class RateLimiter;
class LoginThrottle;
class LoginGate;
} // namespace http
namespace crypto {
class PasswordVerifier;
}
} // namespace tableorder

namespace tableorder::central {

class TenantRepository;
class IngestRepository;
class MoneyRepository;
class CentralMenuRepository;
class ReportRepository;
class HqAuthService;
class HqTokenRepository;
class StoreService;
class SyncService;
class MenuPublisher;
class ImageRepository;
class ImageLibrary;
class ReportService;
class LiveFeed;
class FleetRepository;
class AlertRepository;
class FleetService;
class AlertService;
class StreamTicketRepository;
class StreamTicketService;
class HqAccountRepository;
class HqAccountService;
class StoreSettingsService;
class SloService;
class RelayRepository;
class RelayHub;
struct CentralContext;

/// Applies the central schema migrations, serialised across instances on PostgreSQL.
[[nodiscard]] Status migrateCentralDatabase(QSqlDatabase &db);

/// The central server's composition root.
class CentralApp : public QObject
{
    Q_OBJECT
public:
    explicit CentralApp(CentralConfig config, QObject *parent = nullptr);
    ~CentralApp() override;

    [[nodiscard]] Status start();
    [[nodiscard]] quint16 port() const { return m_port; }
    void shutdown(std::function<void()> done);
    /// Set by --demo: the demo store's key, for printing.
    [[nodiscard]] QString demoBanner() const { return m_demoBanner; }

private:
    Status seedDemo();
    bool databaseUsable();

    CentralConfig m_config;
    QString m_connection;
    QSqlDatabase m_db;
    QSqlDatabase m_listenDb;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<TenantRepository> m_tenants;
    std::unique_ptr<IngestRepository> m_ingest;
    std::unique_ptr<MoneyRepository> m_money;
    std::unique_ptr<CentralMenuRepository> m_menus;
    std::unique_ptr<ReportRepository> m_reportRepo;
    std::unique_ptr<HqTokenRepository> m_tokens;
    std::unique_ptr<HqAuthService> m_auth;
    std::unique_ptr<StoreService> m_stores;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<MenuPublisher> m_publisher;
    std::unique_ptr<ImageRepository> m_imageRepo;
    std::unique_ptr<ImageLibrary> m_images;
    std::unique_ptr<ReportService> m_reports;
    std::unique_ptr<LiveFeed> m_feed;
    std::unique_ptr<FleetRepository> m_fleetRepo;
    std::unique_ptr<AlertRepository> m_alertRepo;
    std::unique_ptr<FleetService> m_fleet;
    std::unique_ptr<AlertService> m_alerts;
    std::unique_ptr<StreamTicketRepository> m_ticketRepo;
    std::unique_ptr<StreamTicketService> m_tickets;
    std::unique_ptr<HqAccountRepository> m_accountRepo;
    std::unique_ptr<HqAccountService> m_accounts;
    std::unique_ptr<StoreSettingsService> m_storeSettings;
    std::unique_ptr<SloService> m_slo;
    std::unique_ptr<RelayRepository> m_relayRepo;
    std::unique_ptr<RelayHub> m_relay;
    std::unique_ptr<http::RateLimiter> m_limiter;
    std::unique_ptr<http::LoginThrottle> m_loginThrottle;
    std::unique_ptr<crypto::PasswordVerifier> m_passwords;
    std::unique_ptr<http::LoginGate> m_loginGate;
    std::unique_ptr<CentralContext> m_context;
    std::unique_ptr<http::HttpServer> m_server;
    quint16 m_port = 0;
    QString m_demoBanner;
};

} // namespace tableorder::central
