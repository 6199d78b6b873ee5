// tableorder-realtime-load: how long an order takes from `POST /api/v1/orders` to its
// `order.created` event on every staff screen, how long a sold-out switch takes to reach
// every tablet, and what idle event-stream connections cost the daemon in memory. Talks to a running tableorder-edge (--demo store, rate limits off);
// bench/run-realtime-bench.sh starts one and runs the scenarios of docs/PERFORMANCE.md.
//
//   tableorder-realtime-load latency --port P --pid PID [--staff 10] [--tablets 200]
//       [--tables 200] [--rate 0|ORDERS_PER_S] [--orders 2000] [--duration 30] [--warmup N]
//       [--staff-transport mixed|sse|ws] [--tablet-transport mixed|sse|ws] [--no-ack]
//   tableorder-realtime-load rss --port P --pid PID [--connections 5000] [--tables 200]
//   tableorder-realtime-load soldout --port P --pid PID [--tablets 200] [--tables 200]
//       [--changes 500] [--warmup 50] [--gap-ms 2] [--tablet-transport mixed|sse|ws]
//
// --rate 0 sends orders one at a time: the next leaves when every staff screen has the last
// one and its response is back. A rate sends open loop on a fixed schedule (timerfd), and
// latency counts from the scheduled time, so a backlog shows up instead of hiding.
//
// soldout: the kitchen switches one item off and on (`PATCH /api/v1/menu/items/{id}/
// availability`), one change at a time, timed to its `menu.item_availability_changed` on the
// first and on the last of the tablet streams.

#include "clock.h"
#include "httpconnection.h"
#include "latencyrecorder.h"
#include "processprobe.h"
#include "streamconnection.h"
#include "ticker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tableorder::bench;

namespace {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &text)
{
    std::fprintf(stderr, "tableorder-realtime-load: %s\n", qPrintable(text));
    std::exit(1);
}

/// Runs the event loop until `done` or the deadline; false on timeout. Sleeps in the event
/// loop between events (a tick re-checks `done`), so the program does not take CPU from the
/// daemon it measures.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QTimer tick;
    tick.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// A blocking request for the setup steps (logins, tables, menu).
/// One step at a time: `sendNext` sends the first, and the caller sends each next one when the
/// one before completed. A lost event would stop the chain: after 5 s without progress,
/// `dropStalled` counts what is outstanding as lost and the next step goes out.
void runChain(qint64 total, const qint64 &completed, const qint64 &lost, const qint64 &sent,
              const std::function<void()> &sendNext, const std::function<void()> &dropStalled)
{
    sendNext();
    qint64 lastCompleted = -1;
    QElapsedTimer stall;
    stall.start();
    spinUntil(
            [&] {
                if (completed != lastCompleted) {
                    lastCompleted = completed;
                    stall.restart();
                } else if (stall.elapsed() > 5000) {
                    dropStalled();
                    stall.restart();
                    if (sent >= total)
                        return true;
                    sendNext();
                }
                return completed + lost >= total;
            },
            int(total * 1000 + 60'000));
}

HttpResult call(HttpConnection &connection, const QByteArray &method, const QByteArray &path,
                const QJsonObject &body = {}, const QByteArray &token = {})
{
    connection.setBearerToken(token);
    HttpResult out;
    bool done = false;
    connection.request(method, path,
                       body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                       0, true, [&](const HttpResult &result) {
                           out = result;
                           done = true;
                       });
    if (!spinUntil([&] { return done; }, 60'000))
        die(u"no answer to %1 %2"_s.arg(QString::fromLatin1(method), QString::fromLatin1(path)));
    return out;
}

/// A histogram's count, sum and cumulative buckets from /metrics.
struct Histogram
{
    double count = 0;
    double sum = 0;
    QList<std::pair<double, double>> buckets; // upper bound, cumulative count

    /// The upper bound of the bucket that holds quantile q of the observations since `before`.
    [[nodiscard]] double quantileBound(const Histogram &before, double q) const
    {
        const double n = count - before.count;
        for (qsizetype i = 0; i < buckets.size(); ++i) {
            const double below = buckets.at(i).second - before.buckets.value(i).second;
            if (n > 0 && below >= q * n)
                return buckets.at(i).first;
        }
        return qInf();
    }
};

Histogram scrape(HttpConnection &http, const QByteArray &name)
{
    const HttpResult result = call(http, "GET", "/metrics");
    Histogram h;
    for (const QByteArray &line : result.body.split('\n')) {
        if (!line.startsWith(name))
            continue;
        const QByteArray rest = line.sliced(name.size());
        const double value = rest.sliced(rest.lastIndexOf(' ') + 1).toDouble();
        if (rest.startsWith("_count")) {
            h.count = value;
        } else if (rest.startsWith("_sum")) {
            h.sum = value;
        } else if (rest.startsWith("_bucket{le=\"")) {
            const QByteArray bound = rest.sliced(12, rest.indexOf('"', 12) - 12);
            h.buckets.append({bound == "+Inf" ? qInf() : bound.toDouble(), value});
        }
    }
    return h;
}

/// One of the daemon's histograms over a run: "daemon WHAT: mean, p50 <=, p99 <=".
void sayHistogram(const char *what, const Histogram &after, const Histogram &before)
{
    const double n = after.count - before.count;
    say(u"daemon %1: mean %2 ms, p50 <= %3 ms, p99 <= %4 ms (%5 observations)"_s
                .arg(QString::fromLatin1(what))
                .arg(n > 0 ? 1000 * (after.sum - before.sum) / n : 0.0, 0, 'f', 3)
                .arg(1000 * after.quantileBound(before, 0.5))
                .arg(1000 * after.quantileBound(before, 0.99)).arg(n));
}

StreamConnection::Transport transportFor(const QString &mix, int index)
{
    if (mix == u"sse"_s)
        return StreamConnection::Transport::Sse;
    if (mix == u"ws"_s)
        return StreamConnection::Transport::WebSocket;
    return index % 2 == 0 ? StreamConnection::Transport::WebSocket : StreamConnection::Transport::Sse;
}

struct Setup
{
    QByteArray kitchenToken;
    QList<QByteArray> tableTokens; // table number i + 1
    QList<qint64> itemIds;
};

/// A table token as POST /auth/table-login issues it, signed with the store's secret (the
/// daemon's <data-dir>/jwt-secret): 200 argon2 logins would take minutes on this machine.
/// The revocation stamp is that of a table as created (token generation 1, migration
/// 007_token_revocation.sql) with a token id of its own: the scripts start a fresh daemon.
QByteArray mintTableToken(const QByteArray &secret, qint64 tableId, int tableNumber)
{
    constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{u"role"_s, u"table"_s}, {u"sub"_s, u"table:%1"_s.arg(tableId)},
                             {u"tid"_s, tableId}, {u"tn"_s, tableNumber}, {u"gen"_s, 1},
                             {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {u"iat"_s, now}, {u"exp"_s, now + 86'400}};
    const QByteArray input =
            QJsonDocument(QJsonObject{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}})
                    .toJson(QJsonDocument::Compact).toBase64(base64url)
            + '.' + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(base64url);
    return input + '.'
            + QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256)
                      .toBase64(base64url);
}

/// Logs in the staff, makes sure tables 1..tables exist and logs each in (or mints their
/// tokens with `secret`), reads the menu.
Setup prepare(const QString &host, quint16 port, int tables, const QByteArray &secret)
{
    HttpConnection http(host, port);
    Setup setup;
    auto login = [&](const QByteArray &path, const QJsonObject &body) {
        const HttpResult result = call(http, "POST", path, body);
        if (result.status != 200)
            die(u"login %1 failed: %2 %3"_s.arg(QString::fromLatin1(path)).arg(result.status).arg(
                    QString::fromUtf8(result.body)));
        return QJsonDocument::fromJson(result.body).object().value(u"token"_s).toString().toLatin1();
    };
    setup.kitchenToken = login("/api/v1/auth/staff-login",
                               {{u"username"_s, u"kitchen"_s}, {u"password"_s, u"kitchen"_s}});
    const QByteArray manager = login("/api/v1/auth/staff-login",
                                     {{u"username"_s, u"manager"_s}, {u"password"_s, u"manager"_s}});

    auto tableIds = [&] {
        const HttpResult list = call(http, "GET", "/api/v1/tables", {}, manager);
        QHash<int, qint64> ids;
        for (const QJsonValue &table : QJsonDocument::fromJson(list.body).object().value(u"tables"_s).toArray())
            ids.insert(table.toObject().value(u"number"_s).toInt(), table.toObject().value(u"id"_s).toInteger());
        return ids;
    };
    const QHash<int, qint64> existing = tableIds();
    for (int number = 1; number <= tables; ++number) {
        if (existing.contains(number))
            continue;
        const HttpResult created = call(http, "POST", "/api/v1/tables",
                                        {{u"number"_s, number}, {u"password"_s, u"0000"_s}}, manager);
        if (created.status != 201)
            die(u"creating table %1: %2 %3 (raise TABLEORDER_LIMITS_MAX_TABLES)"_s.arg(number).arg(
                    created.status).arg(QString::fromUtf8(created.body)));
    }
    const QHash<int, qint64> ids = tableIds();
    for (int number = 1; number <= tables; ++number) {
        if (secret.isEmpty())
            setup.tableTokens.append(login("/api/v1/auth/table-login",
                                           {{u"table_number"_s, number}, {u"password"_s, u"0000"_s}}));
        else
            setup.tableTokens.append(mintTableToken(secret, ids.value(number), number));
    }

    const HttpResult menu = call(http, "GET", "/api/v1/menu");
    for (const QJsonValue &category : QJsonDocument::fromJson(menu.body).object().value(u"categories"_s).toArray()) {
        for (const QJsonValue &item : category.toObject().value(u"items"_s).toArray()) {
            // Plain lines only: an item with a required option group needs a choice (400 without).
            const QJsonObject object = item.toObject();
            const QJsonArray groups = object.value(u"option_groups"_s).toArray();
            const bool needsOptions = std::any_of(groups.begin(), groups.end(), [](const QJsonValue &g) {
                return g.toObject().value(u"min_select"_s).toInt() > 0;
            });
            // Unlimited items only: one with a stock count sells out during a run (409s).
            if (object.value(u"available"_s).toBool() && !needsOptions && !object.value(u"stock"_s).isDouble())
                setup.itemIds.append(object.value(u"id"_s).toInteger());
        }
    }
    if (setup.itemIds.isEmpty())
        die(u"the menu has no available items"_s);
    return setup;
}

/// Opens connections at most `parallel` at a time (the server's listen backlog is small)
/// and waits until each has its snapshot; returns how many did.
int openAll(const std::vector<std::unique_ptr<StreamConnection>> &connections, int parallel,
            int timeoutMs)
{
    qsizetype next = 0;
    int inFlight = 0;
    int ready = 0;
    int failed = 0;
    for (const auto &connection : connections) {
        QObject::connect(connection.get(), &StreamConnection::snapshotReceived, connection.get(), [&] {
            ++ready;
            --inFlight;
        });
        QObject::connect(connection.get(), &StreamConnection::broken, connection.get(),
                         [&, c = connection.get()] {
                             if (!c->hasSnapshot()) {
                                 ++failed;
                                 --inFlight;
                                 if (failed <= 3)
                                     std::fprintf(stderr, "connection failed: %s\n", qPrintable(c->failure()));
                             }
                         });
    }
    const bool done = spinUntil(
            [&] {
                while (inFlight < parallel && next < qsizetype(connections.size())) {
                    connections[size_t(next++)]->open();
                    ++inFlight;
                }
                return ready + failed == int(connections.size());
            },
            timeoutMs);
    if (!done)
        std::fprintf(stderr, "only %d of %zu connections got their snapshot in time\n", ready,
                     connections.size());
    for (const auto &connection : connections)
        connection->disconnect(connection.get());
    return ready;
}

/// The latency scenarios.
class LatencyRun : public QObject
{
public:
    struct Config
    {
        QString host;
        quint16 port = 0;
        qint64 pid = 0;
        int staff = 10;
        int tablets = 200;
        int tables = 200;
        double rate = 0;
        int orders = 2000;
        int warmup = 200;
        double duration = 30;
        QString staffTransport;
        QString tabletTransport;
        bool ack = true;
        int gapMs = 2;
        int httpConnections = 8;
    };

    LatencyRun(Config config, Setup setup) : m_config(std::move(config)), m_setup(std::move(setup)) { }

    int run()
    {
        for (int i = 0; i < m_config.staff; ++i) {
            auto connection = std::make_unique<StreamConnection>(
                    transportFor(m_config.staffTransport, i), m_config.host, m_config.port,
                    m_setup.kitchenToken, this);
            connection->setOrderCallback([this](StreamConnection &c, QByteArrayView cid, QByteArrayView id, qint64 at) {
                onStaffEvent(c, cid, id, at);
            });
            m_staff.push_back(std::move(connection));
        }
        for (int i = 0; i < m_config.tablets; ++i) {
            auto connection = std::make_unique<StreamConnection>(
                    transportFor(m_config.tabletTransport, i), m_config.host, m_config.port,
                    m_setup.tableTokens.at(i % m_setup.tableTokens.size()), this);
            connection->setOrderCallback([this](StreamConnection &, QByteArrayView cid, QByteArrayView, qint64 at) {
                onTabletEvent(cid, at);
            });
            m_tablets.push_back(std::move(connection));
        }
        if (openAll(m_staff, 50, 120'000) != m_config.staff)
            die(u"staff connections failed"_s);
        if (openAll(m_tablets, 50, 300'000) != m_config.tablets)
            die(u"tablet connections failed"_s);
        for (const auto &connection : m_staff) {
            if (connection->transport() == StreamConnection::Transport::WebSocket) {
                m_acker = connection.get();
                break;
            }
        }
        if (!m_config.ack)
            m_acker = nullptr;
        for (int i = 0; i < m_config.httpConnections; ++i)
            m_http.push_back(std::make_unique<HttpConnection>(m_config.host, m_config.port, this));

        const int wsStaff = int(std::count_if(m_staff.begin(), m_staff.end(), [](const auto &c) {
            return c->transport() == StreamConnection::Transport::WebSocket;
        }));
        const int wsTablets = int(std::count_if(m_tablets.begin(), m_tablets.end(), [](const auto &c) {
            return c->transport() == StreamConnection::Transport::WebSocket;
        }));
        say(u"connections: staff %1 (%2 WebSocket, %3 SSE), tablets %4 (%5 WebSocket, %6 SSE); "
            "kitchen receipts: %7"_s.arg(m_config.staff).arg(wsStaff).arg(m_config.staff - wsStaff)
                    .arg(m_config.tablets).arg(wsTablets).arg(m_config.tablets - wsTablets)
                    .arg(m_acker ? u"WebSocket ack from one screen"_s : u"none"_s));

        HttpConnection metrics(m_config.host, m_config.port);
        const Histogram commitBefore = scrape(metrics, "tableorder_db_transaction_seconds");
        const Histogram sendBefore = scrape(metrics, "tableorder_event_commit_to_send_seconds");
        ProcessProbe probe(m_config.pid);
        const double clientCpuStart = ownCpuSeconds();
        if (probe.valid())
            probe.start(100);
        QElapsedTimer wall;
        wall.start();
        if (m_config.rate > 0)
            runOpenLoop();
        else
            runOneAtATime();
        const double seconds = wall.nsecsElapsed() / 1e9;
        probe.stop();
        report(probe, ownCpuSeconds() - clientCpuStart, seconds);
        // Where the time goes, from the daemon's own histograms (warm-up included).
        const Histogram commit = scrape(metrics, "tableorder_db_transaction_seconds");
        const Histogram send = scrape(metrics, "tableorder_event_commit_to_send_seconds");
        sayHistogram("order transaction (insert + event + fsync'd commit)", commit, commitBefore);
        sayHistogram("commit to write on each stream", send, sendBefore);
        return 0;
    }

private:
    struct Track
    {
        qint64 startNs = 0;
        int staffSeen = 0;
        bool tabletSeen = false;
        bool responded = false;
        bool measured = false;
    };

    QByteArray orderBody(const QByteArray &clientOrderId)
    {
        QJsonArray items;
        for (int i = 0; i < 3; ++i) {
            items.append(QJsonObject{
                    {u"menu_item_id"_s, m_setup.itemIds.at(int(m_random.bounded(m_setup.itemIds.size())))},
                    {u"quantity"_s, 1 + int(m_random.bounded(2))}});
        }
        return QJsonDocument(QJsonObject{{u"client_order_id"_s, QString::fromLatin1(clientOrderId)},
                                         {u"items"_s, items}})
                .toJson(QJsonDocument::Compact);
    }

    HttpConnection &pickConnection()
    {
        HttpConnection *best = m_http.front().get();
        for (const auto &connection : m_http) {
            if (connection->idle())
                return *connection;
            if (connection->queued() < best->queued())
                best = connection.get();
        }
        return *best;
    }

    /// Sends one order; start is the scheduled time (open loop) or now.
    void sendOrder(qint64 intendedNs, bool measured)
    {
        const QByteArray cid = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        // Orders come from tables that have a tablet stream open, so that the tablet's copy
        // of each order can be waited for too.
        const qsizetype tables = m_config.tablets > 0
                ? std::min<qsizetype>(m_config.tablets, m_setup.tableTokens.size())
                : m_setup.tableTokens.size();
        const int table = int(m_sent % tables);
        ++m_sent;
        const QByteArray body = orderBody(cid);
        m_tracks.insert(cid, Track{intendedNs ? intendedNs : nowNs(), 0, false, false, measured});
        HttpConnection &connection = pickConnection();
        connection.setBearerToken(m_setup.tableTokens.at(table));
        connection.request("POST", "/api/v1/orders", body, m_tracks[cid].startNs, false,
                           [this, cid, measured](const HttpResult &result) {
                               auto it = m_tracks.find(cid);
                               if (result.status != 201) {
                                   ++m_httpErrors;
                                   if (m_httpErrors <= 3)
                                       std::fprintf(stderr, "POST /orders: %d\n", result.status);
                               }
                               if (measured)
                                   m_post.add(result.doneNs - result.intendedNs);
                               if (it != m_tracks.end()) {
                                   it->responded = true;
                                   maybeDone(cid, *it);
                               }
                           });
    }

    void onStaffEvent(StreamConnection &connection, QByteArrayView cid, QByteArrayView id, qint64 at)
    {
        if (m_acker == &connection)
            m_acker->sendText(QByteArray("{\"type\":\"ack\",\"order_id\":" + id.toByteArray() + '}'));
        auto it = m_tracks.find(cid.toByteArray());
        if (it == m_tracks.end())
            return;
        if (it->measured)
            m_delivery.add(at - it->startNs);
        if (++it->staffSeen == m_config.staff) {
            if (it->measured)
                m_allStaff.add(at - it->startNs);
            maybeDone(it.key(), *it);
        }
    }

    void onTabletEvent(QByteArrayView cid, qint64 at)
    {
        auto it = m_tracks.find(cid.toByteArray());
        if (it == m_tracks.end() || it->tabletSeen)
            return;
        it->tabletSeen = true;
        if (it->measured)
            m_tablet.add(at - it->startNs);
        maybeDone(it.key(), *it);
    }

    void maybeDone(const QByteArray &cid, const Track &track)
    {
        if (!track.responded || track.staffSeen < m_config.staff)
            return;
        if (m_config.tablets > 0 && !track.tabletSeen)
            return;
        m_tracks.remove(cid);
        ++m_completed;
        if (m_config.rate <= 0 && m_sent < qint64(m_config.warmup) + m_config.orders)
            QTimer::singleShot(m_config.gapMs, this, [this] { sendOne(); });
    }

    void sendOne()
    {
        sendOrder(0, m_sent >= m_config.warmup);
    }

    void runOneAtATime()
    {
        say(u"one at a time: %1 warm-up orders, then %2 measured (gap %3 ms)"_s.arg(m_config.warmup)
                    .arg(m_config.orders).arg(m_config.gapMs));
        const qint64 total = qint64(m_config.warmup) + m_config.orders;
        runChain(total, m_completed, m_lost, m_sent, [this] { sendOne(); }, [this] {
            for (const Track &track : std::as_const(m_tracks)) {
                if (m_lost < 5)
                    std::fprintf(stderr, "lost: response %d, staff %d of %d, tablet %d\n", track.responded,
                                 track.staffSeen, m_config.staff, track.tabletSeen);
            }
            m_lost += m_tracks.size();
            m_tracks.clear();
        });
    }

    void runOpenLoop()
    {
        const qint64 periodNs = qint64(1e9 / m_config.rate);
        const qint64 warmupOrders = qint64(m_config.warmup);
        const qint64 measuredOrders = qint64(m_config.duration * m_config.rate);
        const qint64 total = warmupOrders + measuredOrders;
        say(u"open loop at %1 orders/s: %2 warm-up orders, then %3 measured over %4 s on %5 HTTP "
            "connections"_s.arg(m_config.rate).arg(warmupOrders).arg(measuredOrders)
                    .arg(m_config.duration).arg(m_config.httpConnections));
        Ticker ticker;
        const qint64 origin = nowNs() + 100 * nsPerMs;
        qint64 scheduled = 0;
        QObject::connect(&ticker, &Ticker::fired, this, [&] {
            const qint64 now = nowNs();
            while (scheduled < total && origin + scheduled * periodNs <= now) {
                sendOrder(origin + scheduled * periodNs, scheduled >= warmupOrders);
                ++scheduled;
            }
            if (scheduled < total)
                ticker.armAt(origin + scheduled * periodNs);
        });
        ticker.armAt(origin);
        spinUntil([&] { return scheduled >= total; }, int(total * 1000 / m_config.rate) + 120'000);
        // Let the last events arrive; whatever has not after 10 s is lost.
        spinUntil([&] { return m_tracks.isEmpty(); }, 10'000);
        m_lost += m_tracks.size();
    }

    void report(const ProcessProbe &probe, double clientCpu, double seconds)
    {
        say(u"all staff screens have it:  "_s + m_allStaff.summary());
        say(u"each staff delivery:        "_s + m_delivery.summary());
        say(u"the ordering tablet has it: "_s + m_tablet.summary());
        say(u"POST /orders response:      "_s + m_post.summary());
        int broken = 0;
        for (const auto &list : {&m_staff, &m_tablets}) {
            for (const auto &connection : *list)
                broken += connection->failed() ? 1 : 0;
        }
        const double daemonCpu = probe.valid() ? probe.cpuUsed() : -1;
        say(u"orders %1 measured, lost %2, HTTP errors %3, broken streams %4; daemon CPU %5 s "
            "(%6% of one core), client CPU %7 s, daemon peak RSS %8 MiB over %9 s"_s
                    .arg(m_allStaff.count()).arg(m_lost).arg(m_httpErrors).arg(broken)
                    .arg(daemonCpu, 0, 'f', 2).arg(100 * daemonCpu / seconds, 0, 'f', 1)
                    .arg(clientCpu, 0, 'f', 2).arg(probe.peakRssKiB() / 1024.0, 0, 'f', 1)
                    .arg(seconds, 0, 'f', 1));
        say(u"RESULT realtime-latency rate=%1 staff=%2 tablets=%3 orders=%4 lost=%5 http_errors=%6 "
            "%7 %8 %9 daemon_cpu_pct=%10"_s
                    .arg(m_config.rate).arg(m_config.staff).arg(m_config.tablets)
                    .arg(m_allStaff.count()).arg(m_lost).arg(m_httpErrors)
                    .arg(m_allStaff.keyValues(u"all_staff_"_s), m_delivery.keyValues(u"delivery_"_s),
                         m_post.keyValues(u"post_"_s))
                    .arg(100 * daemonCpu / seconds, 0, 'f', 1));
    }

    Config m_config;
    Setup m_setup;
    std::vector<std::unique_ptr<StreamConnection>> m_staff;
    std::vector<std::unique_ptr<StreamConnection>> m_tablets;
    std::vector<std::unique_ptr<HttpConnection>> m_http;
    StreamConnection *m_acker = nullptr;
    QHash<QByteArray, Track> m_tracks;
    QRandomGenerator m_random{42};
    qint64 m_sent = 0;
    qint64 m_completed = 0;
    qint64 m_lost = 0;
    qint64 m_httpErrors = 0;
    LatencyRecorder m_allStaff;
    LatencyRecorder m_delivery;
    LatencyRecorder m_tablet;
    LatencyRecorder m_post;
};

/// Sold-out reaches every tablet: a kitchen screen switches one item off and on again
/// (`PATCH /menu/items/{id}/availability`, alternating false/true), one change at a time,
/// and each change is timed from the request to its `menu.item_availability_changed` on the
/// first tablet and on the last of the connected tablet streams. The next change leaves
/// `gapMs` after the last tablet has the one before and its response is back.
class SoldOutRun : public QObject
{
public:
    struct Config
    {
        QString host;
        quint16 port = 0;
        qint64 pid = 0;
        int tablets = 200;
        int changes = 500;
        int warmup = 50;
        int gapMs = 2;
        QString tabletTransport;
    };

    SoldOutRun(Config config, Setup setup) : m_config(std::move(config)), m_setup(std::move(setup)) { }

    int run()
    {
        if (m_config.tablets < 1)
            die(u"soldout needs --tablets of at least 1"_s);
        m_itemId = m_setup.itemIds.front();
        m_path = "/api/v1/menu/items/" + QByteArray::number(m_itemId) + "/availability";
        m_itemIdKey = "\"id\":" + QByteArray::number(m_itemId) + ',';
        for (int i = 0; i < m_config.tablets; ++i) {
            auto connection = std::make_unique<StreamConnection>(
                    transportFor(m_config.tabletTransport, i), m_config.host, m_config.port,
                    m_setup.tableTokens.at(i % m_setup.tableTokens.size()), this);
            connection->setEventCallback([this, i](StreamConnection &, QByteArrayView type, QByteArrayView json,
                                                   qint64 at) { onTabletEvent(size_t(i), type, json, at); });
            m_tablets.push_back(std::move(connection));
        }
        m_counted.assign(size_t(m_config.tablets), -1);
        if (openAll(m_tablets, 50, 300'000) != m_config.tablets)
            die(u"tablet connections failed"_s);
        const int ws = int(std::count_if(m_tablets.begin(), m_tablets.end(), [](const auto &c) {
            return c->transport() == StreamConnection::Transport::WebSocket;
        }));
        say(u"connections: tablets %1 (%2 WebSocket, %3 SSE); item %4 switched by the kitchen"_s
                    .arg(m_config.tablets).arg(ws).arg(m_config.tablets - ws).arg(m_itemId));
        m_http = std::make_unique<HttpConnection>(m_config.host, m_config.port, this);
        m_http->setBearerToken(m_setup.kitchenToken);

        HttpConnection metrics(m_config.host, m_config.port);
        const Histogram sendBefore = scrape(metrics, "tableorder_event_commit_to_send_seconds");
        ProcessProbe probe(m_config.pid);
        const double clientCpuStart = ownCpuSeconds();
        if (probe.valid())
            probe.start(100);
        QElapsedTimer wall;
        wall.start();
        runOneAtATime();
        const double seconds = wall.nsecsElapsed() / 1e9;
        probe.stop();
        const double clientCpu = ownCpuSeconds() - clientCpuStart;
        // Leave the item on sale (an odd number of changes ends on "sold out").
        if (m_sent % 2 == 1) {
            HttpConnection restore(m_config.host, m_config.port);
            call(restore, "PATCH", m_path, {{u"available"_s, true}}, m_setup.kitchenToken);
        }
        report(probe, clientCpu, seconds);
        // The switch's transaction is not in tableorder_db_transaction_seconds (orders only).
        sayHistogram("commit to write on each stream (warm-up included)",
                     scrape(metrics, "tableorder_event_commit_to_send_seconds"), sendBefore);
        return m_lost == 0 && m_httpErrors == 0 ? 0 : 1;
    }

private:
    static constexpr QByteArrayView eventType = "menu.item_availability_changed";
    static constexpr QByteArrayView itemKey = "\"item\":{";
    static constexpr QByteArrayView availableKey = "\"available\":";

    /// Sends change number m_sent: the first switches the item off, the next on again, ...
    void sendChange()
    {
        m_current = Change{};
        m_current.index = m_sent++;
        m_current.available = m_current.index % 2 == 1;
        m_current.measured = m_current.index >= m_config.warmup;
        m_current.startNs = nowNs();
        const qint64 index = m_current.index;
        m_http->request("PATCH", m_path, m_current.available ? "{\"available\":true}" : "{\"available\":false}",
                        m_current.startNs, false, [this, index](const HttpResult &result) {
                            if (result.status != 200 && ++m_httpErrors <= 3)
                                std::fprintf(stderr, "PATCH availability: %d\n", result.status);
                            if (index != m_current.index)
                                return; // given up on as lost
                            if (m_current.measured)
                                m_patch.add(result.doneNs - result.intendedNs);
                            m_current.responded = true;
                            maybeNext();
                        });
    }

    /// Counts the event for the change in flight once per tablet: this item, with the value
    /// the change set. The keys are sorted, so the item's own "available" and "id" are the
    /// first ones in its object (after "allergens", before "options").
    void onTabletEvent(size_t tablet, QByteArrayView type, QByteArrayView json, qint64 at)
    {
        if (type != eventType || m_current.index < 0 || m_counted[tablet] == m_current.index)
            return;
        const qsizetype itemAt = json.indexOf(itemKey);
        if (itemAt < 0)
            return;
        const QByteArrayView item = json.sliced(itemAt + itemKey.size());
        const qsizetype availableAt = item.indexOf(availableKey);
        const qsizetype idAt = item.indexOf("\"id\":");
        if (availableAt < 0 || idAt < 0 || !item.sliced(idAt).startsWith(m_itemIdKey)
            || !item.sliced(availableAt + availableKey.size())
                        .startsWith(m_current.available ? QByteArrayView("true") : QByteArrayView("false")))
            return;
        m_counted[tablet] = m_current.index;
        ++m_current.seen;
        if (m_current.seen == 1 && m_current.measured)
            m_first.add(at - m_current.startNs);
        if (m_current.seen == m_config.tablets) {
            if (m_current.measured)
                m_allTablets.add(at - m_current.startNs);
            maybeNext();
        }
    }

    void maybeNext()
    {
        if (!m_current.responded || m_current.seen < m_config.tablets)
            return;
        ++m_completed;
        m_current.index = -1;
        if (m_sent < qint64(m_config.warmup) + m_config.changes)
            QTimer::singleShot(m_config.gapMs, this, [this] { sendChange(); });
    }

    void runOneAtATime()
    {
        say(u"one change at a time: %1 warm-up changes, then %2 measured (gap %3 ms)"_s
                    .arg(m_config.warmup).arg(m_config.changes).arg(m_config.gapMs));
        const qint64 total = qint64(m_config.warmup) + m_config.changes;
        runChain(total, m_completed, m_lost, m_sent, [this] { sendChange(); }, [this] {
            if (m_current.index >= 0) {
                if (++m_lost <= 5)
                    std::fprintf(stderr, "lost: change %lld: response %d, %d of %d tablets\n", m_current.index,
                                 m_current.responded, m_current.seen, m_config.tablets);
                m_current.index = -1;
            }
        });
    }

    void report(const ProcessProbe &probe, double clientCpu, double seconds)
    {
        say(u"PATCH availability response: "_s + m_patch.summary());
        say(u"the first tablet has it:     "_s + m_first.summary());
        say(u"all tablets have it:         "_s + m_allTablets.summary());
        int broken = 0;
        for (const auto &connection : m_tablets)
            broken += connection->failed() ? 1 : 0;
        const double daemonCpu = probe.valid() ? probe.cpuUsed() : -1;
        say(u"changes %1 measured, lost %2, HTTP errors %3, broken streams %4; daemon CPU %5 s "
            "(%6% of one core), client CPU %7 s, daemon peak RSS %8 MiB over %9 s"_s
                    .arg(m_allTablets.count()).arg(m_lost).arg(m_httpErrors).arg(broken)
                    .arg(daemonCpu, 0, 'f', 2).arg(100 * daemonCpu / seconds, 0, 'f', 1)
                    .arg(clientCpu, 0, 'f', 2).arg(probe.peakRssKiB() / 1024.0, 0, 'f', 1)
                    .arg(seconds, 0, 'f', 1));
        say(u"RESULT realtime-soldout tablets=%1 changes=%2 lost=%3 http_errors=%4 broken=%5 "
            "%6 %7 %8 daemon_cpu_pct=%9"_s
                    .arg(m_config.tablets).arg(m_allTablets.count()).arg(m_lost).arg(m_httpErrors)
                    .arg(broken)
                    .arg(m_patch.keyValues(u"patch_"_s), m_first.keyValues(u"first_tablet_"_s),
                         m_allTablets.keyValues(u"all_tablets_"_s))
                    .arg(100 * daemonCpu / seconds, 0, 'f', 1));
    }

    struct Change
    {
        qint64 index = -1; // -1: none in flight
        bool available = false;
        bool measured = false;
        bool responded = false;
        int seen = 0; // tablets that have it
        qint64 startNs = 0;
    };

    Config m_config;
    Setup m_setup;
    qint64 m_itemId = 0;
    QByteArray m_path;
    QByteArray m_itemIdKey; // "id":N,
    std::vector<std::unique_ptr<StreamConnection>> m_tablets;
    std::vector<qint64> m_counted; // per tablet: the change it last counted
    std::unique_ptr<HttpConnection> m_http;
    Change m_current;
    qint64 m_sent = 0;
    qint64 m_completed = 0;
    qint64 m_lost = 0;
    qint64 m_httpErrors = 0;
    LatencyRecorder m_patch;
    LatencyRecorder m_first;
    LatencyRecorder m_allTablets;
};

/// Memory of the daemon with many idle connections.
int runRss(const QString &host, quint16 port, qint64 pid, int connections, int staffEvery,
           const QString &mix, const Setup &setup)
{
    ProcessProbe probe(pid);
    if (!probe.valid())
        die(u"rss needs --pid"_s);
    const qint64 before = probe.rssKiB();
    std::vector<std::unique_ptr<StreamConnection>> open;
    open.reserve(size_t(connections));
    int staff = 0;
    for (int i = 0; i < connections; ++i) {
        const bool isStaff = staffEvery > 0 && i % staffEvery == 0;
        staff += isStaff ? 1 : 0;
        open.push_back(std::make_unique<StreamConnection>(
                transportFor(mix, i), host, port,
                isStaff ? setup.kitchenToken : setup.tableTokens.at(i % setup.tableTokens.size())));
    }
    QElapsedTimer timer;
    timer.start();
    const int ready = openAll(open, 100, 600'000);
    say(u"%1 of %2 connections open with their snapshot (%3 staff, %4 tablets; %5) in %6 s"_s
                .arg(ready).arg(connections).arg(staff).arg(connections - staff).arg(mix)
                .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    // Let the daemon settle (deleteLater, allocator) before reading its RSS.
    spinUntil([] { return false; }, 3000);
    const qint64 after = probe.rssKiB();
    int broken = 0;
    for (const auto &connection : open)
        broken += connection->failed() ? 1 : 0;
    say(u"daemon RSS: %1 MiB before, %2 MiB with the connections open; %3 KiB per connection; "
        "%4 broke"_s.arg(before / 1024.0, 0, 'f', 1).arg(after / 1024.0, 0, 'f', 1)
                .arg(double(after - before) / std::max(1, ready), 0, 'f', 1).arg(broken));
    say(u"RESULT realtime-rss connections=%1 transport=%2 rss_before_mib=%3 rss_mib=%4 "
        "kib_per_connection=%5 broken=%6"_s.arg(ready).arg(mix).arg(before / 1024.0, 0, 'f', 1)
                .arg(after / 1024.0, 0, 'f', 1)
                .arg(double(after - before) / std::max(1, ready), 0, 'f', 1).arg(broken));
    return ready == connections && broken == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Real-time latency and connection-memory load for tableorder-edge"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"latency, soldout or rss"_s);
    parser.addOptions({
            {u"host"_s, u"Daemon address (127.0.0.1)."_s, u"HOST"_s, u"127.0.0.1"_s},
            {u"port"_s, u"Daemon port."_s, u"PORT"_s},
            {u"pid"_s, u"Daemon process id, for its CPU and RSS."_s, u"PID"_s, u"0"_s},
            {u"staff"_s, u"Staff (kitchen) stream connections (10)."_s, u"N"_s, u"10"_s},
            {u"tablets"_s, u"Tablet stream connections (200)."_s, u"N"_s, u"200"_s},
            {u"tables"_s, u"Tables to create and order from (200)."_s, u"N"_s, u"200"_s},
            {u"rate"_s, u"Orders per second, open loop; 0 = one at a time (0)."_s, u"R"_s, u"0"_s},
            {u"orders"_s, u"Measured orders, one-at-a-time mode (2000)."_s, u"N"_s, u"2000"_s},
            {u"duration"_s, u"Measured seconds, rate mode (30)."_s, u"S"_s, u"30"_s},
            {u"warmup"_s, u"Unmeasured orders (or soldout changes) first (200)."_s, u"N"_s, u"200"_s},
            {u"gap-ms"_s, u"Pause between orders (one at a time) or soldout changes (2)."_s, u"MS"_s, u"2"_s},
            {u"changes"_s, u"soldout mode: measured availability changes (500)."_s, u"N"_s, u"500"_s},
            {u"staff-transport"_s, u"mixed, sse or ws (mixed)."_s, u"T"_s, u"mixed"_s},
            {u"tablet-transport"_s, u"mixed, sse or ws (mixed)."_s, u"T"_s, u"mixed"_s},
            {u"http-connections"_s, u"Keep-alive connections that place orders (8)."_s, u"N"_s, u"8"_s},
            {u"no-ack"_s, u"No kitchen receipts (by default one WebSocket staff screen acks each order)."_s},
            {u"connections"_s, u"rss mode: idle connections (5000)."_s, u"N"_s, u"5000"_s},
            {u"staff-every"_s, u"rss mode: every Nth connection is a staff screen (100)."_s, u"N"_s, u"100"_s},
            {u"transport"_s, u"rss mode: mixed, sse or ws (mixed)."_s, u"T"_s, u"mixed"_s},
            {u"secret"_s, u"The daemon's jwt-secret file: table tokens are minted instead of 200 logins."_s,
             u"FILE"_s},
    });
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);
    const QString host = parser.value(u"host"_s);
    const auto port = quint16(parser.value(u"port"_s).toUInt());
    if (port == 0 || (mode != u"latency"_s && mode != u"rss"_s && mode != u"soldout"_s))
        parser.showHelp(2);
    const qint64 pid = parser.value(u"pid"_s).toLongLong();
    const int tables = parser.value(u"tables"_s).toInt();

    QElapsedTimer timer;
    timer.start();
    QByteArray secret;
    if (parser.isSet(u"secret"_s)) {
        QFile file(parser.value(u"secret"_s));
        if (!file.open(QIODevice::ReadOnly))
            die(u"cannot read %1"_s.arg(parser.value(u"secret"_s)));
        secret = file.readAll();
    }
    const Setup setup = prepare(host, port, tables, secret);
    say(u"setup: %1 tables logged in, %2 menu items, in %3 s"_s.arg(setup.tableTokens.size())
                .arg(setup.itemIds.size()).arg(timer.elapsed() / 1000.0, 0, 'f', 1));

    if (mode == u"rss"_s)
        return runRss(host, port, pid, parser.value(u"connections"_s).toInt(),
                      parser.value(u"staff-every"_s).toInt(), parser.value(u"transport"_s), setup);

    if (mode == u"soldout"_s) {
        SoldOutRun::Config config;
        config.host = host;
        config.port = port;
        config.pid = pid;
        config.tablets = parser.value(u"tablets"_s).toInt();
        config.changes = parser.value(u"changes"_s).toInt();
        config.warmup = parser.value(u"warmup"_s).toInt();
        config.gapMs = parser.value(u"gap-ms"_s).toInt();
        config.tabletTransport = parser.value(u"tablet-transport"_s);
        SoldOutRun run(config, setup);
        return run.run();
    }

    LatencyRun::Config config;
    config.host = host;
    config.port = port;
    config.pid = pid;
    config.staff = parser.value(u"staff"_s).toInt();
    config.tablets = parser.value(u"tablets"_s).toInt();
    config.tables = tables;
    config.rate = parser.value(u"rate"_s).toDouble();
    config.orders = parser.value(u"orders"_s).toInt();
    config.warmup = parser.value(u"warmup"_s).toInt();
    config.duration = parser.value(u"duration"_s).toDouble();
    config.staffTransport = parser.value(u"staff-transport"_s);
    config.tabletTransport = parser.value(u"tablet-transport"_s);
    config.ack = !parser.isSet(u"no-ack"_s);
    config.gapMs = parser.value(u"gap-ms"_s).toInt();
    config.httpConnections = std::max(1, parser.value(u"http-connections"_s).toInt());
    if (config.staff < 1)
        die(u"--staff must be at least 1"_s);
    LatencyRun run(config, setup);
    return run.run();
}
