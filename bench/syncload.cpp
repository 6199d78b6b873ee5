// tableorder-sync-load: load on the edge -> central sync path, with real processes and
// real protobuf over HTTP. Modes:
//   ingest  many simulated edges (one store key each) upload full batches as fast as central
//           takes them: sustained events/s, client batch latency, central's apply histogram.
//   lag     100 simulated stores each ordering twice a second, uploading like the edge does
//           (at once when idle, else everything pending when the last upload returns): the
//           time from an order to central's acknowledgement (sync lag).
//   fleet   1,000 simulated stores each ordering once a second and sending a health snapshot
//           a minute, each uploading like the edge does on a connection of its own: sync lag,
//           uploads/s, CPU per store per day of central and PostgreSQL, and every store's
//           applied_seq at the end.
//   drain   a real tableorder-edge takes N orders while central is down, then central comes
//           up: how long the backlog takes to drain.
// ingest and fleet run against --instances K centrals on the one database, behind an nginx
// started here when K > 1 or with --nginx. It starts tableorder-central itself (and the edge
// for drain, nginx when asked); see bench/run-sync-bench.sh.

#include "healthsnapshot.h"
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
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
namespace pb = tableorder::sync::v1;
using tableorder::bench::healthSnapshot;
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
        bool close = false;
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray lower = line.toLower();
            if (lower.startsWith("content-length:"))
                length = line.sliced(15).trimmed().toLongLong();
            else if (lower.startsWith("connection:"))
                close = lower.contains("close");
        }
        if (m_buffer.size() < end + 4 + length)
            return;
        Response r;
        r.status = head.split(' ').value(1).toInt();
        r.headers = head;
        r.body = m_buffer.sliced(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        Done done = std::exchange(m_done, nullptr);
        // nginx closes a keep-alive connection after keepalive_requests: the next request
        // must go on a new one rather than into the closing socket.
        if (close) {
            m_buffer.clear();
            m_socket.abort();
        }
        done(r);
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
    double p90 = 0;
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
    p.p90 = at(0.90);
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
            // Keys in the order Qt writes them (sorted), as an edge's log stores the event.
            items += "{\"line_total\":" + QByteArray::number(price * quantity)
                + ",\"menu_item_id\":" + QByteArray::number(item + 1) + ",\"name\":\""
                + names[item] + "\",\"quantity\":" + QByteArray::number(quantity)
                + ",\"station\":\"kitchen\",\"unit_price\":" + QByteArray::number(price) + "}";
        }
        const int table = 1 + int(id % 20);
        return "{\"business_date\":\"" + m_date + "\",\"client_order_id\":\""
            + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\",\"created_at\":\"" + now
            + "\",\"id\":" + QByteArray::number(id) + ",\"items\":[" + items
            + "],\"note\":\"\",\"number\":" + QByteArray::number(id) + ",\"session_id\":"
            + QByteArray::number(table) + ",\"status\":\"pending\",\"table_id\":"
            + QByteArray::number(table) + ",\"table_number\":" + QByteArray::number(table)
            + ",\"total\":" + QByteArray::number(total) + ",\"updated_at\":\"" + now + "\"}";
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
        const QByteArray json = orderJson(seq);
        e->set_data_json(json.toStdString());
        if (seq > m_countedSeq) { // the day's figures count each order once, as the edge's do
            m_countedSeq = seq;
            ++m_dayOrders;
            m_dayTotal += QJsonDocument::fromJson(json).object().value(u"total"_s).toInteger();
        }
    }

    /// The day's figures, as the edge's SyncClient sends them with every upload.
    void addDailyTotal(pb::UploadRequest &request) const
    {
        auto *total = request.add_daily_totals();
        total->set_business_date(m_date.toStdString());
        total->set_orders(m_dayOrders);
        total->set_total(m_dayTotal);
    }

private:
    QRandomGenerator m_random;
    qint64 m_countedSeq = 0;
    qint64 m_dayOrders = 0;
    qint64 m_dayTotal = 0;
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
    int instances = 1; // central instances on the one database (ingest, fleet)
    bool nginx = false; // the stores upload through nginx (always with instances > 1)
    QString nginxBin = u"nginx"_s;
    int nginxKeepalive = 64; // the shipped config's upstream keepalive
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

/// K central instances on one database and, with --nginx, an nginx in front of them whose
/// configuration is packaging/nginx/tableorder-central.conf's without TLS: the same upstream
/// (least_conn, keepalive), the same /sync/ location, on a loopback port. Everything nginx
/// writes (pid, error log, temp files) stays in the work directory.
struct Cluster
{
    std::vector<std::unique_ptr<Central>> instances;
    std::unique_ptr<QProcess> nginx;
    quint16 nginxPort = 0;

    bool start(const Options &o)
    {
        // One after the other: the first seeds the demo organization, the rest find it.
        for (int i = 0; i < std::max(1, o.instances); ++i) {
            instances.push_back(std::make_unique<Central>());
            if (!instances.back()->start(o))
                return false;
        }
        if (!first().login())
            return false;
        return !(o.nginx || o.instances > 1) || startNginx(o);
    }
    ~Cluster()
    {
        if (nginx && nginx->state() != QProcess::NotRunning) {
            nginx->terminate();
            if (!nginx->waitForFinished(10'000))
                nginx->kill();
        }
    }
    Central &first() { return *instances.front(); }
    /// Where the stores upload: nginx, or the one instance.
    [[nodiscard]] quint16 port() const { return nginx ? nginxPort : instances.front()->port; }
    /// Every instance's /metrics, one after the other (histogram() sums their buckets).
    QByteArray metrics()
    {
        QByteArray pages;
        for (const auto &c : instances)
            pages += c->metrics() + '\n';
        return pages;
    }
    QList<double> cpuSeconds() const
    {
        QList<double> list;
        for (const auto &c : instances)
            list.append(processCpuSeconds(c->server->pid()));
        return list;
    }
    /// nginx's master and workers.
    double nginxCpuSeconds() const
    {
        return nginx ? processCpuSeconds(nginx->processId(), true) : 0;
    }

    bool startNginx(const Options &o)
    {
        const QDir dir(QDir(o.workDir).filePath(u"nginx"_s));
        dir.mkpath(u"."_s);
        for (const QString &temp : { u"client_body"_s, u"proxy"_s, u"fastcgi"_s, u"uwsgi"_s, u"scgi"_s })
            dir.mkpath(temp);
        nginxPort = freePort();
        QByteArray servers;
        for (const auto &c : instances)
            servers += "        server 127.0.0.1:" + QByteArray::number(c->port)
                + " max_fails=2 fail_timeout=5s;\n";
        const QByteArray path = QFile::encodeName(dir.absolutePath());
        // As root, nginx would run its workers as nobody, who cannot write the temp paths.
        QByteArray user;
        if (geteuid() == 0)
            user = "user root root;\n";
        // worker_connections: each store holds a client connection and, while its upload is
        // in flight, an upstream one; Debian's default (768) is short of 1,000 stores.
        const QByteArray conf = user + "worker_processes auto;\n"
            "pid " + path + "/nginx.pid;\n"
            "error_log " + path + "/error.log warn;\n"
            "worker_rlimit_nofile 20000;\n"
            "events { worker_connections 8192; }\n"
            "http {\n"
            "    access_log off;\n"
            "    client_body_temp_path " + path + "/client_body;\n"
            "    proxy_temp_path " + path + "/proxy;\n"
            "    fastcgi_temp_path " + path + "/fastcgi;\n"
            "    uwsgi_temp_path " + path + "/uwsgi;\n"
            "    scgi_temp_path " + path + "/scgi;\n"
            "    upstream tableorder_central {\n"
            "        least_conn;\n" + servers +
            "        keepalive " + QByteArray::number(o.nginxKeepalive) + ";\n"
            "    }\n"
            "    server {\n"
            "        listen 127.0.0.1:" + QByteArray::number(nginxPort) + ";\n"
            "        client_max_body_size 2m;\n"
            "        client_body_timeout 15s;\n"
            "        client_header_timeout 15s;\n"
            "        location / {\n"
            "            proxy_pass http://tableorder_central;\n"
            "            proxy_http_version 1.1;\n"
            "            proxy_set_header Connection \"\";\n"
            "            proxy_set_header Host $host;\n"
            "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
            "            proxy_read_timeout 60s;\n"
            "        }\n"
            "        location = /metrics { return 404; }\n"
            "        location /sync/ {\n"
            "            proxy_pass http://tableorder_central;\n"
            "            proxy_http_version 1.1;\n"
            "            proxy_set_header Connection \"\";\n"
            "            proxy_set_header Host $host;\n"
            "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
            "            proxy_buffering off;\n"
            "            proxy_read_timeout 90s;\n"
            "            client_max_body_size 2m;\n"
            "        }\n"
            "    }\n"
            "}\n";
        const QString confPath = dir.filePath(u"nginx.conf"_s);
        QFile file(confPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(conf) < 0)
            return false;
        file.close();
        nginx = std::make_unique<QProcess>();
        nginx->setProcessChannelMode(QProcess::MergedChannels);
        // -e: the log for what nginx says before it has read the configuration.
        nginx->start(o.nginxBin,
            { u"-c"_s, confPath, u"-p"_s, dir.absolutePath(), u"-e"_s,
                dir.filePath(u"error.log"_s), u"-g"_s, u"daemon off;"_s });
        QDeadlineTimer deadline(10'000);
        while (!deadline.hasExpired() && nginx->state() != QProcess::NotRunning) {
            QTcpSocket probe;
            probe.connectToHost(u"127.0.0.1"_s, nginxPort);
            if (probe.waitForConnected(200)) {
                out() << "nginx on 127.0.0.1:" << nginxPort << " in front of " << instances.size()
                      << " central instance(s), upstream keepalive " << o.nginxKeepalive
                      << Qt::endl;
                return true;
            }
            nginx->waitForFinished(100);
        }
        QFile log(dir.filePath(u"error.log"_s));
        log.open(QIODevice::ReadOnly);
        out() << "cannot start " << o.nginxBin << " (apt-get install nginx): "
              << nginx->readAll() << log.readAll() << Qt::endl;
        return false;
    }
};

/// Fields every result of a run against a Cluster carries: its shape and each process's CPU.
struct ClusterCpu
{
    QList<double> central;
    double nginx = 0;
    double database = 0;
    double self = 0;

    static ClusterCpu now(const Cluster &cluster, const Options &o)
    {
        return { cluster.cpuSeconds(), cluster.nginxCpuSeconds(),
            o.pgPid ? processCpuSeconds(o.pgPid, true) : 0, selfCpuSeconds() };
    }
    ClusterCpu since(const ClusterCpu &before) const
    {
        ClusterCpu d { {}, nginx - before.nginx, database - before.database, self - before.self };
        for (qsizetype i = 0; i < central.size(); ++i)
            d.central.append(central.at(i) - before.central.value(i));
        return d;
    }
    [[nodiscard]] double centralTotal() const
    {
        return std::accumulate(central.begin(), central.end(), 0.0);
    }
    void insertInto(QJsonObject &result, const Options &o, double elapsed) const
    {
        QJsonArray each;
        for (double c : central)
            each.append(std::round(100 * c / elapsed));
        result.insert(u"instances"_s, int(central.size()));
        result.insert(u"via"_s, o.nginx || o.instances > 1 ? u"nginx"_s : u"direct"_s);
        result.insert(u"central_cpu_pct"_s, std::round(100 * centralTotal() / elapsed));
        result.insert(u"central_cpu_pct_each"_s, each);
        result.insert(u"db_cpu_pct"_s, std::round(100 * database / elapsed));
        result.insert(u"nginx_cpu_pct"_s, std::round(100 * nginx / elapsed));
        result.insert(u"loadgen_cpu_pct"_s, std::round(100 * self / elapsed));
    }
    [[nodiscard]] QString summary(double elapsed) const
    {
        QStringList each;
        for (double c : central)
            each.append(QString::asprintf("%.0f%%", 100 * c / elapsed));
        return QString::asprintf("CPU: central %s, database %.0f%%, nginx %.0f%%, load generator "
                                 "%.0f%%",
            qPrintable(each.join(u" + "_s)), 100 * database / elapsed, 100 * nginx / elapsed,
            100 * self / elapsed);
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
    QList<qint64> createdNs; // lag and fleet modes: creation time of seq acked+1+i
};

int runIngest(const Options &o)
{
    Cluster cluster;
    if (!cluster.start(o))
        return 1;
    Central &central = cluster.first();
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
        s->connection = std::make_unique<Connection>(cluster.port());
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
    ClusterCpu cpuBefore;
    qint64 started = 0;
    QTimer::singleShot(o.warmup * 1000, [&] {
        metricsBefore = cluster.metrics();
        cpuBefore = ClusterCpu::now(cluster, o);
        started = nowNs();
        measuring = true;
        QTimer::singleShot(o.seconds * 1000, &loop, &QEventLoop::quit);
    });
    loop.exec();
    measuring = false;
    running = false;
    const double elapsed = (nowNs() - started) / 1e9;
    const ClusterCpu cpu = ClusterCpu::now(cluster, o).since(cpuBefore);
    // Let in-flight batches finish before scraping.
    QEventLoop settle;
    QTimer::singleShot(2000, &settle, &QEventLoop::quit);
    settle.exec();
    const QByteArray metricsAfter = cluster.metrics();
    const auto before = histogram(metricsBefore, "tableorder_central_batch_apply_seconds");
    const auto after = histogram(metricsAfter, "tableorder_central_batch_apply_seconds");
    const Percentiles client = percentiles(latencies);
    const double rate = events / elapsed;
    out() << QString::asprintf(
        "ingested %lld events in %.1f s: %.0f events/s; %lld batches, client latency p50 %.1f ms "
        "p99 %.1f ms; central apply p50 %.1f ms p99 %.1f ms (histogram); %s; %lld errors",
        events, elapsed, rate, qint64(client.count), client.p50, client.p99,
        histogramQuantile(before, after, 0.5) * 1000, histogramQuantile(before, after, 0.99) * 1000,
        qPrintable(cpu.summary(elapsed)), errors)
          << Qt::endl;
    QJsonObject result { { u"stores"_s, o.stores }, { u"batch"_s, o.batch },
        { u"seconds"_s, elapsed }, { u"events_per_s"_s, std::round(rate) },
        { u"client_p50_ms"_s, client.p50 }, { u"client_p99_ms"_s, client.p99 },
        { u"apply_p50_ms"_s, histogramQuantile(before, after, 0.5) * 1000 },
        { u"apply_p99_ms"_s, histogramQuantile(before, after, 0.99) * 1000 },
        { u"errors"_s, errors } };
    cpu.insertInto(result, o, elapsed);
    printResult(o, result);
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

/// One store of the fleet: a simulated edge with its health queue as far as uploads see it.
struct FleetStore : SimulatedStore
{
    QList<pb::HealthSnapshot> health; // queued, not yet acknowledged
    qint64 nextHealthId = 1;
};

int runFleet(const Options &o)
{
    Cluster cluster;
    if (!cluster.start(o))
        return 1;
    Central &central = cluster.first();
    const qint64 registering = nowNs();
    const auto keys = central.registerStores(o.stores, u"fleet"_s);
    if (keys.size() != o.stores)
        return 1;
    out() << QString::asprintf("fleet: registered %d stores in %.1f s; each orders %.1f/s and "
                               "sends a health snapshot a minute, %d s measured after %d s",
                 o.stores, (nowNs() - registering) / 1e9, o.rate, o.seconds, o.warmup)
          << Qt::endl;

    QList<std::shared_ptr<FleetStore>> stores;
    for (int i = 0; i < keys.size(); ++i) {
        auto s = std::make_shared<FleetStore>();
        s->id = keys.at(i).first;
        s->key = keys.at(i).second;
        s->connection = std::make_unique<Connection>(cluster.port());
        s->orders = std::make_unique<OrderFactory>(quint32(i + 1));
        stores.append(s);
    }
    QRandomGenerator healthRandom(2);
    qint64 windowStart = std::numeric_limits<qint64>::max(); // orders created in the window
    qint64 windowEnd = std::numeric_limits<qint64>::max(); // count
    bool measuring = false;
    qint64 errors = 0;
    qint64 uploads = 0;
    qint64 events = 0;
    qint64 healthStored = 0;
    QList<double> lags; // ms
    QList<double> batchSizes;
    // As the edge's SyncClient: one upload at a time per store, everything pending (up to 500
    // events) and the queued snapshots in it; what arrives meanwhile goes in the next one.
    std::function<void(std::shared_ptr<FleetStore>)> upload = [&](std::shared_ptr<FleetStore> s) {
        if (s->inFlight || (s->nextSeq == s->acked + 1 && s->health.isEmpty()))
            return;
        pb::UploadRequest request;
        for (const auto &snapshot : std::as_const(s->health))
            *request.add_health() = snapshot;
        const qint64 last = std::min(s->nextSeq - 1, s->acked + 500);
        for (qint64 seq = s->acked + 1; seq <= last; ++seq)
            s->orders->addEvent(request, seq);
        s->orders->addDailyTotal(request);
        request.set_backlog(s->nextSeq - 1 - s->acked);
        request.set_last_seq(s->nextSeq - 1);
        request.set_edge_version("sync-load");
        s->inFlight = true;
        s->connection->send("POST", "/sync/v1/events", s->key, "application/x-protobuf",
            QByteArray::fromStdString(request.SerializeAsString()),
            [&, s, sentEvents = request.events_size()](const Connection::Response &r) {
                s->inFlight = false;
                pb::UploadResponse response;
                if (r.status != 200
                    || !response.ParseFromArray(r.body.constData(), int(r.body.size()))) {
                    if (++errors <= 5)
                        out() << "upload: " << r.status << ' ' << r.body.left(200) << Qt::endl;
                    QTimer::singleShot(500, [&, s] { upload(s); });
                    return;
                }
                const qint64 now = nowNs();
                if (measuring) {
                    ++uploads;
                    batchSizes.append(sentEvents);
                    events += std::max<qint64>(0, response.applied_seq() - s->acked);
                }
                while (s->acked < response.applied_seq() && !s->createdNs.isEmpty()) {
                    const qint64 created = s->createdNs.takeFirst();
                    if (created >= windowStart && created < windowEnd)
                        lags.append((now - created) / 1e6);
                    ++s->acked;
                }
                const qsizetype queued = s->health.size();
                s->health.removeIf([&](const pb::HealthSnapshot &h) {
                    return h.id() <= response.health_acked_id();
                });
                if (measuring)
                    healthStored += queued - s->health.size();
                upload(s);
            });
    };

    // The schedule: order k of store i at start + (k + i / N) / rate, snapshot m of store i at
    // start + (m + i / N) minutes. Lag runs from that scheduled time, so a late load
    // generator shows up in the lag rather than hiding it.
    const qint64 orderSpacingNs = qint64(1e9 / o.rate / o.stores);
    const qint64 healthSpacingNs = 60'000'000'000LL / o.stores;
    const qint64 start = nowNs() + 100'000'000;
    qint64 nextOrder = 0;
    qint64 nextHealth = 0;
    qint64 ordersInWindow = 0;
    bool generating = true;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = nowNs();
        QList<std::shared_ptr<FleetStore>> due;
        while (generating && start + nextOrder * orderSpacingNs <= now) {
            const auto &s = stores.at(int(nextOrder % o.stores));
            s->createdNs.append(start + nextOrder * orderSpacingNs);
            // The window's orders by their scheduled time, as their lags are counted: an
            // order due just before the window ended may be generated just after.
            if (s->createdNs.last() >= windowStart && s->createdNs.last() < windowEnd)
                ++ordersInWindow;
            ++s->nextSeq;
            due.append(s);
            ++nextOrder;
        }
        while (generating && start + nextHealth * healthSpacingNs <= now) {
            const auto &s = stores.at(int(nextHealth % o.stores));
            s->health.append(healthSnapshot(
                s->nextHealthId++, QDateTime::currentDateTimeUtc(), healthRandom, "sync-load"));
            due.append(s);
            ++nextHealth;
        }
        for (const auto &s : due)
            upload(s);
    });
    ticker.start(1);

    QEventLoop loop;
    QByteArray metricsBefore;
    ClusterCpu cpuBefore;
    QTimer::singleShot(o.warmup * 1000, [&] {
        metricsBefore = cluster.metrics();
        cpuBefore = ClusterCpu::now(cluster, o);
        windowStart = nowNs();
        measuring = true;
        QTimer::singleShot(o.seconds * 1000, &loop, &QEventLoop::quit);
    });
    loop.exec();
    windowEnd = nowNs();
    measuring = false;
    const double elapsed = (windowEnd - windowStart) / 1e9;
    const ClusterCpu cpu = ClusterCpu::now(cluster, o).since(cpuBefore);
    const QByteArray metricsAfter = cluster.metrics();

    // The fleet stops ordering; every store's queue empties (or 60 s pass).
    generating = false;
    ticker.stop();
    QDeadlineTimer settleDeadline(60'000);
    auto settled = [&] {
        return std::all_of(stores.begin(), stores.end(), [](const auto &s) {
            return !s->inFlight && s->acked == s->nextSeq - 1 && s->health.isEmpty();
        });
    };
    while (!settled() && !settleDeadline.hasExpired()) {
        QEventLoop wait;
        QTimer::singleShot(100, &wait, &QEventLoop::quit);
        wait.exec();
    }

    // Consistency: central's applied_seq for every store is what the store created.
    Connection hq(central.port);
    const QJsonArray list = QJsonDocument::fromJson(
        hq.exchange("GET", "/api/v1/stores", central.hqToken, {}, {}).body)
                                .object()
                                .value(u"stores"_s)
                                .toArray();
    QHash<qint64, qint64> applied;
    for (const QJsonValue &v : list)
        applied.insert(v.toObject().value(u"id"_s).toInteger(),
            v.toObject().value(u"applied_seq"_s).toInteger());
    int mismatched = 0;
    qint64 sent = 0;
    for (const auto &s : stores) {
        sent += s->nextSeq - 1;
        if (applied.value(s->id, -1) != s->nextSeq - 1 && ++mismatched <= 5)
            out() << "store " << s->id << ": created up to seq " << s->nextSeq - 1
                  << ", central applied " << applied.value(s->id, -1) << Qt::endl;
    }

    const Percentiles lag = percentiles(lags);
    const Percentiles sizes = percentiles(batchSizes);
    // Uploads per commit (central's group commit), the mean over the window.
    const double groupSize
        = (metric(metricsAfter, "tableorder_sync_group_size_sum")
              - metric(metricsBefore, "tableorder_sync_group_size_sum"))
        / std::max(1.0,
            metric(metricsAfter, "tableorder_sync_group_size_count")
                - metric(metricsBefore, "tableorder_sync_group_size_count"));
    const auto applyBefore = histogram(metricsBefore, "tableorder_central_batch_apply_seconds");
    const auto applyAfter = histogram(metricsAfter, "tableorder_central_batch_apply_seconds");
    const double storeSeconds = double(o.stores) * elapsed;
    const double centralPerDay = cpu.centralTotal() / storeSeconds * 86'400;
    const double dbPerDay = cpu.database / storeSeconds * 86'400;
    const qint64 unacknowledged = ordersInWindow - qint64(lag.count);
    out() << QString::asprintf(
        "fleet: %lld orders created in %.1f s, lag p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max "
        "%.1f ms (%lld not acknowledged); %.0f uploads/s, %.0f events/s, %.1f snapshots/s; "
        "events per upload p50 %.0f p99 %.0f; uploads per commit %.1f (mean); apply p99 "
        "%.2f ms; %s; CPU s per store per day: central %.2f, database %.2f; %lld errors; "
        "consistent: %s (%d stores differ, %lld events sent)",
        ordersInWindow, elapsed, lag.p50, lag.p90, lag.p99, lag.max, unacknowledged,
        uploads / elapsed, events / elapsed, healthStored / elapsed, sizes.p50, sizes.p99,
        groupSize,
        histogramQuantile(applyBefore, applyAfter, 0.99) * 1000, qPrintable(cpu.summary(elapsed)),
        centralPerDay, dbPerDay, errors, mismatched ? "no" : "yes", mismatched, sent)
          << Qt::endl;
    QJsonObject result { { u"stores"_s, o.stores }, { u"rate_per_store"_s, o.rate },
        { u"seconds"_s, elapsed }, { u"orders"_s, ordersInWindow },
        { u"lag_p50_ms"_s, lag.p50 }, { u"lag_p90_ms"_s, lag.p90 }, { u"lag_p99_ms"_s, lag.p99 },
        { u"lag_max_ms"_s, lag.max }, { u"unacknowledged"_s, unacknowledged },
        { u"uploads_per_s"_s, std::round(uploads / elapsed) },
        { u"events_per_s"_s, std::round(events / elapsed) },
        { u"snapshots_per_s"_s, healthStored / elapsed },
        { u"uploads_per_commit"_s, groupSize },
        { u"apply_p99_ms"_s, histogramQuantile(applyBefore, applyAfter, 0.99) * 1000 },
        { u"central_cpu_s_per_store_day"_s, centralPerDay },
        { u"db_cpu_s_per_store_day"_s, dbPerDay }, { u"errors"_s, errors },
        { u"consistent"_s, mismatched == 0 } };
    cpu.insertInto(result, o, elapsed);
    printResult(o, result);
    return mismatched == 0 ? 0 : 1;
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
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
            // As bench/realtimeload: plain lines only (an item with a required option group
            // is a 400 without a choice), unlimited items only (one with a stock count sells
            // out during the outage: 409).
            const QJsonObject item = i.toObject();
            const QJsonArray groups = item.value(u"option_groups"_s).toArray();
            const bool needsOptions = std::any_of(groups.begin(), groups.end(),
                [](const QJsonValue &g) { return g.toObject().value(u"min_select"_s).toInt() > 0; });
            if (item.value(u"available"_s).toBool() && !needsOptions
                && !item.value(u"stock"_s).isDouble())
                items.append(item.value(u"id"_s).toInteger());
        }
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
    // The progress is read from the edge's own database (the acknowledged position as its
    // SyncClient writes it) by a connection of this program: polling the edge's /metrics
    // every 20 ms took CPU from the edge's event loop, one of the drain's own stages.
    QSqlDatabase edgeDb = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edge-progress"_s);
    edgeDb.setDatabaseName(QDir(edgeDir).filePath(u"edge.sqlite3"_s));
    edgeDb.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"_s);
    if (!edgeDb.open()) {
        out() << "cannot open the edge's database to follow the drain" << Qt::endl;
        return 1;
    }
    QSqlQuery ackedQuery(edgeDb);
    auto acknowledged = [&]() -> double {
        if (!ackedQuery.exec(u"SELECT value FROM sync_state WHERE key = 'acked_seq'"_s) || !ackedQuery.next())
            return ackedBefore;
        const double seq = ackedQuery.value(0).toDouble();
        ackedQuery.finish();
        return seq;
    };
    // Where the drain's time goes: each process's CPU over it, and central's group commits.
    const double centralCpu0 = processCpuSeconds(central.server->pid());
    const double edgeCpu0 = processCpuSeconds(edge.pid());
    const double pgCpu0 = o.pgPid ? processCpuSeconds(o.pgPid, true) : 0;
    qint64 firstAck = 0;
    qint64 drained = 0;
    QDeadlineTimer deadline(600'000);
    while (!deadline.hasExpired()) {
        QEventLoop wait;
        QTimer::singleShot(5, &wait, &QEventLoop::quit);
        wait.exec();
        const double acked = acknowledged();
        if (!firstAck && acked > ackedBefore)
            firstAck = nowNs();
        if (acked >= ackedBefore + backlog) {
            drained = nowNs();
            break;
        }
    }
    page = edgeMetrics();
    if (!drained) {
        out() << "the backlog did not drain within 10 minutes" << Qt::endl;
        return 1;
    }
    const double centralCpu = processCpuSeconds(central.server->pid()) - centralCpu0;
    const double edgeCpu = processCpuSeconds(edge.pid()) - edgeCpu0;
    const double pgCpu = o.pgPid ? processCpuSeconds(o.pgPid, true) - pgCpu0 : 0;
    const QByteArray centralPage = central.metrics();
    const double groups = metric(centralPage, "tableorder_sync_group_seconds_count");
    const double groupSeconds = metric(centralPage, "tableorder_sync_group_seconds_sum");
    const double uploads = metric(centralPage, "tableorder_sync_group_size_sum");
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
    out() << QString::asprintf(
        "CPU over the drain: central %.2f s, edge %.2f s, PostgreSQL %.2f s; central: %.0f "
        "uploads in %.0f group commits taking %.2f s in all (%.1f ms each)",
        centralCpu, edgeCpu, pgCpu, uploads, groups, groupSeconds,
        groups > 0 ? 1000 * groupSeconds / groups : 0.0)
          << Qt::endl;
    printResult(o,
        { { u"orders"_s, placed }, { u"events"_s, events }, { u"drain_s"_s, fromUp },
            { u"drain_from_first_ack_s"_s, fromFirst }, { u"max_backoff_ms"_s, o.maxBackoffMs },
            { u"events_per_s"_s, std::round(events / std::max(0.001, fromFirst)) },
            { u"central_cpu_s"_s, centralCpu }, { u"edge_cpu_s"_s, edgeCpu },
            { u"pg_cpu_s"_s, pgCpu }, { u"uploads"_s, uploads }, { u"group_commits"_s, groups },
            { u"group_commit_s"_s, groupSeconds },
            { u"consistent"_s, store.value(u"applied_seq"_s).toInteger() == qint64(ackedSeq) } });
    return store.value(u"applied_seq"_s).toInteger() == qint64(ackedSeq) ? 0 : 1;
}

/// A socket per store, here and (inherited) in central and nginx: the soft limit on open
/// files goes up to the hard one. Central itself does not raise it; its systemd unit sets
/// LimitNOFILE=65536.
void raiseFileLimit(const Options &o)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    const rlim_t needed = rlim_t(o.stores) * 2 + 256;
    if (limit.rlim_cur < needed)
        out() << "warning: open files limited to " << limit.rlim_cur << ", " << o.stores
              << " stores need about " << needed << " (ulimit -Hn)" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Load on the edge -> central sync path."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"ingest, lag, fleet or drain"_s);
    parser.addOptions({
        { u"central-bin"_s, u"tableorder-central binary."_s, u"PATH"_s },
        { u"edge-bin"_s, u"tableorder-edge binary (drain)."_s, u"PATH"_s },
        { u"db"_s, u"Central database: sqlite:PATH or postgresql://..."_s, u"URL"_s },
        { u"work-dir"_s, u"Directory for central's secret and the edge's data."_s, u"DIR"_s },
        { u"pg-pid"_s, u"PostgreSQL postmaster pid, to account its CPU."_s, u"PID"_s },
        { u"label"_s, u"Name of the database setup in the results."_s, u"NAME"_s },
        { u"stores"_s, u"Simulated stores (default 50; lag 100; fleet 1000)."_s, u"N"_s },
        { u"batch"_s, u"Events per upload in ingest (default 500)."_s, u"N"_s },
        { u"seconds"_s, u"Measured duration (default 20)."_s, u"S"_s },
        { u"warmup"_s, u"Seconds before measuring (default 3)."_s, u"S"_s },
        { u"rate"_s, u"Orders per second per store in lag (default 2) and fleet (1)."_s,
            u"R"_s },
        { u"orders"_s, u"Orders in the drain backlog (default 10000)."_s, u"N"_s },
        { u"max-backoff-ms"_s, u"The edge's retry cap in drain (default 1000)."_s, u"MS"_s },
        { u"ack-alerts"_s, u"drain: keep the edge's unacknowledged-order alerts."_s },
        { u"instances"_s,
            u"ingest, fleet: central instances on the database, behind nginx if more than "
            "one (default 1)."_s,
            u"K"_s },
        { u"nginx"_s, u"ingest, fleet: upload through nginx even to one instance."_s },
        { u"nginx-bin"_s, u"The nginx binary (default nginx)."_s, u"PATH"_s },
        { u"nginx-keepalive"_s, u"Idle upstream connections nginx keeps (default 64, as "
                                "shipped)."_s,
            u"N"_s },
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
    if (o.mode == u"fleet"_s) {
        o.stores = 1000;
        o.rate = 1;
    }
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
    if (parser.isSet(u"instances"_s))
        o.instances = std::clamp(parser.value(u"instances"_s).toInt(), 1, 16);
    o.nginx = parser.isSet(u"nginx"_s);
    if (parser.isSet(u"nginx-bin"_s))
        o.nginxBin = parser.value(u"nginx-bin"_s);
    if (parser.isSet(u"nginx-keepalive"_s))
        o.nginxKeepalive = std::max(1, parser.value(u"nginx-keepalive"_s).toInt());
    o.stores = std::max(1, o.stores);
    o.rate = std::max(0.01, o.rate);
    raiseFileLimit(o);
    if (o.centralBin.isEmpty() || o.db.isEmpty() || (o.mode == u"drain"_s && o.edgeBin.isEmpty())) {
        out() << parser.helpText() << Qt::endl;
        return 2;
    }
    if (o.mode == u"ingest"_s)
        return runIngest(o);
    if (o.mode == u"lag"_s)
        return runLag(o);
    if (o.mode == u"fleet"_s)
        return runFleet(o);
    if (o.mode == u"drain"_s)
        return runDrain(o);
    out() << "unknown mode " << o.mode << Qt::endl;
    return 2;
}
