#include "edgeconfig.h"

#include "listenaddress.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QUrl>

#include <tuple>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

QString EdgeConfig::databasePath() const { return QDir(dataDir).filePath(u"edge.sqlite3"_s); }
QString EdgeConfig::imageDir() const { return QDir(dataDir).filePath(u"images"_s); }
QString EdgeConfig::secretPath() const { return QDir(dataDir).filePath(u"jwt-secret"_s); }
QString EdgeConfig::backupDir() const { return QDir(dataDir).filePath(u"backups"_s); }
QString EdgeConfig::lockPath() const { return QDir(dataDir).filePath(u"edge.lock"_s); }
QString EdgeConfig::tlsCertificatePath() const
{
    return tlsCertificate.isEmpty() ? QDir(dataDir).filePath(u"tls-cert.pem"_s) : tlsCertificate;
}
QString EdgeConfig::tlsKeyPath() const
{
    return tlsKey.isEmpty() ? QDir(dataDir).filePath(u"tls-key.pem"_s) : tlsKey;
}

Result<EdgeConfig> parseServeArguments(const QStringList &arguments, const QStringList &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"tableorder edge daemon"_s);
    parser.addHelpOption();
    parser.addOptions({
            {u"listen"_s, u"Address and port to serve on (default 127.0.0.1:8080)."_s, u"ADDR:PORT"_s},
            {u"data-dir"_s, u"Directory of the store's database, images and secret."_s, u"DIR"_s},
            {u"config"_s, u"INI configuration file."_s, u"FILE"_s},
            {u"demo"_s, u"Create the demo store on an empty data directory."_s},
            {u"demo-visits"_s, u"With --demo: add a few paid and open visits to a new demo store."_s},
            {u"no-rate-limit"_s, u"Turn rate limits off (load tests)."_s},
            {u"log-json"_s, u"Log requests as JSON lines."_s},
            {u"cors-origin"_s, u"Browser origin (scheme://host[:port], repeatable or comma-separated) "
                                "allowed to call the API from another site; none by default."_s, u"ORIGIN"_s},
            {u"central"_s, u"Central server URL; links this store to HQ."_s, u"URL"_s},
            {u"store-key"_s, u"The store key HQ issued (prefer TABLEORDER_STORE_KEY or the config file)."_s, u"KEY"_s},
            {u"no-relay"_s, u"With --central: do not open the guest relay connection to central."_s},
            {u"max-connections"_s, u"Open connections before new ones get 503 (default 1024)."_s, u"N"_s},
            {u"tls"_s, u"Serve HTTPS/WSS with the store's certificate: on or off (default off)."_s, u"on|off"_s},
            {u"tls-cert"_s, u"PEM certificate (default DIR/tls-cert.pem, generated when absent)."_s, u"FILE"_s},
            {u"tls-key"_s, u"PEM private key (default DIR/tls-key.pem, generated when absent)."_s, u"FILE"_s},
            {u"guest-lan-url"_s, u"How phones on the store's Wi-Fi reach this edge (default: first LAN IPv4 and the port)."_s, u"URL"_s},
            {u"guest-public-url"_s, u"This store's guest address on central, e.g. https://hq.example.com/s/12."_s, u"URL"_s},
            {u"wifi-ssid"_s, u"The store's guest Wi-Fi name (table cards, offline message)."_s, u"SSID"_s},
    });
    if (!parser.parse(arguments))
        return fail(Error::validation(u"arguments"_s, parser.errorText()));
    if (!parser.positionalArguments().isEmpty())
        return fail(Error::validation(u"arguments"_s,
                                      u"unexpected argument %1"_s.arg(parser.positionalArguments().first())));

    QHash<QString, QString> env;
    for (const QString &entry : environment) {
        const qsizetype eq = entry.indexOf(u'=');
        if (eq > 0 && entry.startsWith(u"TABLEORDER_"_s))
            env.insert(entry.first(eq), entry.sliced(eq + 1));
    }

    QString configPath = parser.value(u"config"_s);
    if (configPath.isEmpty())
        configPath = env.value(u"TABLEORDER_CONFIG"_s);
    std::unique_ptr<QSettings> file;
    if (!configPath.isEmpty()) {
        if (!QFile::exists(configPath))
            return fail(Error::validation(u"config"_s, u"config file %1 does not exist"_s.arg(configPath)));
        file = std::make_unique<QSettings>(configPath, QSettings::IniFormat);
    }
    // One lookup for every setting: option, then TABLEORDER_<NAME>, then the file's key.
    auto setting = [&](const QString &option, const QString &key) -> QString {
        if (!option.isEmpty() && parser.isSet(option))
            return parser.value(option);
        const QString envName = u"TABLEORDER_"_s + QString(key).toUpper().replace(u'-', u'_').replace(u'/', u'_');
        if (env.contains(envName))
            return env.value(envName);
        return file ? file->value(key).toString() : QString();
    };
    auto flag = [&](const QString &option, const QString &key) {
        if (parser.isSet(option))
            return true;
        const QString value = setting(QString(), key).toLower();
        return value == u"1"_s || value == u"true"_s || value == u"yes"_s;
    };

    EdgeConfig config;
    if (const QString listen = setting(u"listen"_s, u"listen"_s); !listen.isEmpty()) {
        auto parsed = parseListen(listen);
        if (!parsed)
            return fail(parsed.error());
        std::tie(config.address, config.port) = *parsed;
    }
    config.dataDir = setting(u"data-dir"_s, u"data-dir"_s);
    if (config.dataDir.isEmpty())
        return fail(Error::validation(u"data-dir"_s, u"--data-dir is required"_s));
    config.demo = flag(u"demo"_s, u"demo"_s);
    config.demoVisits = flag(u"demo-visits"_s, u"demo-visits"_s);
    config.centralUrl = setting(u"central"_s, u"central"_s);
    config.storeKey = setting(u"store-key"_s, u"store-key"_s);
    if (!config.centralUrl.isEmpty()) {
        const QUrl url(config.centralUrl);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
            return fail(Error::validation(u"central"_s, u"--central must be an http:// or https:// URL"_s));
        if (config.storeKey.isEmpty())
            return fail(Error::validation(u"store-key"_s, u"--central needs --store-key (or TABLEORDER_STORE_KEY)"_s));
    }
    if (const QString tls = setting(u"tls"_s, u"tls"_s).toLower(); !tls.isEmpty()) {
        if (tls == u"on"_s || tls == u"true"_s || tls == u"yes"_s || tls == u"1"_s)
            config.tls = true;
        else if (tls != u"off"_s && tls != u"false"_s && tls != u"no"_s && tls != u"0"_s)
            return fail(Error::validation(u"tls"_s, u"--tls must be on or off"_s));
    }
    config.tlsCertificate = setting(u"tls-cert"_s, u"tls-cert"_s);
    config.tlsKey = setting(u"tls-key"_s, u"tls-key"_s);
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return fail(Error::validation(u"tls-cert"_s, u"--tls-cert and --tls-key go together"_s));
    config.jsonLogs = flag(u"log-json"_s, u"log-json"_s);
    config.guest.wifiSsid = setting(u"wifi-ssid"_s, u"guest/wifi-ssid"_s);
    // Not an option: a command line is visible to every user of the machine.
    config.guest.wifiPassword = setting(QString(), u"guest/wifi-password"_s);
    if (config.guest.wifiSsid.size() > 32 || config.guest.wifiPassword.size() > 63)
        return fail(Error::validation(u"guest/wifi-ssid"_s, u"a Wi-Fi name is at most 32 characters, its password 63"_s));
    for (auto [option, key, target] : {std::tuple{u"guest-lan-url"_s, u"guest/lan-url"_s, &config.guest.lanUrl},
                                       std::tuple{u"guest-public-url"_s, u"guest/public-url"_s, &config.guest.publicUrl}}) {
        QString value = setting(option, key);
        while (value.endsWith(u'/'))
            value.chop(1);
        const QUrl url(value);
        if (!value.isEmpty() && (!url.isValid() || url.host().isEmpty()
                                 || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                                 || url.hasQuery() || url.hasFragment()))
            return fail(Error::validation(key, u"--%1 must be an http:// or https:// URL"_s.arg(option)));
        *target = value;
    }
    // Browser origins for CORS: repeatable option, TABLEORDER_CORS_ORIGINS, or INI cors-origins.
    auto cors = http::CorsPolicy::fromSettings(parser.values(u"cors-origin"_s), setting(QString(), u"cors-origins"_s),
                                               file ? file->value(u"cors-origins"_s) : QVariant());
    if (!cors)
        return fail(cors.error());
    config.cors = *cors;
    config.rates.enabled = !flag(u"no-rate-limit"_s, u"no-rate-limit"_s);
    config.relay = !flag(u"no-relay"_s, u"no-relay"_s);

    struct IntSetting { QString key; int *target; int min; int max; QString option = {}; };
    const IntSetting ints[] = {
            {u"limits/max-tables"_s, &config.limits.maxTables, 1, 100000},
            {u"limits/max-categories"_s, &config.limits.maxCategories, 1, 100000},
            {u"limits/max-items"_s, &config.limits.maxItems, 1, 100000},
            {u"limits/max-active-orders"_s, &config.limits.maxActiveOrders, 1, 1000000},
            {u"rate/login-account-failures"_s, &config.rates.loginAccountFailures, 1, 1000},
            {u"rate/login-client-failures"_s, &config.rates.loginClientFailures, 1, 100000},
            {u"rate/orders-per-minute"_s, &config.rates.ordersPerMinute, 1, 100000},
            {u"rate/calls-per-minute"_s, &config.rates.callsPerMinute, 1, 100000},
            {u"rate/requests-per-minute"_s, &config.rates.requestsPerMinute, 1, 10000000},
            {u"http/request-timeout-ms"_s, &config.requestTimeoutMs, 100, 600000},
            {u"http/idle-timeout-ms"_s, &config.idleTimeoutMs, 100, 3600000},
            {u"http/max-connections"_s, &config.maxConnections, 1, 1000000, u"max-connections"_s},
            {u"http/stream-stall-ms"_s, &config.streamStallMs, 100, 3600000},
            {u"realtime/heartbeat-ms"_s, &config.heartbeatMs, 50, 3600000},
            {u"realtime/max-queue-bytes"_s, &config.maxStreamQueueBytes, 1024, 1 << 30},
            {u"realtime/max-table-connections"_s, &config.maxTableConnections, 0, 1000000},
            {u"realtime/max-staff-connections"_s, &config.maxStaffConnections, 0, 1000000},
            {u"realtime/max-streams-per-table"_s, &config.maxStreamsPerTable, 1, 1000},
            {u"realtime/max-streams-per-staff"_s, &config.maxStreamsPerStaff, 1, 1000},
            {u"realtime/max-message-bytes"_s, &config.maxWsMessageBytes, 128, 16 * 1024 * 1024},
            {u"realtime/messages-per-second"_s, &config.wsMessagesPerSecond, 1, 100000},
            {u"realtime/message-burst"_s, &config.wsMessageBurst, 1, 100000},
            {u"realtime/staff-messages-per-second"_s, &config.staffWsMessagesPerSecond, 1, 100000},
            {u"realtime/staff-message-burst"_s, &config.staffWsMessageBurst, 1, 1000000},
            {u"realtime/ack-timeout-ms"_s, &config.ackTimeoutMs, 100, 3600000},
            {u"calls/overdue-seconds"_s, &config.callOverdueSeconds, 1, 86400},
            {u"printers/poll-ms"_s, &config.printers.pollMs, 50, 3600000},
            {u"printers/retry-max-ms"_s, &config.printers.retryMaxMs, 50, 3600000},
            {u"printers/connect-timeout-ms"_s, &config.printers.connectTimeoutMs, 50, 600000},
            {u"printers/answer-timeout-ms"_s, &config.printers.answerTimeoutMs, 50, 600000},
            {u"backup/interval-minutes"_s, &config.backupIntervalMinutes, 0, 100000},
            {u"backup/keep"_s, &config.backupKeep, 1, 10000},
            {u"backup/max-write-mbps"_s, &config.backupMaxWriteMBps, 0, 100000},
            {u"sync/heartbeat-ms"_s, &config.syncHeartbeatMs, 100, 3600000},
            {u"sync/max-backoff-ms"_s, &config.syncMaxBackoffMs, 100, 3600000},
            {u"sync/reconnect-ms"_s, &config.syncReconnectMs, 10, 3600000},
            {u"relay/heartbeat-ms"_s, &config.relayHeartbeatMs, 100, 3600000},
            {u"relay/max-streams"_s, &config.relayMaxStreams, 1, 100000},
            {u"realtime/event-retention"_s, &config.eventRetention, 100, 100000000},
            {u"health/interval-ms"_s, &config.health.intervalMs, 200, 3600000},
            {u"health/slow-query-ms"_s, &config.health.slowQueryMs, 1, 600000},
            {u"health/queue-max"_s, &config.health.queueMax, 1, 1000000},
            {u"auth/table-token-days"_s, &config.tableTokenDays, 1, 3650},
            {u"auth/pairing-code-seconds"_s, &config.pairingCodeSeconds, 1, 86400},
            {u"auth/staff-token-hours"_s, &config.staffTokenHours, 1, 720},
            {u"guest/token-hours"_s, &config.guest.tokenHours, 1, 48},
            {u"guest/joins-per-minute"_s, &config.guest.joinsPerMinute, 1, 100000},
            {u"guest/requests-per-minute"_s, &config.guest.requestsPerMinute, 1, 10000000},
            {u"guest/orders-per-minute"_s, &config.guest.ordersPerMinute, 1, 100000},
            {u"guest/calls-per-minute"_s, &config.guest.callsPerMinute, 1, 100000},
    };
    for (const IntSetting &s : ints) {
        const QString text = setting(s.option, s.key);
        if (text.isEmpty())
            continue;
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < s.min || value > s.max)
            return fail(Error::validation(s.key, u"%1 must be an integer from %2 to %3"_s.arg(s.key).arg(s.min).arg(s.max)));
        *s.target = value;
    }
    return config;
}

} // namespace tableorder::edge
