#pragma once

#include "error.h"
#include "http/trustedproxies.h"
#include "http/corspolicy.h"

#include <QHostAddress>
#include <QStringList>

namespace tableorder::central {

/// Settings from the command line, TABLEORDER_* environment and an INI file (highest first).
struct CentralConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8090;
    QString databaseUrl;  // sqlite:PATH or postgresql://user@host:port/db
    QString secretFile;   // JWT signing key; shared by all instances on one database
    bool demo = false;
    bool jsonLogs = false;
    bool rateLimits = true;
    /// Reverse proxies whose X-Forwarded-For names the client (default: none).
    http::TrustedProxies trustedProxies;
    http::CorsPolicy cors;  // browser origins allowed cross-site (none by default)
    int offlineAfterSeconds = 60;
    int tokenHours = 12;
    int uploadsPerMinute = 600; // per store
    int longPollMs = 25'000;
    int alertsEvaluateMs = 10'000;
    int healthMinuteDays = 7;  // health snapshot points kept
    int healthHourDays = 90;   // hourly roll-ups kept
    int maxConnections = 2048; // open TCP connections, live feeds included; more get 503
    int streamStallMs = 30'000; // a live feed whose unsent bytes do not move this long is cut
    /// Bearer token a Prometheus scrape must send to GET /metrics; empty: /metrics is off.
    QString metricsToken;
    /// Webhook targets on loopback, link-local or private ranges (off: refused).
    bool allowPrivateWebhooks = false;
    /// PostgreSQL statement_timeout and lock_timeout of every connection (0: none).
    int pgStatementTimeoutMs = 30'000;
    int pgLockTimeoutMs = 10'000;
    /// The guest relay (docs/operations.md, "Guest relay"): requests per minute a phone and a
    /// store may send through central, relayed requests in flight per store, the time a store
    /// has to answer, and the heartbeat of the stores' connections.
    int guestRequestsPerMinute = 300;
    int guestStoreRequestsPerMinute = 12'000;
    int relayMaxStreams = 256;
    int relayTimeoutMs = 15'000;
    int relayHeartbeatMs = 15'000;

    [[nodiscard]] QString stateDir() const; // directory of the secret and demo key
};

[[nodiscard]] Result<CentralConfig> parseCentralArguments(const QStringList &arguments,
                                                          const QStringList &environment);

} // namespace tableorder::central
