#include "centralconfig.h"

#include "listenaddress.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace tableorder::central {

QString CentralConfig::stateDir() const
{
    return QFileInfo(secretFile).absolutePath();
}

Result<CentralConfig> parseCentralArguments(const QStringList &arguments, const QStringList &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"tableorder central server"_s);
    parser.addHelpOption();
    parser.addOptions({
            {u"listen"_s, u"Address and port (default 127.0.0.1:8090)."_s, u"ADDR:PORT"_s},
            {u"db"_s, u"sqlite:PATH or postgresql://user@host:port/db."_s, u"URL"_s},
            {u"secret-file"_s, u"JWT signing key file (created 0600 if missing)."_s, u"FILE"_s},
            {u"config"_s, u"INI configuration file."_s, u"FILE"_s},
            {u"demo"_s, u"Create the demo organization, HQ account and store."_s},
            {u"no-rate-limit"_s, u"Turn upload rate limits off (load tests)."_s},
            {u"log-json"_s, u"Log requests as JSON lines."_s},
            {u"cors-origin"_s, u"Browser origin (scheme://host[:port], repeatable or comma-separated) "
                                "allowed to call the API from another site; none by default."_s, u"ORIGIN"_s},
            {u"max-connections"_s, u"Open connections before new ones get 503 (default 2048)."_s, u"N"_s},
            {u"trusted-proxy"_s, u"Reverse proxy (address or CIDR, repeatable or comma-separated) whose "
                                  "X-Forwarded-For names the client."_s, u"ADDR"_s},
            {u"metrics-token-file"_s, u"File holding the bearer token GET /metrics requires "
                                      "(without one, /metrics is off)."_s, u"FILE"_s},
            {u"allow-private-webhooks"_s, u"Let alert webhooks target loopback, link-local and private "
                                          "addresses."_s},
    });
    if (!parser.parse(arguments))
        return fail(Error::validation(u"arguments"_s, parser.errorText()));
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
    if (!configPath.isEmpty())
        file = std::make_unique<QSettings>(configPath, QSettings::IniFormat);
    auto setting = [&](const QString &option, const QString &key) -> QString {
        if (!option.isEmpty() && parser.isSet(option))
            return parser.value(option);
        const QString envName = u"TABLEORDER_"_s + QString(key).toUpper().replace(u'-', u'_').replace(u'/', u'_');
        if (env.contains(envName))
            return env.value(envName);
        return file ? file->value(key).toString() : QString();
    };
    auto flag = [&](const QString &option) {
        const QString value = setting(option, option).toLower();
        return parser.isSet(option) || value == u"1"_s || value == u"true"_s;
    };

    CentralConfig config;
    if (const QString listen = setting(u"listen"_s, u"listen"_s); !listen.isEmpty()) {
        auto parsed = parseListen(listen);
        if (!parsed)
            return fail(parsed.error());
        std::tie(config.address, config.port) = *parsed;
    }
    config.databaseUrl = setting(u"db"_s, u"db"_s);
    if (config.databaseUrl.isEmpty())
        return fail(Error::validation(u"db"_s, u"--db is required (sqlite:PATH or postgresql://...)"_s));
    config.secretFile = setting(u"secret-file"_s, u"secret-file"_s);
    if (config.secretFile.isEmpty()) {
        if (!config.databaseUrl.startsWith(u"sqlite:"_s))
            return fail(Error::validation(u"secret-file"_s, u"--secret-file is required with PostgreSQL "
                                                             "(every instance must use the same one)"_s));
        config.secretFile = QFileInfo(config.databaseUrl.sliced(7)).absolutePath() + u"/central-jwt-secret"_s;
    }
    config.demo = flag(u"demo"_s);
    config.jsonLogs = flag(u"log-json"_s);
    // Browser origins for CORS: repeatable option, TABLEORDER_CORS_ORIGINS, or INI cors-origins.
    auto cors = http::CorsPolicy::fromSettings(parser.values(u"cors-origin"_s), setting(QString(), u"cors-origins"_s),
                                               file ? file->value(u"cors-origins"_s) : QVariant());
    if (!cors)
        return fail(cors.error());
    config.cors = *cors;
    config.rateLimits = !flag(u"no-rate-limit"_s);
    {
        QString proxies = parser.isSet(u"trusted-proxy"_s)
                ? parser.values(u"trusted-proxy"_s).join(u',')
                : setting(QString(), u"trusted-proxies"_s);
        // An INI value with commas reads as a list.
        if (proxies.isEmpty() && file)
            proxies = file->value(u"trusted-proxies"_s).toStringList().join(u',');
        auto parsed = http::TrustedProxies::parse(proxies);
        if (!parsed)
            return fail(parsed.error());
        config.trustedProxies = *parsed;
    }
    config.allowPrivateWebhooks = flag(u"allow-private-webhooks"_s);
    // The scrape token: a file (command line, TABLEORDER_METRICS_TOKEN_FILE, INI) or the token
    // itself in TABLEORDER_METRICS_TOKEN / INI metrics-token.
    if (const QString path = setting(u"metrics-token-file"_s, u"metrics-token-file"_s); !path.isEmpty()) {
        QFile tokenFile(path);
        if (!tokenFile.open(QIODevice::ReadOnly))
            return fail(Error::validation(u"metrics-token-file"_s, u"cannot read %1"_s.arg(path)));
        config.metricsToken = QString::fromUtf8(tokenFile.read(4096)).trimmed();
    } else {
        config.metricsToken = setting(QString(), u"metrics-token"_s).trimmed();
    }
    if (!config.metricsToken.isEmpty()
        && (config.metricsToken.size() < 16 || config.metricsToken.size() > 512
            || config.metricsToken.contains(QRegularExpression(u"[^\\x21-\\x7e]"_s))))
        return fail(Error::validation(u"metrics-token"_s, u"the metrics token must be 16 to 512 printable "
                                                          "ASCII characters without spaces"_s));
    struct IntSetting { QString key; int *target; int min; int max; QString option = {}; };
    for (const IntSetting &s : {IntSetting{u"offline-after-seconds"_s, &config.offlineAfterSeconds, 5, 86400},
                                IntSetting{u"uploads-per-minute"_s, &config.uploadsPerMinute, 1, 1000000},
                                IntSetting{u"long-poll-ms"_s, &config.longPollMs, 100, 120000},
                                IntSetting{u"token-hours"_s, &config.tokenHours, 1, 720},
                                IntSetting{u"alerts-evaluate-ms"_s, &config.alertsEvaluateMs, 100, 3600000},
                                IntSetting{u"health-minute-days"_s, &config.healthMinuteDays, 1, 90},
                                IntSetting{u"health-hour-days"_s, &config.healthHourDays, 1, 3650},
                                IntSetting{u"max-connections"_s, &config.maxConnections, 1, 1000000, u"max-connections"_s},
                                IntSetting{u"stream-stall-ms"_s, &config.streamStallMs, 100, 3600000},
                                IntSetting{u"pg-statement-timeout-ms"_s, &config.pgStatementTimeoutMs, 0, 3600000},
                                IntSetting{u"pg-lock-timeout-ms"_s, &config.pgLockTimeoutMs, 0, 3600000},
                                IntSetting{u"guest-requests-per-minute"_s, &config.guestRequestsPerMinute, 1, 1000000},
                                IntSetting{u"guest-store-requests-per-minute"_s, &config.guestStoreRequestsPerMinute, 1, 100000000},
                                IntSetting{u"relay-max-streams"_s, &config.relayMaxStreams, 1, 100000},
                                IntSetting{u"relay-timeout-ms"_s, &config.relayTimeoutMs, 100, 600000},
                                IntSetting{u"relay-heartbeat-ms"_s, &config.relayHeartbeatMs, 100, 3600000}}) {
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

} // namespace tableorder::central
