#pragma once

#include "edgeconfig.h"
#include "error.h"
#include "services/principal.h"

#include <QJsonObject>
#include <QLockFile>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

class QTimer;

namespace tableorder {
class Metrics;
namespace http {
class HttpServer;
class RateLimiter;
struct TlsIdentity;
class LoginThrottle;
class LoginGate;
} // namespace http
namespace db {
class WalFlusher;
class WalCheckpointer;
}
namespace crypto {
class PasswordVerifier;
}
} // namespace tableorder

namespace tableorder::edge {

class AuthService;
class MenuService;
class OrderService;
class TableService;
class PairingService;
class StaffService;
class CallService;
class PrinterService;
class GuestService;
class VisitService;
class BusinessDayService;
class EventLog;
class EventHub;
class AckMonitor;
class SyncClient;
class RelayClient;
class HealthMonitor;
class SyncStateRepository;
class BackupService;
class StoreRepository;
struct RouteContext;

/// The edge daemon's composition root: opens the store's database (migrating it), builds
/// the services and serves them over HTTP. Tests and the binary use it the same way.
class EdgeApp : public QObject
{
    Q_OBJECT
public:
    explicit EdgeApp(EdgeConfig config, QObject *parent = nullptr);
    ~EdgeApp() override;

    /// Data directory, database, migrations, secret and services; no network.
    [[nodiscard]] Status open();
    /// open(), the demo store when asked for, then listening.
    [[nodiscard]] Status start();
    [[nodiscard]] quint16 port() const { return m_port; }
    /// Stops accepting, lets in-flight work finish (bounded), closes the database, then
    /// calls done.
    void shutdown(std::function<void()> done);

    [[nodiscard]] const EdgeConfig &config() const { return m_config; }
    AuthService &auth() { return *m_auth; }
    MenuService &menu() { return *m_menu; }
    OrderService &orders() { return *m_orders; }
    TableService &tables() { return *m_tables; }
    StaffService &staff() { return *m_staff; }
    VisitService &visits() { return *m_visits; }
    GuestService &guests() { return *m_guests; }
    BusinessDayService &businessDays() { return *m_days; }
    EventLog &events() { return *m_events; }
    BackupService &backups() { return *m_backups; }
    /// Null for a store that is not linked to central.
    SyncClient *sync() { return m_sync.get(); }
    /// Applies the name, time zone and business-day cutoff HQ sent (issue 17).
    void applyHqStoreSettings(const QJsonObject &settings);
    StoreRepository &store();
    Metrics &metrics() { return *m_metrics; }
    /// After open(): the store's TLS certificate and key from the configured files, generated
    /// on first use (CN: the store's name; SANs: this host's names and addresses).
    [[nodiscard]] Result<http::TlsIdentity> tlsIdentity();
    /// The served certificate's SHA-256 fingerprint (64 hex digits); empty without TLS.
    [[nodiscard]] QString tlsFingerprint() const { return m_tlsFingerprint; }

private:
    struct Repositories;
    bool databaseUsable();
    [[nodiscard]] QStringList lanUrls() const;
    [[nodiscard]] QString guestLanUrl() const;
    [[nodiscard]] QString guestWifiSsid() const;
    Result<QJsonObject> streamSnapshot(const Principal &who);
    void startHealthMonitor();
    void refreshRevocations();

    EdgeConfig m_config;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<Repositories> m_repos;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<MenuService> m_menu;
    std::unique_ptr<db::WalFlusher> m_flusher;
    std::unique_ptr<db::WalCheckpointer> m_checkpointer;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<TableService> m_tables;
    std::unique_ptr<PairingService> m_pairing;
    std::unique_ptr<CallService> m_calls;
    std::unique_ptr<PrinterService> m_printers;
    std::unique_ptr<GuestService> m_guests;
    std::unique_ptr<StaffService> m_staff;
    std::unique_ptr<VisitService> m_visits;
    std::unique_ptr<BusinessDayService> m_days;
    QTimer *m_authPoll = nullptr;
    std::unique_ptr<http::RateLimiter> m_limiter;
    std::unique_ptr<http::LoginThrottle> m_loginThrottle;
    std::unique_ptr<crypto::PasswordVerifier> m_passwords;
    std::unique_ptr<http::LoginGate> m_loginGate;
    std::unique_ptr<RouteContext> m_routeContext;
    std::unique_ptr<EventHub> m_hub;
    std::unique_ptr<AckMonitor> m_ackMonitor;
    std::unique_ptr<SyncClient> m_sync;
    std::unique_ptr<RelayClient> m_relay;
    std::unique_ptr<HealthMonitor> m_health;
    std::unique_ptr<BackupService> m_backups;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<http::HttpServer> m_server;
    quint16 m_port = 0;
    QString m_tlsFingerprint;
};

} // namespace tableorder::edge
