#pragma once

#include "error.h"
#include "http/corspolicy.h"
#include "health/healthmonitor.h"
#include "printing/printersettings.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace tableorder::edge {

struct StoreLimits
{
    int maxTables = 100;
    int maxCategories = 50;
    int maxItems = 500;
    int maxActiveOrders = 1000;
};

struct RateLimits
{
    bool enabled = true;
    int loginAccountFailures = 5;  // failed logins before an account is locked (30 s, doubling)
    int loginClientFailures = 20;  // failed logins before a client address is locked (60 s, doubling)
    int ordersPerMinute = 30;  // per table
    int callsPerMinute = 6;    // per table: calls for staff
    int requestsPerMinute = 600; // per token, everything else
};

/// Guests ordering from their phones (issue 16): what the table cards and the "store cannot be
/// reached" message need, the guest tokens' lifetime and the guests' rate limits.
struct GuestSettings
{
    QString wifiSsid;     // guest/wifi-ssid: the store's guest Wi-Fi (card's Wi-Fi QR, offline message)
    QString wifiPassword; // guest/wifi-password: printed on the card's Wi-Fi QR; never logged
    /// guest/lan-url: how phones on the store's Wi-Fi reach this edge (scheme://host:port);
    /// empty: the first non-loopback IPv4 address and the listening port.
    QString lanUrl;
    /// guest/public-url: this store's guest base on central (https://hq.example.com/s/12);
    /// the order QR on the cards is {public-url}/t/{code} when set, else {lan-url}/t/{code}.
    QString publicUrl;
    int tokenHours = 6;          // guest/token-hours: a phone's token ends with its visit or this
    int joinsPerMinute = 10;     // guest/joins-per-minute: join attempts per client
    int requestsPerMinute = 300; // guest/requests-per-minute: every guest call per client
    int ordersPerMinute = 10;    // guest/orders-per-minute: orders per visit, phones together
    int callsPerMinute = 6;      // guest/calls-per-minute: staff calls per visit
};

/// Everything the daemon can be told, from (highest first) the command line, the
/// environment (TABLEORDER_*), the config file (INI) and the defaults.
struct EdgeConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString dataDir;
    bool demo = false;
    /// With demo: a few paid and open visits (bills, payments, a void, a discount) so the
    /// apps have something to show. Off by default: tests start from free tables.
    bool demoVisits = false;
    bool jsonLogs = false;
    http::CorsPolicy cors;  // browser origins allowed cross-site (none by default)
    StoreLimits limits;
    RateLimits rates;
    int requestTimeoutMs = 10'000;
    int idleTimeoutMs = 60'000;
    int maxConnections = 1024;   // open TCP connections, streams included; more get 503
    int streamStallMs = 30'000;  // a stream whose unsent bytes do not move this long is cut
    int shutdownGraceMs = 5'000;
    int heartbeatMs = 15'000;
    int maxStreamQueueBytes = 1024 * 1024;
    int maxTableConnections = 200;
    int maxStaffConnections = 20;
    int maxStreamsPerTable = 4;  // SSE + WebSocket of one table
    int maxStreamsPerStaff = 8;  // of one staff account
    int maxWsMessageBytes = 64 * 1024;
    int wsMessagesPerSecond = 20;
    int wsMessageBurst = 40;
    int staffWsMessagesPerSecond = 200;
    int staffWsMessageBurst = 1000;
    int ackTimeoutMs = 10'000;
    /// A call for staff nobody acknowledged this long raises call.overdue (and a fleet alert).
    int callOverdueSeconds = 60;
    /// Kitchen printers: status polling, retry cap, timeouts (printers/*).
    PrinterSettings printers;
    int eventRetention = 100'000; // newest events kept for resuming screens
    QString centralUrl;  // empty: a standalone store
    QString storeKey;    // secret: never logged
    int syncHeartbeatMs = 10'000;
    int syncMaxBackoffMs = 30'000; // cap of the retry delay while central is unreachable
    int syncReconnectMs = 100; // retry delay while central's host refuses the connection (a restart)
    /// The guest relay: with --central, an outward WebSocket over which central relays the
    /// guest API (docs/operations.md, "Guest relay"). --no-relay turns it off.
    bool relay = true;
    int relayHeartbeatMs = 15'000;
    int relayMaxStreams = 256;   // relayed requests in flight at once
    int backupIntervalMinutes = 60; // 0: no scheduled backups
    int backupKeep = 24;
    /// Backups write at most this many MiB/s, flushed every MiB, so orders committing meanwhile
    /// do not queue behind a 200 MB write-back (0: no rate limit, still flushed every MiB).
    int backupMaxWriteMBps = 4;
    HealthSettings health; // interval, queue bound, slow-statement threshold
    int tableTokenDays = 365;
    /// How long a tablet pairing code (the manager's QR) can be exchanged for a token.
    int pairingCodeSeconds = 600;
    int staffTokenHours = 12;
    int authPollMs = 1000; // how soon a CLI change (another process) revokes tokens
    /// HTTPS and WSS on the listening port with the store's certificate (pinned by the apps).
    bool tls = false;
    QString tlsCertificate; // PEM; empty: tls-cert.pem in the data directory
    QString tlsKey;         // PEM; empty: tls-key.pem in the data directory (mode 0600)
    GuestSettings guest;

    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString imageDir() const;
    [[nodiscard]] QString secretPath() const;
    [[nodiscard]] QString backupDir() const;
    [[nodiscard]] QString lockPath() const;
    [[nodiscard]] QString tlsCertificatePath() const;
    [[nodiscard]] QString tlsKeyPath() const;
};

/// Parses `--listen ADDR:PORT --data-dir DIR [--demo] [--config FILE] [--no-rate-limit]
/// [--log-json] [--tls on|off] [--tls-cert FILE --tls-key FILE]` plus environment and config file. VALIDATION_FAILED names the bad setting.
[[nodiscard]] Result<EdgeConfig> parseServeArguments(const QStringList &arguments,
                                                     const QStringList &environment);

} // namespace tableorder::edge
