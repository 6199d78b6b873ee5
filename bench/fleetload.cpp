// tableorder-fleet-load: the cost of fleet observability at HQ, with a real central (on the
// database given, PostgreSQL in bench/run-fleet-bench.sh) and real protobuf over HTTP.
//   1. registers --stores simulated stores through the HQ API (one store key each);
//   2. compressed: every store uploads a HealthSnapshot for each of --minutes simulated
//      minutes (`at` one minute apart, in the recent past), one snapshot per upload as an edge
//      in steady state sends it, over --connections connections as fast as central takes them:
//      central and PostgreSQL CPU per snapshot, health tables' growth, upload latency;
//   3. real time: every store uploads one snapshot a minute, spread evenly over the minute,
//      for --realtime-minutes: upload latency at the real rate, CPU per real minute;
//   4. chart: one more store gets --chart-days of minute snapshots (60 per upload, as an edge
//      catching up sends them), then the dashboard's 7-day request is timed --chart-requests
//      times, and the same range at minute resolution.
// Per store per day = measured / (stores x simulated minutes) x 1440. Not a test.

#include "clock.h"
#include "healthsnapshot.h"
#include "httpconnection.h"
#include "latencyrecorder.h"
#include "processprobe.h"
#include "serverprocess.h"
#include "sync.pb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder::bench;
namespace pb = tableorder::sync::v1;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Options
{
    QString centralBin;
    QString db;
    QString workDir;
    QString psqlUrl; // where the health tables are measured (empty: no storage figures)
    QString tablesLike = u"health"_s;
    qint64 pgPid = 0;
    int stores = 1000;
    int minutes = 60;
    int realtimeMinutes = 3;
    int connections = 50;
    int chartDays = 7;
    int chartRequests = 50;
};

constexpr qint64 minuteMs = 60'000;
constexpr double minutesPerDay = 1440;

struct Store
{
    qint64 id = 0;
    QByteArray key;
    qint64 nextSnapshotId = 1;
};

/// One request, waited for (setup and the timed chart requests).
HttpResult exchange(HttpConnection &c, const QByteArray &method, const QByteArray &path,
    const QByteArray &body = {}, int timeoutMs = 60'000)
{
    HttpResult result;
    bool done = false;
    QEventLoop loop;
    c.request(method, path, body, 0, true, [&](const HttpResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    return result;
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

pb::HealthSnapshot snapshot(qint64 id, const QDateTime &at, QRandomGenerator &random)
{
    return healthSnapshot(id, at, random, "fleet-load");
}

QByteArray uploadBody(const QList<pb::HealthSnapshot> &snapshots)
{
    pb::UploadRequest request;
    request.set_edge_version("fleet-load");
    for (const auto &s : snapshots)
        *request.add_health() = s;
    return QByteArray::fromStdString(request.SerializeAsString());
}

/// Central (and the database server's) CPU between two points.
struct CpuMeter
{
    qint64 centralPid = 0;
    qint64 pgPid = 0;
    double central = 0;
    double database = 0;

    void begin()
    {
        central = processCpuSeconds(centralPid);
        database = pgPid ? processCpuSeconds(pgPid, true) : 0;
    }
    void end()
    {
        central = processCpuSeconds(centralPid) - central;
        database = pgPid ? processCpuSeconds(pgPid, true) - database : 0;
    }
};

/// Sizes of the health tables (pg_total_relation_size: heap, TOAST and indexes), by name.
QList<std::pair<QString, qint64>> tableSizes(const Options &o)
{
    QList<std::pair<QString, qint64>> sizes;
    if (o.psqlUrl.isEmpty())
        return sizes;
    QProcess psql;
    psql.start(u"psql"_s,
        { u"-At"_s, u"-F"_s, u"|"_s, o.psqlUrl, u"-c"_s,
            u"SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind IN "
            "('r','p') AND relname ~ '%1' ORDER BY 1"_s.arg(o.tablesLike) });
    if (!psql.waitForFinished(60'000) || psql.exitCode() != 0) {
        out() << "psql: " << psql.readAllStandardError() << Qt::endl;
        return sizes;
    }
    for (const QByteArray &line : psql.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> cells = line.split('|');
        if (cells.size() == 2)
            sizes.append({ QString::fromUtf8(cells.at(0)), cells.at(1).toLongLong() });
    }
    return sizes;
}

qint64 total(const QList<std::pair<QString, qint64>> &sizes)
{
    qint64 sum = 0;
    for (const auto &entry : sizes)
        sum += entry.second;
    return sum;
}

QJsonObject latencyJson(const LatencyRecorder &r)
{
    return { { u"count"_s, r.count() }, { u"p50_ms"_s, r.percentileNs(50) / 1e6 },
        { u"p95_ms"_s, r.percentileNs(95) / 1e6 }, { u"p99_ms"_s, r.percentileNs(99) / 1e6 },
        { u"max_ms"_s, r.maxNs() / 1e6 } };
}

class FleetLoad
{
public:
    explicit FleetLoad(Options o)
        : m_o(std::move(o))
    {
    }

    int run()
    {
        if (!startCentral() || !registerStores())
            return 1;
        const int chartStore = m_stores.size() - 1; // registered last, kept out of 2 and 3
        QJsonObject result { { u"stores"_s, m_o.stores } };
        result.insert(u"compressed"_s, compressed());
        result.insert(u"realtime"_s, realtime());
        result.insert(u"chart"_s, chart(m_stores[chartStore]));
        out() << "RESULT " << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return m_errors ? 1 : 0;
    }

private:
    bool startCentral()
    {
        m_central = std::make_unique<ServerProcess>(m_o.centralBin,
            QStringList { u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, m_o.db, u"--secret-file"_s,
                QDir(m_o.workDir).filePath(u"central-secret"_s), u"--demo"_s,
                u"--no-rate-limit"_s });
        m_port = m_central->start("central");
        m_cpu.centralPid = m_central->pid();
        m_cpu.pgPid = m_o.pgPid;
        return m_port != 0;
    }

    bool registerStores()
    {
        HttpConnection hq(u"127.0.0.1"_s, m_port);
        const HttpResult login = exchange(hq, "POST", "/api/v1/auth/login",
            R"({"username":"hq","password":"hq"})");
        m_hqToken
            = QJsonDocument::fromJson(login.body).object().value(u"token"_s).toString().toLatin1();
        if (m_hqToken.isEmpty()) {
            out() << "login failed: " << login.status << ' ' << login.body << Qt::endl;
            return false;
        }
        hq.setBearerToken(m_hqToken);
        const qint64 started = nowNs();
        for (int i = 0; i <= m_o.stores; ++i) {
            const QString name = i < m_o.stores ? u"Fleet %1"_s.arg(i + 1) : u"Chart store"_s;
            const HttpResult r = exchange(hq, "POST", "/api/v1/stores",
                QJsonDocument(QJsonObject { { u"name"_s, name }, { u"timezone"_s, u"Asia/Seoul"_s } })
                    .toJson(QJsonDocument::Compact));
            const QJsonObject store = QJsonDocument::fromJson(r.body).object();
            if (r.status != 201) {
                out() << "register store: " << r.status << ' ' << r.body << Qt::endl;
                return false;
            }
            m_stores.append({ store.value(u"id"_s).toInteger(),
                store.value(u"store_key"_s).toString().toLatin1() });
        }
        out() << QString::asprintf("registered %d stores in %.1f s", m_o.stores + 1,
                     (nowNs() - started) / 1e9)
              << Qt::endl;
        return true;
    }

    std::vector<std::unique_ptr<HttpConnection>> connections()
    {
        std::vector<std::unique_ptr<HttpConnection>> list;
        for (int i = 0; i < m_o.connections; ++i) {
            list.push_back(std::make_unique<HttpConnection>(u"127.0.0.1"_s, m_port));
            list.back()->setContentType("application/x-protobuf");
        }
        return list;
    }

    /// Sends one store's snapshots on a connection; the callback gets the result.
    void upload(HttpConnection &c, Store &store, const QList<pb::HealthSnapshot> &snapshots,
        qint64 intendedNs, std::function<void(const HttpResult &)> done)
    {
        c.setBearerToken(store.key); // the request is framed now, so sharing c is fine
        c.request("POST", "/sync/v1/events", uploadBody(snapshots), intendedNs, true,
            [this, done = std::move(done)](const HttpResult &r) {
                if (r.status != 200 && ++m_errors <= 5)
                    out() << "upload: " << r.status << ' ' << r.body.left(200) << Qt::endl;
                done(r);
            });
    }

    QJsonObject compressed()
    {
        const qint64 uploads = qint64(m_o.stores) * m_o.minutes;
        // Whole minutes in the recent past, ending two minutes ago, so real time follows on.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(
            (now.toMSecsSinceEpoch() / minuteMs - m_o.minutes - 2) * minuteMs, Qt::UTC);
        out() << "compressed: " << m_o.stores << " stores x " << m_o.minutes
              << " simulated minutes from " << first.toString(Qt::ISODate) << ", "
              << m_o.connections << " connections" << Qt::endl;
        const auto sizesBefore = tableSizes(m_o);
        auto pool = connections();
        LatencyRecorder latency;
        QRandomGenerator random(1);
        qint64 next = 0;
        qint64 finished = 0;
        QEventLoop loop;
        // Minute by minute across the fleet, like the real thing; closed loop per connection.
        std::function<void(HttpConnection &)> pump = [&](HttpConnection &c) {
            if (next >= uploads)
                return;
            const qint64 n = next++;
            Store &store = m_stores[int(n % m_o.stores)];
            const QDateTime at = first.addMSecs((n / m_o.stores) * minuteMs);
            upload(c, store, { snapshot(store.nextSnapshotId++, at, random) }, 0,
                [&](const HttpResult &r) {
                    latency.add(r.doneNs - r.sentNs);
                    if (++finished == uploads)
                        loop.quit();
                    pump(c);
                });
        };
        m_cpu.begin();
        const qint64 started = nowNs();
        for (auto &c : pool)
            pump(*c);
        QTimer::singleShot(30 * 60'000, &loop, &QEventLoop::quit); // bound: half an hour
        if (finished < uploads)
            loop.exec();
        const double elapsed = (nowNs() - started) / 1e9;
        m_cpu.end();
        // Roll-ups and the rest of the writes settle before the tables are measured.
        wait(3000);
        const auto sizesAfter = tableSizes(m_o);
        const double storeDays = m_o.stores * m_o.minutes / minutesPerDay;
        const double growth = double(total(sizesAfter) - total(sizesBefore));
        QJsonObject tables;
        for (const auto &[name, size] : sizesAfter) {
            qint64 before = 0;
            for (const auto &[n, s] : sizesBefore)
                before = n == name ? s : before;
            tables.insert(name, size - before);
        }
        out() << QString::asprintf(
            "compressed: %lld uploads in %.1f s (%.0f/s), latency %s; CPU central %.1f s, "
            "database %.1f s = %.2f + %.2f CPU s per store per day; health tables +%.1f MB = "
            "%.0f KiB per store per day; %lld errors",
            finished, elapsed, finished / elapsed, qPrintable(latency.summary()), m_cpu.central,
            m_cpu.database, m_cpu.central / storeDays, m_cpu.database / storeDays, growth / 1e6,
            growth / storeDays / 1024, m_errors)
              << Qt::endl;
        for (const auto &[name, size] : sizesAfter)
            out() << "  " << name << ": " << size << " bytes (+" << tables.value(name).toInteger()
                  << ")" << Qt::endl;
        return { { u"uploads"_s, finished }, { u"seconds"_s, elapsed },
            { u"uploads_per_s"_s, finished / elapsed }, { u"latency"_s, latencyJson(latency) },
            { u"central_cpu_s_per_store_day"_s, m_cpu.central / storeDays },
            { u"database_cpu_s_per_store_day"_s, m_cpu.database / storeDays },
            { u"storage_bytes_per_store_day"_s, growth / storeDays }, { u"tables"_s, tables },
            { u"errors"_s, m_errors } };
    }

    QJsonObject realtime()
    {
        if (m_o.realtimeMinutes <= 0)
            return {};
        out() << "real time: " << m_o.stores << " stores, one snapshot a minute each for "
              << m_o.realtimeMinutes << " minutes" << Qt::endl;
        const auto sizesBefore = tableSizes(m_o);
        auto pool = connections();
        LatencyRecorder latency;
        QRandomGenerator random(2);
        const qint64 uploads = qint64(m_o.stores) * m_o.realtimeMinutes;
        const qint64 spacingNs = minuteMs * 1'000'000 / m_o.stores;
        qint64 next = 0;
        qint64 finished = 0;
        QEventLoop loop;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        m_cpu.begin();
        const qint64 started = nowNs();
        // Store i uploads at i x spacing into every minute; requests queue on their connection
        // with their intended time, so latency includes any wait for the one before.
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = nowNs();
            while (next < uploads && started + next * spacingNs <= now) {
                const qint64 n = next++;
                Store &store = m_stores[int(n % m_o.stores)];
                upload(*pool[size_t(n % m_o.connections)], store,
                    { snapshot(store.nextSnapshotId++, QDateTime::currentDateTimeUtc(), random) },
                    started + n * spacingNs, [&](const HttpResult &r) {
                        latency.add(r.doneNs - r.intendedNs);
                        if (++finished == uploads)
                            loop.quit();
                    });
            }
        });
        ticker.start(5);
        QTimer::singleShot((m_o.realtimeMinutes + 2) * minuteMs, &loop, &QEventLoop::quit);
        loop.exec();
        ticker.stop();
        const double elapsed = (nowNs() - started) / 1e9;
        m_cpu.end();
        wait(3000);
        const double storeDays = m_o.stores * m_o.realtimeMinutes / minutesPerDay;
        const double growth = double(total(tableSizes(m_o)) - total(sizesBefore));
        out() << QString::asprintf(
            "real time: %lld uploads in %.1f s, latency %s; CPU central %.1f s (%.1f%% of a "
            "core), database %.1f s = %.2f + %.2f CPU s per store per day; health tables "
            "+%.1f MB = %.0f KiB per store per day",
            finished, elapsed, qPrintable(latency.summary()), m_cpu.central,
            100 * m_cpu.central / elapsed, m_cpu.database, m_cpu.central / storeDays,
            m_cpu.database / storeDays, growth / 1e6, growth / storeDays / 1024)
              << Qt::endl;
        return { { u"uploads"_s, finished }, { u"seconds"_s, elapsed },
            { u"latency"_s, latencyJson(latency) },
            { u"central_cpu_pct"_s, 100 * m_cpu.central / elapsed },
            { u"database_cpu_pct"_s, 100 * m_cpu.database / elapsed },
            { u"central_cpu_s_per_store_day"_s, m_cpu.central / storeDays },
            { u"database_cpu_s_per_store_day"_s, m_cpu.database / storeDays },
            { u"storage_bytes_per_store_day"_s, growth / storeDays } };
    }

    QJsonObject chart(Store &store)
    {
        const qint64 minutes = qint64(m_o.chartDays) * 1440;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        const qint64 firstMs = (nowMs / minuteMs - minutes + 1) * minuteMs;
        out() << "chart: filling store " << store.id << " with " << minutes
              << " minute snapshots" << Qt::endl;
        HttpConnection c(u"127.0.0.1"_s, m_port);
        c.setContentType("application/x-protobuf");
        QRandomGenerator random(3);
        const qint64 started = nowNs();
        for (qint64 m = 0; m < minutes; m += 60) {
            QList<pb::HealthSnapshot> batch;
            for (qint64 k = m; k < std::min(minutes, m + 60); ++k)
                batch.append(snapshot(store.nextSnapshotId++,
                    QDateTime::fromMSecsSinceEpoch(firstMs + k * minuteMs, Qt::UTC), random));
            bool done = false;
            QEventLoop loop;
            upload(c, store, batch, 0, [&](const HttpResult &) {
                done = true;
                loop.quit();
            });
            if (!done)
                loop.exec();
        }
        out() << QString::asprintf("chart: filled in %.1f s", (nowNs() - started) / 1e9) << Qt::endl;
        wait(3000);

        HttpConnection hq(u"127.0.0.1"_s, m_port);
        hq.setBearerToken(m_hqToken);
        // Exactly what fleet.js asks for on the 7-day and the 24-hour (default) range, then
        // every series (per route too) per minute over 7 days, which no page asks for.
        const QByteArray dashboardNames = "http_p50_ms,http_p95_ms,http_p99_ms,kitchen_p50_ms,"
                                          "kitchen_p95_ms,kitchen_p99_ms,orders,"
                                          "unacknowledged_orders,tablets,kitchen_screens,"
                                          "cpu_percent,disk_free_percent,rss_bytes,sync_backlog,"
                                          "sync_lag_ms";
        QJsonObject result { { u"snapshots"_s, minutes } };
        struct Request
        {
            QString label;
            int days;
            QByteArray query;
        };
        const QList<Request> requests {
            { u"dashboard_7d"_s, m_o.chartDays, "&names=" + dashboardNames + "&resolution=auto" },
            { u"dashboard_24h"_s, 1, "&names=" + dashboardNames + "&resolution=auto" },
            { u"all_minute_7d"_s, m_o.chartDays, "&resolution=minute" },
        };
        for (const auto &[label, days, query] : requests) {
            LatencyRecorder latency;
            qint64 points = 0;
            qint64 bytes = 0;
            QByteArray resolution;
            for (int i = 0; i < m_o.chartRequests; ++i) {
                const QDateTime to = QDateTime::currentDateTimeUtc();
                const QByteArray path = "/api/v1/stores/" + QByteArray::number(store.id)
                    + "/metrics?from="
                    + to.addDays(-days).toString(Qt::ISODate).toLatin1()
                    + "&to=" + to.toString(Qt::ISODate).toLatin1() + query;
                const HttpResult r = exchange(hq, "GET", path);
                if (r.status != 200) {
                    ++m_errors;
                    out() << "metrics: " << r.status << ' ' << r.body.left(200) << Qt::endl;
                    break;
                }
                latency.add(r.doneNs - r.sentNs);
                if (i == 0) {
                    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
                    resolution = body.value(u"resolution"_s).toString().toLatin1();
                    for (const QJsonValue &s : body.value(u"series"_s).toArray())
                        points += s.toObject().value(u"points"_s).toArray().size();
                    bytes = r.body.size();
                }
            }
            out() << QString::asprintf("chart %s: %s resolution, %lld points, %lld KiB; %s",
                         qPrintable(label), resolution.constData(), points, bytes / 1024,
                         qPrintable(latency.summary()))
                  << Qt::endl;
            QJsonObject entry = latencyJson(latency);
            entry.insert(u"resolution"_s, QString::fromLatin1(resolution));
            entry.insert(u"points"_s, points);
            entry.insert(u"bytes"_s, bytes);
            result.insert(label, entry);
        }
        return result;
    }

    Options m_o;
    std::unique_ptr<ServerProcess> m_central;
    quint16 m_port = 0;
    QByteArray m_hqToken;
    QList<Store> m_stores;
    CpuMeter m_cpu;
    qint64 m_errors = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fleet observability load on central."_s);
    parser.addHelpOption();
    parser.addOptions({
        { u"central-bin"_s, u"tableorder-central binary."_s, u"PATH"_s },
        { u"db"_s, u"Central database: postgresql://... or sqlite:PATH."_s, u"URL"_s },
        { u"work-dir"_s, u"Directory for central's secret."_s, u"DIR"_s },
        { u"pg-pid"_s, u"PostgreSQL postmaster pid, to account its CPU."_s, u"PID"_s },
        { u"psql"_s, u"Connection URL psql measures the health tables on."_s, u"URL"_s },
        { u"tables-like"_s, u"Regex of the health tables' names (default health)."_s, u"RE"_s },
        { u"stores"_s, u"Simulated stores (default 1000)."_s, u"N"_s },
        { u"minutes"_s, u"Simulated minutes in the compressed run (default 60)."_s, u"N"_s },
        { u"realtime-minutes"_s, u"Minutes of the real-time run (default 3; 0 skips)."_s,
            u"N"_s },
        { u"connections"_s, u"Connections the uploads share (default 50)."_s, u"N"_s },
        { u"chart-days"_s, u"Days of snapshots for the chart store (default 7)."_s, u"N"_s },
        { u"chart-requests"_s, u"Timed chart requests (default 50)."_s, u"N"_s },
    });
    parser.process(app);
    Options o;
    o.centralBin = parser.value(u"central-bin"_s);
    o.db = parser.value(u"db"_s);
    o.pgPid = parser.value(u"pg-pid"_s).toLongLong();
    o.psqlUrl = parser.value(u"psql"_s);
    if (parser.isSet(u"tables-like"_s))
        o.tablesLike = parser.value(u"tables-like"_s);
    QTemporaryDir temp;
    o.workDir = parser.isSet(u"work-dir"_s) ? parser.value(u"work-dir"_s) : temp.path();
    QDir().mkpath(o.workDir);
    auto intOption = [&](const QString &name, int &value, int low, int high) {
        if (parser.isSet(name))
            value = std::clamp(parser.value(name).toInt(), low, high);
    };
    intOption(u"stores"_s, o.stores, 1, 100'000);
    intOption(u"minutes"_s, o.minutes, 1, 7 * 1440);
    intOption(u"realtime-minutes"_s, o.realtimeMinutes, 0, 60);
    intOption(u"connections"_s, o.connections, 1, 500);
    intOption(u"chart-days"_s, o.chartDays, 1, 7);
    intOption(u"chart-requests"_s, o.chartRequests, 1, 10'000);
    if (o.centralBin.isEmpty() || o.db.isEmpty()) {
        out() << parser.helpText() << Qt::endl;
        return 2;
    }
    return FleetLoad(o).run();
}
