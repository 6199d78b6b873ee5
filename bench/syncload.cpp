// tableorder-sync-load: load on the edge -> central sync path, with real processes and
// real protobuf over HTTP. Modes:
//   ingest  many simulated edges (one store key each) upload full batches as fast as central
//           takes them: sustained events/s, client batch latency, central's apply histogram.
//   lag     100 simulated stores each ordering twice a second, uploading like the edge does
//           (at once when idle, else everything pending when the last upload returns): the
//           time from an order to central's acknowledgement (sync lag).
//   drain   a real tableorder-edge takes N orders while central is down, then central comes
//           up: how long the backlog takes to drain.
// It starts tableorder-central itself (and the edge for drain); see bench/run-sync-bench.sh.

#include "processprobe.h"
#include "serverprocess.h"
#include "sync.pb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;
namespace pb = tableorder::sync::v1;
using tableorder::bench::processCpuSeconds;
using tableorder::bench::ServerProcess;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 nowNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

/// One keep-alive HTTP/1.1 connection, one request at a time, Content-Length framing.
class Connection : public QObject
{
public:
    struct Response
    {
        int status = 0;
        QByteArray headers;
        QByteArray body;
    };
    using Done = std::function<void(const Response &)>;

    explicit Connection(quint16 port, QObject *parent = nullptr)
        : QObject(parent)
        , m_port(port)
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(&m_socket, &QTcpSocket::connected, this, [this] {
            if (!m_wire.isEmpty())
                m_socket.write(std::exchange(m_wire, {}));
        });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { fail(); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { fail(); });
    }

    void send(const QByteArray &method, const QByteArray &path, const QByteArray &token,
        const QByteArray &contentType, const QByteArray &body, Done done)
    {
        Q_ASSERT(!m_done);
        m_done = std::move(done);
        m_buffer.clear();
        QByteArray wire = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty())
            wire += "Authorization: Bearer " + token + "\r\n";
        if (!contentType.isEmpty())
            wire += "Content-Type: " + contentType + "\r\n";
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        if (m_socket.state() == QAbstractSocket::ConnectedState) {
            m_socket.write(wire);
        } else {
            m_wire = wire;
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                m_socket.connectToHost(u"127.0.0.1"_s, m_port);
        }
    }

    /// The same, waiting for the answer (for setup calls).
    Response exchange(const QByteArray &method, const QByteArray &path, const QByteArray &token,
        const QByteArray &contentType, const QByteArray &body, int timeoutMs = 30'000)
    {
        Response result;
        QEventLoop loop;
        bool finished = false;
        send(method, path, token, contentType, body, [&](const Response &r) {
            result = r;
            finished = true;
            loop.quit();
        });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (!finished)
            loop.exec();
        if (!finished) {
            m_done = nullptr;
            m_socket.abort();
        }
        return result;
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || !m_done)
            return;
        const QByteArray head = m_buffer.first(end);
        qint64 length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.sliced(15).trimmed().toLongLong();
        }
        if (m_buffer.size() < end + 4 + length)
            return;
        Response r;
        r.status = head.split(' ').value(1).toInt();
        r.headers = head;
        r.body = m_buffer.sliced(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        std::exchange(m_done, nullptr)(r);
    }

    void fail()
    {
        m_wire.clear();
        if (m_done)
            std::exchange(m_done, nullptr)(Response {});
    }

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_wire;
    Done m_done;
};

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

double selfCpuSeconds()
{
    return processCpuSeconds(QCoreApplication::applicationPid());
}

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    qsizetype count = 0;
};

Percentiles percentiles(QList<double> values)
{
    Percentiles p;
    p.count = values.size();
    if (values.isEmpty())
        return p;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) {
        return values.at(
            std::min<qsizetype>(values.size() - 1, qsizetype(q * double(values.size()))));
    };
    p.p50 = at(0.50);
    p.p99 = at(0.99);
    p.max = values.last();
    return p;
}

/// A Prometheus histogram's cumulative buckets {le -> count}.
QList<std::pair<double, double>> histogram(const QByteArray &page, const QByteArray &name)
{
    QMap<double, double> buckets;
    static const QRegularExpression le(u"le=\"([^\"]+)\""_s);
    for (const QByteArray &line : page.split('\n')) {
        if (!line.startsWith(QByteArray(name + "_bucket")))
            continue;
        const auto match = le.match(QString::fromUtf8(line));
        const double bound
            = match.captured(1) == u"+Inf"_s ? INFINITY : match.captured(1).toDouble();
        buckets[bound] += line.sliced(line.lastIndexOf(' ') + 1).toDouble();
    }
    QList<std::pair<double, double>> list;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
        list.append({ it.key(), it.value() });
    return list;
}

/// The q-quantile of the observations between two scrapes, interpolated within its bucket.
double histogramQuantile(const QList<std::pair<double, double>> &before,
    const QList<std::pair<double, double>> &after, double q)
{
    QList<std::pair<double, double>> delta;
    for (qsizetype i = 0; i < after.size(); ++i)
        delta.append({ after.at(i).first,
            after.at(i).second - (i < before.size() ? before.at(i).second : 0) });
    if (delta.isEmpty() || delta.last().second <= 0)
        return 0;
    const double rank = q * delta.last().second;
    double lower = 0;
    double lowerCount = 0;
    for (const auto &[bound, count] : delta) {
        if (count >= rank) {
            if (std::isinf(bound))
                return lower;
            return lower
                + (bound - lower) * (rank - lowerCount) / std::max(1.0, count - lowerCount);
        }
        lower = bound;
        lowerCount = count;
    }
    return lower;
}

double metric(const QByteArray &page, const QByteArray &name)
{
    double sum = 0;
    for (const QByteArray &line : page.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')) || line.startsWith(QByteArray(name + '{')))
            sum += line.sliced(line.lastIndexOf(' ') + 1).toDouble();
    }
    return sum;
}

/// order.created payloads shaped like the edge's (1 to 4 lines of a 30-item menu).
class OrderFactory
{
public:
    explicit OrderFactory(quint32 seed)
        : m_random(seed)
    {
    }

    QByteArray orderJson(qint64 id)
    {
        static const char *names[] = { "김치찌개", "된장찌개", "불고기", "비빔밥", "제육볶음",
            "냉면", "떡볶이", "순두부찌개" };
        const QByteArray now
            = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
        QByteArray items;
        qint64 total = 0;
        const int lines = 1 + int(m_random.bounded(4));
        for (int l = 0; l < lines; ++l) {
            const int item = int(m_random.bounded(8));
            const qint64 price = 6000 + 1000 * item;
            const int quantity = 1 + int(m_random.bounded(3));
            total += price * quantity;
            if (l)
                items += ',';
            items += "{\"menu_item_id\":" + QByteArray::number(item + 1) + ",\"name\":\""
                + names[item] + "\",\"unit_price\":" + QByteArray::number(price)
                + ",\"quantity\":" + QByteArray::number(quantity) + ",\"line_total\":"
                + QByteArray::number(price * quantity) + ",\"station\":\"kitchen\"}";
        }
        const int table = 1 + int(id % 20);
        return "{\"id\":" + QByteArray::number(id) + ",\"number\":" + QByteArray::number(id)
            + ",\"business_date\":\"" + m_date + "\",\"session_id\":" + QByteArray::number(table)
            + ",\"table_id\":" + QByteArray::number(table) + ",\"table_number\":"
            + QByteArray::number(table) + ",\"status\":\"pending\",\"total\":"
            + QByteArray::number(total) + ",\"note\":\"\",\"client_order_id\":\""
            + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\",\"created_at\":\"" + now
            + "\",\"updated_at\":\"" + now + "\",\"items\":[" + items + "]}";
    }

    void addEvent(pb::UploadRequest &request, qint64 seq)
    {
        auto *e = request.add_events();
        e->set_event_id(QUuid::createUuid().toByteArray(QUuid::WithoutBraces).toStdString());
        e->set_seq(seq);
        e->set_schema_version(1);
        e->set_type("order.created");
        e->set_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
        e->set_table_id(1 + seq % 20);
        e->set_data_json(orderJson(seq).toStdString());
    }

private:
    QRandomGenerator m_random;
    QByteArray m_date = QDate::currentDate().toString(Qt::ISODate).toLatin1();
};

struct Options
{
    QString mode;
    QString centralBin;
    QString edgeBin;
    QString db;
    QString workDir;
    QString label;
    qint64 pgPid = 0;
    int stores = 50;
    int batch = 500;
    int seconds = 20;
    int warmup = 3;
    double rate = 2;
    int orders = 10'000;
    int maxBackoffMs = 1000;
    bool ackAlerts = false;
};

/// Starts central with --demo and logs in as the demo HQ admin.
struct Central
{
    static inline const QByteArray kMetricsToken = QByteArrayLiteral("bench-metrics-scrape-token");
    std::unique_ptr<ServerProcess> server;
    quint16 port = 0;
    QByteArray hqToken;

    bool start(const Options &o, quint16 wantedPort = 0)
    {
        const QString secret = QDir(o.workDir).filePath(u"central-secret"_s);
        // /metrics needs a scrape token.
        const QString tokenFile = QDir(o.workDir).filePath(u"metrics-token"_s);
        QFile file(tokenFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(kMetricsToken) < 0)
            return false;
        file.close();
        server = std::make_unique<ServerProcess>(o.centralBin,
            QStringList { u"--listen"_s, u"127.0.0.1:%1"_s.arg(wantedPort), u"--db"_s, o.db,
                u"--secret-file"_s, secret, u"--demo"_s, u"--no-rate-limit"_s,
                u"--metrics-token-file"_s, tokenFile });
        port = server->start("central");
        return port != 0;
    }
    bool login()
    {
        Connection c(port);
        const auto r = c.exchange("POST", "/api/v1/auth/login", {}, "application/json",
            R"({"username":"hq","password":"hq"})");
        hqToken = QJsonDocument::fromJson(r.body).object().value(u"token"_s).toString().toLatin1();
        return !hqToken.isEmpty();
    }
    /// Registers `count` stores; their (id, key).
    QList<std::pair<qint64, QByteArray>> registerStores(int count, const QString &prefix)
    {
        QList<std::pair<qint64, QByteArray>> stores;
        Connection c(port);
        for (int i = 0; i < count; ++i) {
            const auto r = c.exchange("POST", "/api/v1/stores", hqToken, "application/json",
                QJsonDocument(QJsonObject { { u"name"_s, u"%1 %2"_s.arg(prefix).arg(i + 1) },
                                  { u"timezone"_s, u"Asia/Seoul"_s } })
                    .toJson(QJsonDocument::Compact));
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            if (r.status != 201) {
                out() << "register store: " << r.status << ' ' << r.body << Qt::endl;
                return {};
            }
            stores.append(
                { o.value(u"id"_s).toInteger(), o.value(u"store_key"_s).toString().toLatin1() });
        }
        return stores;
    }
    QByteArray metrics()
    {
        Connection c(port);
        return c.exchange("GET", "/metrics", kMetricsToken, {}, {}).body;
    }
};

void printResult(const Options &o, QJsonObject result)
{
    result.insert(u"mode"_s, o.mode);
    result.insert(u"db"_s,
        o.label.isEmpty() ? (o.db.startsWith(u"sqlite:"_s) ? u"sqlite"_s : u"postgresql"_s)
                          : o.label);
    out() << "RESULT " << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
}

/// One simulated edge: consecutive seqs, uploads as the edge does.
struct SimulatedStore
{
    qint64 id = 0;
    QByteArray key;
    std::unique_ptr<Connection> connection;
    std::unique_ptr<OrderFactory> orders;
    qint64 nextSeq = 1; // next seq to create
    qint64 acked = 0; // central's applied seq
    bool inFlight = false;
    QList<qint64> createdNs; // lag mode: creation time of seq acked+1+i
};

int runIngest(const Options &o)
{
    Central central;
    if (!central.start(o) || !central.login())
        return 1;
    auto keys = central.registerStores(o.stores, u"ingest"_s);
    if (keys.size() != o.stores)
        return 1;
    out() << "ingest: " << o.stores << " stores, batches of " << o.batch << ", " << o.seconds
          << " s on " << o.db << Qt::endl;

    QList<std::shared_ptr<SimulatedStore>> stores;
    for (int i = 0; i < keys.size(); ++i) {
        auto s = std::make_shared<SimulatedStore>();
        s->id = keys.at(i).first;
        s->key = keys.at(i).second;
        s->connection = std::make_unique<Connection>(central.port);
        s->orders = std::make_unique<OrderFactory>(quint32(i + 1));
        stores.append(s);
    }
    bool measuring = false;
    bool running = true;
    qint64 events = 0;
    qint64 errors = 0;
    QList<double> latencies; // ms
    std::function<void(std::shared_ptr<SimulatedStore>)> pump =
        [&](std::shared_ptr<SimulatedStore> s) {
            if (!running)
                return;
            pb::UploadRequest request;
            for (int i = 0; i < o.batch; ++i)
                s->orders->addEvent(request, s->acked + 1 + i);
            request.set_backlog(o.batch);
            request.set_last_seq(s->acked + o.batch);
            request.set_edge_version("sync-load");
            const QByteArray body = QByteArray::fromStdString(request.SerializeAsString());
            const qint64 sent = nowNs();
            s->connection->send("POST", "/sync/v1/events", s->key, "application/x-protobuf", body,
                [&, s, sent](const Connection::Response &r) {
                    pb::UploadResponse response;
                    if (r.status == 200
                        && response.ParseFromArray(r.body.constData(), int(r.body.size()))) {
                        if (measuring) {
                            events += response.applied_seq() - s->acked;
                            latencies.append((nowNs() - sent) / 1e6);
                        }
                        s->acked = response.applied_seq();
                        QTimer::singleShot(0, [&, s] { pump(s); });
                    } else {
                        ++errors;
                        if (errors < 5)
                            out() << "upload: " << r.status << ' ' << r.body.left(200) << Qt::endl;
                        QTimer::singleShot(200, [&, s] { pump(s); });
                    }
                });
        };
    for (const auto &s : stores)
        pump(s);

    QEventLoop loop;
    QByteArray metricsBefore;
    double centralCpu = 0;
    double dbCpu = 0;
    double selfCpu = 0;
    qint64 started = 0;
    QTimer::singleShot(o.warmup * 1000, [&] {
        metricsBefore = central.metrics();
        centralCpu = processCpuSeconds(central.server->pid());
        dbCpu = o.pgPid ? processCpuSeconds(o.pgPid, true) : 0;
        selfCpu = selfCpuSeconds();
        started = nowNs();
        measuring = true;
        QTimer::singleShot(o.seconds * 1000, &loop, &QEventLoop::quit);
    });
    loop.exec();
    measuring = false;
    running = false;
    const double elapsed = (nowNs() - started) / 1e9;
    centralCpu = processCpuSeconds(central.server->pid()) - centralCpu;
    dbCpu = o.pgPid ? processCpuSeconds(o.pgPid, true) - dbCpu : 0;
    selfCpu = selfCpuSeconds() - selfCpu;
    // Let in-flight batches finish before scraping.
    QEventLoop settle;
    QTimer::singleShot(2000, &settle, &QEventLoop::quit);
    settle.exec();
    const QByteArray metricsAfter = central.metrics();
    const auto before = histogram(metricsBefore, "tableorder_central_batch_apply_seconds");
    const auto after = histogram(metricsAfter, "tableorder_central_batch_apply_seconds");
    const Percentiles client = percentiles(latencies);
    const double rate = events / elapsed;
    out() << QString::asprintf(
        "ingested %lld events in %.1f s: %.0f events/s; %lld batches, client latency p50 %.1f ms "
        "p99 %.1f ms; central apply p50 %.1f ms p99 %.1f ms (histogram); CPU: central %.0f%%, "
        "database %.0f%%, load generator %.0f%%; %lld errors",
        events, elapsed, rate, qint64(client.count), client.p50, client.p99,
        histogramQuantile(before, after, 0.5) * 1000, histogramQuantile(before, after, 0.99) * 1000,
        100 * centralCpu / elapsed, 100 * dbCpu / elapsed, 100 * selfCpu / elapsed, errors)
          << Qt::endl;
    printResult(o,
        { { u"stores"_s, o.stores }, { u"batch"_s, o.batch }, { u"seconds"_s, elapsed },
            { u"events_per_s"_s, std::round(rate) }, { u"client_p50_ms"_s, client.p50 },
            { u"client_p99_ms"_s, client.p99 },
            { u"apply_p50_ms"_s, histogramQuantile(before, after, 0.5) * 1000 },
            { u"apply_p99_ms"_s, histogramQuantile(before, after, 0.99) * 1000 },
            { u"central_cpu_pct"_s, std::round(100 * centralCpu / elapsed) },
            { u"db_cpu_pct"_s, std::round(100 * dbCpu / elapsed) },
            { u"loadgen_cpu_pct"_s, std::round(100 * selfCpu / elapsed) },
            { u"errors"_s, errors } });
    if (errors > 0)
        out() << "central log:\n" << central.server->log().right(3000) << Qt::endl;
    return errors > 0 && events == 0 ? 1 : 0;
}

int runLag(const Options &o)
{
    Central central;
    if (!central.start(o) || !central.login())
        return 1;
    auto keys = central.registerStores(o.stores, u"lag"_s);
    if (keys.size() != o.stores)
        return 1;
    out() << "lag: " << o.stores << " stores ordering " << o.rate << "/s each, " << o.seconds
          << " s on " << o.db << Qt::endl;

    bool measuring = false;
    qint64 errors = 0;
    QList<double> lags; // ms
    QList<double> batchSizes;
    QList<std::shared_ptr<SimulatedStore>> stores;
    std::function<void(std::shared_ptr<SimulatedStore>)> upload
        = [&](std::shared_ptr<SimulatedStore> s) {
              if (s->inFlight || s->nextSeq == s->acked + 1)
                  return;
              pb::UploadRequest request;
              const qint64 last = std::min(s->nextSeq - 1, s->acked + 500);
              for (qint64 seq = s->acked + 1; seq <= last; ++seq)
                  s->orders->addEvent(request, seq);
              request.set_backlog(s->nextSeq - 1 - s->acked);
              request.set_last_seq(s->nextSeq - 1);
              request.set_edge_version("sync-load");
              s->inFlight = true;
              if (measuring)
                  batchSizes.append(request.events_size());
              s->connection->send("POST", "/sync/v1/events", s->key, "application/x-protobuf",
                  QByteArray::fromStdString(request.SerializeAsString()),
                  [&, s](const Connection::Response &r) {
                      s->inFlight = false;
                      pb::UploadResponse response;
                      if (r.status != 200
                          || !response.ParseFromArray(r.body.constData(), int(r.body.size()))) {
                          ++errors;
                          QTimer::singleShot(500, [&, s] { upload(s); });
                          return;
                      }
                      const qint64 now = nowNs();
                      while (s->acked < response.applied_seq() && !s->createdNs.isEmpty()) {
                          const qint64 created = s->createdNs.takeFirst();
                          if (measuring && created > 0)
                              lags.append((now - created) / 1e6);
                          ++s->acked;
                      }
                      upload(s); // whatever piled up meanwhile
                  });
          };
    QList<QTimer *> timers;
    const int intervalMs = int(1000 / o.rate);
    for (int i = 0; i < keys.size(); ++i) {
        auto s = std::make_shared<SimulatedStore>();
        s->id = keys.at(i).first;
        s->key = keys.at(i).second;
        s->connection = std::make_unique<Connection>(central.port);
        s->orders = std::make_unique<OrderFactory>(quint32(i + 1));
        stores.append(s);
        auto *timer = new QTimer;
        timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(timer, &QTimer::timeout, [&, s] {
            // An order: the edge commits it to its log and uploads at once when idle.
            s->createdNs.append(measuring ? nowNs() : 0);
            ++s->nextSeq;
            upload(s);
        });
        timers.append(timer);
        // Stores do not order in lockstep.
        QTimer::singleShot(int(QRandomGenerator::global()->bounded(intervalMs)), timer,
            [timer, intervalMs] { timer->start(intervalMs); });
    }
    QEventLoop loop;
    double centralCpu = 0;
    qint64 started = 0;
    QByteArray metricsBefore;
    QTimer::singleShot(o.warmup * 1000, [&] {
        metricsBefore = central.metrics();
        centralCpu = processCpuSeconds(central.server->pid());
        started = nowNs();
        measuring = true;
        QTimer::singleShot(o.seconds * 1000, &loop, &QEventLoop::quit);
    });
    loop.exec();
    measuring = false;
    const double elapsed = (nowNs() - started) / 1e9;
    centralCpu = processCpuSeconds(central.server->pid()) - centralCpu;
    for (QTimer *t : timers)
        t->stop();
    QEventLoop settle;
    QTimer::singleShot(2000, &settle, &QEventLoop::quit);
    settle.exec();
    qDeleteAll(timers);
    const auto before = histogram(metricsBefore, "tableorder_central_batch_apply_seconds");
    const auto after = histogram(central.metrics(), "tableorder_central_batch_apply_seconds");
    const Percentiles lag = percentiles(lags);
    const Percentiles sizes = percentiles(batchSizes);
    out() << QString::asprintf(
        "%lld orders acknowledged in %.1f s (%.0f/s): sync lag p50 %.1f ms, p99 %.1f ms, max %.1f "
        "ms; "
        "batch size p50 %.0f p99 %.0f; central apply p99 %.2f ms; central CPU %.0f%%; %lld errors",
        qint64(lag.count), elapsed, lag.count / elapsed, lag.p50, lag.p99, lag.max, sizes.p50,
        sizes.p99, histogramQuantile(before, after, 0.99) * 1000, 100 * centralCpu / elapsed,
        errors)
          << Qt::endl;
    printResult(o,
        { { u"stores"_s, o.stores }, { u"rate_per_store"_s, o.rate }, { u"seconds"_s, elapsed },
            { u"orders"_s, qint64(lag.count) }, { u"lag_p50_ms"_s, lag.p50 },
            { u"lag_p99_ms"_s, lag.p99 }, { u"lag_max_ms"_s, lag.max },
            { u"apply_p99_ms"_s, histogramQuantile(before, after, 0.99) * 1000 },
            { u"central_cpu_pct"_s, std::round(100 * centralCpu / elapsed) },
            { u"errors"_s, errors } });
    return 0;
}

int runDrain(const Options &o)
{
    // Central up once to register the store, then down while the edge takes the orders.
    Central central;
    const quint16 port = freePort();
    if (!central.start(o, port) || !central.login())
        return 1;
    const auto keys = central.registerStores(1, u"drain"_s);
    if (keys.isEmpty())
        return 1;
    const qint64 storeId = keys.first().first;
    central.server->stop();

    const QString edgeDir = QDir(o.workDir).filePath(u"edge-drain"_s);
    QDir(edgeDir).removeRecursively();
    ServerProcess edge(o.edgeBin,
        { u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, edgeDir, u"--demo"_s,
            u"--no-rate-limit"_s, u"--central"_s, u"http://127.0.0.1:%1"_s.arg(port),
            u"--store-key"_s, QString::fromLatin1(keys.first().second) },
        { { u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s },
            { u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, QString::number(o.maxBackoffMs) },
            // Unless asked for, no "order not acknowledged" alerts: the backlog is the orders.
            { u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, o.ackAlerts ? u"10000"_s : u"3600000"_s },
            // Fresh gauges on /metrics (the backlog is read from there).
            { u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"500"_s } });
    const quint16 edgePort = edge.start("edge");
    if (!edgePort)
        return 1;

    Connection setup(edgePort);
    QList<QByteArray> tokens;
    for (int t = 1; t <= 12; ++t) {
        const auto r = setup.exchange("POST", "/api/v1/auth/table-login", {}, "application/json",
            QByteArray(R"({"table_number":)") + QByteArray::number(t) + R"(,"password":"0000"})");
        tokens.append(
            QJsonDocument::fromJson(r.body).object().value(u"token"_s).toString().toLatin1());
    }
    QList<qint64> items;
    const QJsonObject menu
        = QJsonDocument::fromJson(setup.exchange("GET", "/api/v1/menu", {}, {}, {}).body).object();
    for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
            items.append(i.toObject().value(u"id"_s).toInteger());
    }
    if (items.isEmpty() || tokens.contains(QByteArray())) {
        out() << "edge setup failed" << Qt::endl;
        return 1;
    }

    // The outage: N orders over 8 connections (tablets), all kept in the edge's outbox.
    out() << "drain: placing " << o.orders << " orders on the edge while central is down"
          << Qt::endl;
    QElapsedTimer placing;
    placing.start();
    int placed = 0;
    int failed = 0;
    int next = 0;
    QEventLoop placedLoop;
    QList<std::shared_ptr<Connection>> tablets;
    QRandomGenerator random(42);
    std::function<void(std::shared_ptr<Connection>)> placeNext
        = [&](std::shared_ptr<Connection> c) {
              if (next >= o.orders) {
                  if (placed + failed >= o.orders)
                      placedLoop.quit();
                  return;
              }
              const int n = next++;
              QByteArray lines;
              const int count = 1 + int(random.bounded(3));
              for (int l = 0; l < count; ++l)
                  lines += QByteArray(l ? "," : "") + R"({"menu_item_id":)"
                      + QByteArray::number(items.at(int(random.bounded(qsizetype(items.size())))))
                      + R"(,"quantity":)" + QByteArray::number(1 + random.bounded(3)) + "}";
              const QByteArray body = R"({"client_order_id":")"
                  + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + R"(","items":[)" + lines
                  + "]}";
              c->send("POST", "/api/v1/orders", tokens.at(n % tokens.size()), "application/json",
                  body, [&, c](const Connection::Response &r) {
                      if (r.status == 201) {
                          ++placed;
                      } else if (++failed < 5) {
                          out() << "order: " << r.status << ' ' << r.body.left(200) << Qt::endl;
                      }
                      placeNext(c);
                  });
          };
    for (int i = 0; i < 8; ++i) {
        tablets.append(std::make_shared<Connection>(edgePort));
        placeNext(tablets.last());
    }
    placedLoop.exec();
    out() << QString::asprintf(
        "placed %d orders in %.1f s (%d failed)", placed, placing.elapsed() / 1000.0, failed)
          << Qt::endl;

    auto edgeMetrics = [&] { return setup.exchange("GET", "/metrics", {}, {}, {}).body; };
    QEventLoop heartbeat; // the gauges refresh on the edge's sync heartbeat
    QTimer::singleShot(1500, &heartbeat, &QEventLoop::quit);
    heartbeat.exec();
    QByteArray page = edgeMetrics();
    const double backlog = metric(page, "tableorder_sync_backlog_events");
    const double ackedBefore = metric(page, "tableorder_sync_acked_seq");
    out() << "edge backlog: " << backlog << " events" << Qt::endl;

    // Central comes back; the clock runs from its "listening" line.
    if (!central.start(o, port))
        return 1;
    const qint64 up = nowNs();
    qint64 firstAck = 0;
    qint64 drained = 0;
    QDeadlineTimer deadline(600'000);
    while (!deadline.hasExpired()) {
        QEventLoop wait;
        QTimer::singleShot(20, &wait, &QEventLoop::quit);
        wait.exec();
        page = edgeMetrics();
        const double left = metric(page, "tableorder_sync_backlog_events");
        if (!firstAck && left < backlog)
            firstAck = nowNs();
        if (left == 0 && metric(page, "tableorder_sync_acked_seq") > 0) {
            drained = nowNs();
            break;
        }
    }
    if (!drained) {
        out() << "the backlog did not drain within 10 minutes" << Qt::endl;
        return 1;
    }
    if (!central.login())
        return 1;
    Connection hq(central.port);
    const QJsonObject store = QJsonDocument::fromJson(
        hq.exchange("GET", "/api/v1/stores/" + QByteArray::number(storeId), central.hqToken, {}, {})
            .body)
                                  .object();
    const double ackedSeq = metric(page, "tableorder_sync_acked_seq");
    const double events = ackedSeq - ackedBefore; // what this drain carried
    const double fromUp = (drained - up) / 1e9;
    const double fromFirst = firstAck ? (drained - firstAck) / 1e9 : fromUp;
    out() << QString::asprintf(
        "drained %.0f events: %.2f s after central was up (%.2f s from the first "
        "acknowledged batch; %.0f events/s); central applied_seq %lld, edge acked %.0f",
        events, fromUp, fromFirst, events / std::max(0.001, fromFirst),
        store.value(u"applied_seq"_s).toInteger(), ackedSeq)
          << Qt::endl;
    printResult(o,
        { { u"orders"_s, placed }, { u"events"_s, events }, { u"drain_s"_s, fromUp },
            { u"drain_from_first_ack_s"_s, fromFirst }, { u"max_backoff_ms"_s, o.maxBackoffMs },
            { u"events_per_s"_s, std::round(events / std::max(0.001, fromFirst)) },
            { u"consistent"_s, store.value(u"applied_seq"_s).toInteger() == qint64(ackedSeq) } });
    return store.value(u"applied_seq"_s).toInteger() == qint64(ackedSeq) ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Load on the edge -> central sync path."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"ingest, lag or drain"_s);
    parser.addOptions({
        { u"central-bin"_s, u"tableorder-central binary."_s, u"PATH"_s },
        { u"edge-bin"_s, u"tableorder-edge binary (drain)."_s, u"PATH"_s },
        { u"db"_s, u"Central database: sqlite:PATH or postgresql://..."_s, u"URL"_s },
        { u"work-dir"_s, u"Directory for central's secret and the edge's data."_s, u"DIR"_s },
        { u"pg-pid"_s, u"PostgreSQL postmaster pid, to account its CPU."_s, u"PID"_s },
        { u"label"_s, u"Name of the database setup in the results."_s, u"NAME"_s },
        { u"stores"_s, u"Simulated stores (default 50; lag 100)."_s, u"N"_s },
        { u"batch"_s, u"Events per upload in ingest (default 500)."_s, u"N"_s },
        { u"seconds"_s, u"Measured duration (default 20)."_s, u"S"_s },
        { u"warmup"_s, u"Seconds before measuring (default 3)."_s, u"S"_s },
        { u"rate"_s, u"Orders per second per store in lag (default 2)."_s, u"R"_s },
        { u"orders"_s, u"Orders in the drain backlog (default 10000)."_s, u"N"_s },
        { u"max-backoff-ms"_s, u"The edge's retry cap in drain (default 1000)."_s, u"MS"_s },
        { u"ack-alerts"_s, u"drain: keep the edge's unacknowledged-order alerts."_s },
    });
    parser.process(app);
    Options o;
    o.mode = parser.positionalArguments().value(0);
    o.centralBin = parser.value(u"central-bin"_s);
    o.edgeBin = parser.value(u"edge-bin"_s);
    o.db = parser.value(u"db"_s);
    o.label = parser.value(u"label"_s);
    o.pgPid = parser.value(u"pg-pid"_s).toLongLong();
    QTemporaryDir temp;
    o.workDir = parser.isSet(u"work-dir"_s) ? parser.value(u"work-dir"_s) : temp.path();
    QDir().mkpath(o.workDir);
    if (o.mode == u"lag"_s)
        o.stores = 100;
    if (parser.isSet(u"stores"_s))
        o.stores = parser.value(u"stores"_s).toInt();
    if (parser.isSet(u"batch"_s))
        o.batch = std::clamp(parser.value(u"batch"_s).toInt(), 1, 500);
    if (parser.isSet(u"seconds"_s))
        o.seconds = parser.value(u"seconds"_s).toInt();
    if (parser.isSet(u"warmup"_s))
        o.warmup = parser.value(u"warmup"_s).toInt();
    if (parser.isSet(u"rate"_s))
        o.rate = parser.value(u"rate"_s).toDouble();
    if (parser.isSet(u"orders"_s))
        o.orders = parser.value(u"orders"_s).toInt();
    o.ackAlerts = parser.isSet(u"ack-alerts"_s);
    if (parser.isSet(u"max-backoff-ms"_s))
        o.maxBackoffMs = parser.value(u"max-backoff-ms"_s).toInt();
    if (o.centralBin.isEmpty() || o.db.isEmpty() || (o.mode == u"drain"_s && o.edgeBin.isEmpty())) {
        out() << parser.helpText() << Qt::endl;
        return 2;
    }
    if (o.mode == u"ingest"_s)
        return runIngest(o);
    if (o.mode == u"lag"_s)
        return runLag(o);
    if (o.mode == u"drain"_s)
        return runDrain(o);
    out() << "unknown mode " << o.mode << Qt::endl;
    return 2;
}
