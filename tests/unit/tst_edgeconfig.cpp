#include "edgeconfig.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::edge;

/// `tableorder-edge` settings: command line over TABLEORDER_* environment over the INI
/// file over defaults, and a VALIDATION_FAILED naming the setting for every bad value.
class TestEdgeConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void listen_data();
    void listen();
    void precedence_data();
    void precedence();
    void fileAndEnvironmentSettings();
    void connectionCap();
    void flags_data();
    void flags();
    void badValues_data();
    void badValues();
    void guestSettings();
    void relaySettings();

private:
    Result<EdgeConfig> parse(QStringList arguments, const QStringList &environment = {});
    QString writeConfig(const QByteArray &contents);

    QTemporaryDir m_dir;
    int m_files = 0;
};

Result<EdgeConfig> TestEdgeConfig::parse(QStringList arguments, const QStringList &environment)
{
    arguments.prepend(u"tableorder-edge"_s);
    return parseServeArguments(arguments, environment);
}

QString TestEdgeConfig::writeConfig(const QByteArray &contents)
{
    const QString path = m_dir.filePath(u"edge-%1.ini"_s.arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestEdgeConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestEdgeConfig::defaults()
{
    const auto config = parse({u"--data-dir"_s, u"/srv/store"_s});
    VERIFY_OK(config);
    QCOMPARE(config->address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config->port, quint16(8080));
    QCOMPARE(config->dataDir, u"/srv/store"_s);
    QCOMPARE(config->databasePath(), u"/srv/store/edge.sqlite3"_s);
    QCOMPARE(config->secretPath(), u"/srv/store/jwt-secret"_s);
    QCOMPARE(config->imageDir(), u"/srv/store/images"_s);
    QVERIFY(!config->demo);
    QVERIFY(!config->jsonLogs);
    QVERIFY(config->rates.enabled);
    QCOMPARE(config->rates.loginAccountFailures, 5);
    QCOMPARE(config->rates.loginClientFailures, 20);
    QCOMPARE(config->rates.ordersPerMinute, 30);
    QCOMPARE(config->rates.requestsPerMinute, 600);
    QCOMPARE(config->limits.maxTables, 100);
    QCOMPARE(config->limits.maxCategories, 50);
    QCOMPARE(config->limits.maxItems, 500);
    QCOMPARE(config->limits.maxActiveOrders, 1000);
}

void TestEdgeConfig::listen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("loopback") << u"127.0.0.1:9000"_s << true << u"127.0.0.1"_s << 9000;
    QTest::newRow("all interfaces") << u"0.0.0.0:8080"_s << true << u"0.0.0.0"_s << 8080;
    QTest::newRow("star") << u"*:80"_s << true << u"any"_s << 80;
    QTest::newRow("no host") << u":80"_s << true << u"any"_s << 80;
    QTest::newRow("localhost") << u"localhost:8081"_s << true << u"127.0.0.1"_s << 8081;
    QTest::newRow("IPv6 in brackets") << u"[::1]:8082"_s << true << u"::1"_s << 8082;
    QTest::newRow("port 0 picks one") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0;
    QTest::newRow("port only") << u"8080"_s << false << QString() << 0;
    QTest::newRow("no port") << u"127.0.0.1:"_s << false << QString() << 0;
    QTest::newRow("port too big") << u"127.0.0.1:65536"_s << false << QString() << 0;
    QTest::newRow("negative port") << u"127.0.0.1:-1"_s << false << QString() << 0;
    QTest::newRow("port with letters") << u"127.0.0.1:80x"_s << false << QString() << 0;
    QTest::newRow("host name") << u"edge.example:80"_s << false << QString() << 0;
    QTest::newRow("bad address") << u"300.1.1.1:80"_s << false << QString() << 0;
}

void TestEdgeConfig::listen()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, address);
    QFETCH(int, port);
    const auto parsed = parse({u"--data-dir"_s, u"/d"_s, u"--listen"_s, text});
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        const QHostAddress expected =
                address == u"any"_s ? QHostAddress(QHostAddress::Any) : QHostAddress(address);
        QCOMPARE(parsed->address, expected);
        QCOMPARE(parsed->port, quint16(port));
    } else {
        QCOMPARE(parsed.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(parsed.error().details[u"field"_s].toString(), u"listen"_s);
    }
}

void TestEdgeConfig::precedence_data()
{
    QTest::addColumn<QString>("cli");
    QTest::addColumn<QString>("env");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("dataDir");
    const QString none;
    QTest::newRow("defaults") << none << none << none << 8080 << u"/cli"_s;
    QTest::newRow("file only") << none << none << u"1111"_s << 1111 << u"/cli"_s;
    QTest::newRow("environment over file") << none << u"2222"_s << u"1111"_s << 2222 << u"/cli"_s;
    QTest::newRow("command line over environment and file")
            << u"3333"_s << u"2222"_s << u"1111"_s << 3333 << u"/cli"_s;
    QTest::newRow("command line over environment") << u"3333"_s << u"2222"_s << none << 3333
                                                   << u"/cli"_s;
}

void TestEdgeConfig::precedence()
{
    QFETCH(QString, cli);
    QFETCH(QString, env);
    QFETCH(QString, file);
    QFETCH(int, port);
    QFETCH(QString, dataDir);
    QStringList arguments{u"--data-dir"_s, u"/cli"_s};
    QStringList environment{u"TABLEORDER_DATA_DIR=/env"_s, u"PATH=/usr/bin"_s};
    if (!cli.isEmpty())
        arguments << u"--listen"_s << u"127.0.0.1:"_s + cli;
    if (!env.isEmpty())
        environment << u"TABLEORDER_LISTEN=127.0.0.1:"_s + env;
    if (!file.isEmpty())
        arguments << u"--config"_s
                  << writeConfig("listen=127.0.0.1:" + file.toLatin1() + "\ndata-dir=/file\n");
    const auto config = parse(arguments, environment);
    VERIFY_OK(config);
    QCOMPARE(int(config->port), port);
    QCOMPARE(config->dataDir, dataDir);
}

void TestEdgeConfig::fileAndEnvironmentSettings()
{
    const QString path = writeConfig("data-dir=/from-file\n"
                                     "[limits]\n"
                                     "max-tables=10\n"
                                     "max-active-orders=7\n"
                                     "[rate]\n"
                                     "login-account-failures=9\n"
                                     "[http]\n"
                                     "request-timeout-ms=1500\n"
                                     "max-connections=50\n");
    // The file named by TABLEORDER_CONFIG; the environment wins where both say something.
    const auto config = parse({}, {u"TABLEORDER_CONFIG="_s + path,
                                   u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS=3"_s,
                                   u"TABLEORDER_HTTP_IDLE_TIMEOUT_MS=2500"_s,
                                   u"OTHER_LIMITS_MAX_TABLES=1"_s});
    VERIFY_OK(config);
    QCOMPARE(config->dataDir, u"/from-file"_s);
    QCOMPARE(config->limits.maxTables, 10);
    QCOMPARE(config->limits.maxActiveOrders, 3);
    QCOMPARE(config->limits.maxCategories, 50);
    QCOMPARE(config->rates.loginAccountFailures, 9);
    QCOMPARE(config->requestTimeoutMs, 1500);
    QCOMPARE(config->idleTimeoutMs, 2500);
    QCOMPARE(config->maxConnections, 50);
    QCOMPARE(config->streamStallMs, 30'000);
}

void TestEdgeConfig::connectionCap()
{
    const auto defaults = parse({u"--data-dir"_s, u"/d"_s}, {});
    VERIFY_OK(defaults);
    QCOMPARE(defaults->maxConnections, 1024);
    const auto cli = parse({u"--data-dir"_s, u"/d"_s, u"--max-connections"_s, u"7"_s},
                           {u"TABLEORDER_HTTP_MAX_CONNECTIONS=9"_s, u"TABLEORDER_HTTP_STREAM_STALL_MS=400"_s});
    VERIFY_OK(cli);
    QCOMPARE(cli->maxConnections, 7);
    QCOMPARE(cli->streamStallMs, 400);
    QVERIFY(!parse({u"--data-dir"_s, u"/d"_s, u"--max-connections"_s, u"0"_s}, {}).has_value());
}

void TestEdgeConfig::flags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<bool>("rateLimits");
    QTest::addColumn<bool>("demo");
    QTest::newRow("none") << QStringList() << QStringList() << true << false;
    QTest::newRow("--no-rate-limit --demo") << QStringList{u"--no-rate-limit"_s, u"--demo"_s}
                                            << QStringList() << false << true;
    QTest::newRow("environment 1") << QStringList()
                                   << QStringList{u"TABLEORDER_NO_RATE_LIMIT=1"_s,
                                                  u"TABLEORDER_DEMO=1"_s}
                                   << false << true;
    QTest::newRow("environment true/yes") << QStringList()
                                          << QStringList{u"TABLEORDER_NO_RATE_LIMIT=true"_s,
                                                         u"TABLEORDER_DEMO=yes"_s}
                                          << false << true;
    QTest::newRow("environment 0 is off") << QStringList()
                                          << QStringList{u"TABLEORDER_NO_RATE_LIMIT=0"_s,
                                                         u"TABLEORDER_DEMO=false"_s}
                                          << true << false;
}

void TestEdgeConfig::flags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(bool, rateLimits);
    QFETCH(bool, demo);
    const auto config = parse(arguments << u"--data-dir"_s << u"/d"_s, environment);
    VERIFY_OK(config);
    QCOMPARE(config->rates.enabled, rateLimits);
    QCOMPARE(config->demo, demo);
}

void TestEdgeConfig::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("field");
    const QStringList dir{u"--data-dir"_s, u"/d"_s};
    QTest::newRow("no data dir") << QStringList() << QStringList() << u"data-dir"_s;
    QTest::newRow("bad --listen") << (dir + QStringList{u"--listen"_s, u"nowhere"_s})
                                  << QStringList() << u"listen"_s;
    QTest::newRow("bad TABLEORDER_LISTEN") << dir << QStringList{u"TABLEORDER_LISTEN=1.2.3.4"_s}
                                           << u"listen"_s;
    QTest::newRow("missing config file")
            << (dir + QStringList{u"--config"_s, u"/nonexistent/edge.ini"_s}) << QStringList()
            << u"config"_s;
    QTest::newRow("unknown option") << (dir + QStringList{u"--bogus"_s}) << QStringList()
                                    << u"arguments"_s;
    QTest::newRow("stray argument") << (dir + QStringList{u"serve"_s}) << QStringList()
                                    << u"arguments"_s;
    QTest::newRow("zero active orders") << dir
                                        << QStringList{u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS=0"_s}
                                        << u"limits/max-active-orders"_s;
    QTest::newRow("text for a number") << dir << QStringList{u"TABLEORDER_LIMITS_MAX_TABLES=many"_s}
                                       << u"limits/max-tables"_s;
    QTest::newRow("fraction") << dir << QStringList{u"TABLEORDER_RATE_LOGIN_CLIENT_FAILURES=1.5"_s}
                              << u"rate/login-client-failures"_s;
    QTest::newRow("overflow") << dir << QStringList{u"TABLEORDER_LIMITS_MAX_ITEMS=99999999999"_s}
                              << u"limits/max-items"_s;
    QTest::newRow("timeout too short") << dir
                                       << QStringList{u"TABLEORDER_HTTP_REQUEST_TIMEOUT_MS=10"_s}
                                       << u"http/request-timeout-ms"_s;
    QTest::newRow("negative") << dir << QStringList{u"TABLEORDER_RATE_ORDERS_PER_MINUTE=-5"_s}
                              << u"rate/orders-per-minute"_s;
    QTest::newRow("guest LAN URL not http") << (dir + QStringList{u"--guest-lan-url"_s, u"ftp://10.0.0.2"_s})
                                            << QStringList() << u"guest/lan-url"_s;
    QTest::newRow("guest public URL with a query")
            << dir << QStringList{u"TABLEORDER_GUEST_PUBLIC_URL=https://hq.example.com/s/1?x=1"_s} << u"guest/public-url"_s;
    QTest::newRow("guest public URL without host") << dir << QStringList{u"TABLEORDER_GUEST_PUBLIC_URL=https:///s/1"_s}
                                                   << u"guest/public-url"_s;
    QTest::newRow("Wi-Fi name too long") << (dir + QStringList{u"--wifi-ssid"_s, QString(33, u'x')}) << QStringList()
                                         << u"guest/wifi-ssid"_s;
    QTest::newRow("guest token hours 0") << dir << QStringList{u"TABLEORDER_GUEST_TOKEN_HOURS=0"_s}
                                         << u"guest/token-hours"_s;
}

void TestEdgeConfig::guestSettings()
{
    const auto config = parse({u"--data-dir"_s, u"/d"_s, u"--wifi-ssid"_s, u"Hansik Guest"_s,
                               u"--guest-public-url"_s, u"https://hq.example.com/s/12/"_s},
                              {u"TABLEORDER_GUEST_WIFI_PASSWORD=p;ss"_s, u"TABLEORDER_GUEST_ORDERS_PER_MINUTE=4"_s});
    QVERIFY2(config.has_value(), qPrintable(config ? QString() : config.error().message));
    QCOMPARE(config->guest.wifiSsid, u"Hansik Guest"_s);
    QCOMPARE(config->guest.wifiPassword, u"p;ss"_s);
    QCOMPARE(config->guest.publicUrl, u"https://hq.example.com/s/12"_s); // no trailing slash
    QVERIFY(config->guest.lanUrl.isEmpty());
    QCOMPARE(config->guest.ordersPerMinute, 4);
    QCOMPARE(config->guest.tokenHours, 6);
    // The password is no command-line option (every user of the machine sees a command line).
    QVERIFY(!parse({u"--data-dir"_s, u"/d"_s, u"--wifi-password"_s, u"x"_s}).has_value());
}

void TestEdgeConfig::relaySettings()
{
    // The guest relay is on with --central unless --no-relay (or no-relay=1) says otherwise.
    const auto defaults = parse({u"--data-dir"_s, u"/d"_s}, {});
    VERIFY_OK(defaults);
    QVERIFY(defaults->relay);
    QCOMPARE(defaults->relayHeartbeatMs, 15'000);
    QCOMPARE(defaults->relayMaxStreams, 256);
    const auto off = parse({u"--data-dir"_s, u"/d"_s, u"--no-relay"_s},
                           {u"TABLEORDER_RELAY_HEARTBEAT_MS=500"_s, u"TABLEORDER_RELAY_MAX_STREAMS=8"_s});
    VERIFY_OK(off);
    QVERIFY(!off->relay);
    QCOMPARE(off->relayHeartbeatMs, 500);
    QCOMPARE(off->relayMaxStreams, 8);
    const auto env = parse({u"--data-dir"_s, u"/d"_s}, {u"TABLEORDER_NO_RELAY=yes"_s});
    VERIFY_OK(env);
    QVERIFY(!env->relay);
    QVERIFY(!parse({u"--data-dir"_s, u"/d"_s}, {u"TABLEORDER_RELAY_HEARTBEAT_MS=10"_s}).has_value());
    QVERIFY(!parse({u"--data-dir"_s, u"/d"_s}, {u"TABLEORDER_RELAY_MAX_STREAMS=0"_s}).has_value());
}

void TestEdgeConfig::badValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, field);
    const auto config = parse(arguments, environment);
    QVERIFY(!config.has_value());
    QCOMPARE(config.error().code, ErrorCode::ValidationFailed);
    QCOMPARE(config.error().details[u"field"_s].toString(), field);
    QVERIFY(!config.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestEdgeConfig)
#include "tst_edgeconfig.moc"
