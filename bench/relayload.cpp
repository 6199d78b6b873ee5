// tableorder-relay-load: the guest relay's overhead (issue 16). A guest order's round trip
// through central (phone -> central -> relay WebSocket -> edge -> back) against the same order
// sent to the edge directly, at a fixed rate across many phones.
//
//   tableorder-relay-load --edge-bin build/release/edge/tableorder-edge
//       --central-bin build/release/central/tableorder-central
//       [--rate 50] [--phones 100] [--duration 20] [--warmup 3] [--rounds 4]
//
// Starts a --demo central and a --demo edge linked to it (loopback, temporary directories,
// rate limits off), lets the first phone order of each table open its visit, joins `phones`
// phones spread over the demo's 12 tables (each with its own keep-alive connection and guest
// token, through central and directly), then sends one-item orders open loop at `rate` per
// second, round robin over the phones, through central and directly in alternating rounds,
// each mode `duration` seconds in all after a warm-up; then the same with a request that writes
// nothing (GET /api/v1/guest/session), which shows the relay's own cost. Latency counts from the scheduled send time to the last
// byte of the answer, so a backlog shows (no coordinated omission). Bounded: at most
// rate x (warmup + duration) orders per mode, and each mode stops 30 s after its last send.
#include "clock.h"
#include "httpconnection.h"
#include "latencyrecorder.h"
#include "serverprocess.h"
#include "ticker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder::bench;

namespace {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

/// One synchronous JSON request for the setup (not measured).
QJsonObject call(QNetworkAccessManager &nam, const QByteArray &verb, quint16 port, const QString &path,
                 const QJsonObject &body = {}, const QString &token = {}, int *status = nullptr)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body.isEmpty() ? QByteArray()
                                                                                : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return out;
}

struct Phone
{
    std::unique_ptr<HttpConnection> connection;
    QByteArray prefix; // "/s/1" through central, empty directly
};

struct Run
{
    LatencyRecorder latency;
    qint64 sent = 0;
    qint64 answered = 0;
    qint64 failed = 0;
};

/// Sends orders open loop at `rate` over the phones for warmup + duration seconds; only the
/// answers to orders scheduled after the warm-up are recorded.
void drive(Run &run, std::vector<Phone> &phones, int rate, int warmupS, int durationS, qint64 itemId, bool orders)
{
    const qint64 interval = nsPerSecond / rate;
    const qint64 total = qint64(rate) * (warmupS + durationS);
    const qint64 warmupEnd = qint64(rate) * warmupS;
    const qint64 start = nowNs() + 50 * nsPerMs;
    Ticker ticker;
    QEventLoop loop;
    qint64 next = 0;
    qint64 outstanding = 0;
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto sendOne = [&] {
        const qint64 i = next++;
        const qint64 intended = start + i * interval;
        Phone &phone = phones[size_t(i % qint64(phones.size()))];
        const QJsonObject order{{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, itemId}, {u"quantity"_s, 1}}}}};
        ++outstanding;
        ++run.sent;
        const QByteArray method = orders ? "POST" : "GET";
        const QByteArray path = phone.prefix + (orders ? "/api/v1/guest/orders" : "/api/v1/guest/session");
        const QByteArray body = orders ? QJsonDocument(order).toJson(QJsonDocument::Compact) : QByteArray();
        phone.connection->request(method, path, body, intended, false,
                                  [&, i](const HttpResult &r) {
            --outstanding;
            if (r.status == 201 || r.status == 200) {
                ++run.answered;
                if (i >= warmupEnd)
                    run.latency.add(r.doneNs - r.intendedNs);
            } else {
                ++run.failed;
            }
            if (next >= total && outstanding == 0)
                loop.quit();
        });
        if (next < total)
            ticker.armAt(start + next * interval);
        else
            giveUp.start(30'000);
    };
    QObject::connect(&ticker, &Ticker::fired, &loop, sendOne);
    ticker.armAt(start);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{u"edge-bin"_s, u"tableorder-edge binary."_s, u"FILE"_s},
                       {u"central-bin"_s, u"tableorder-central binary."_s, u"FILE"_s},
                       {u"rate"_s, u"Orders per second (default 50)."_s, u"N"_s, u"50"_s},
                       {u"phones"_s, u"Phones, spread over the 12 demo tables (default 100)."_s, u"N"_s, u"100"_s},
                       {u"duration"_s, u"Measured seconds per mode (default 20)."_s, u"S"_s, u"20"_s},
                       {u"warmup"_s, u"Unmeasured seconds first (default 3)."_s, u"S"_s, u"3"_s},
                       {u"rounds"_s, u"Alternations of the two modes (default 4)."_s, u"N"_s, u"4"_s}});
    parser.process(app);
    const int rate = std::clamp(parser.value(u"rate"_s).toInt(), 1, 2000);
    const int phoneCount = std::clamp(parser.value(u"phones"_s).toInt(), 1, 1000);
    const int duration = std::clamp(parser.value(u"duration"_s).toInt(), 1, 600);
    const int warmup = std::clamp(parser.value(u"warmup"_s).toInt(), 0, 60);
    const int rounds = std::clamp(parser.value(u"rounds"_s).toInt(), 1, duration);
    if (!parser.isSet(u"edge-bin"_s) || !parser.isSet(u"central-bin"_s)) {
        say(u"--edge-bin and --central-bin are required"_s);
        return 2;
    }

    QTemporaryDir dir;
    ServerProcess central(parser.value(u"central-bin"_s),
                          {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, u"sqlite:"_s + dir.filePath(u"hq/central.db"_s),
                           u"--demo"_s, u"--no-rate-limit"_s});
    const quint16 centralPort = central.start("central");
    if (!centralPort)
        return 1;
    QFile keyFile(dir.filePath(u"hq/demo-store-key"_s));
    if (!keyFile.open(QIODevice::ReadOnly))
        return 1;
    ServerProcess edge(parser.value(u"edge-bin"_s),
                       {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"edge"_s), u"--demo"_s,
                        u"--no-rate-limit"_s, u"--central"_s, u"http://127.0.0.1:%1"_s.arg(centralPort)},
                       {{u"TABLEORDER_STORE_KEY"_s, QString::fromLatin1(keyFile.readAll()).trimmed()},
                        {u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s}});
    const quint16 edgePort = edge.start("edge");
    if (!edgePort)
        return 1;

    QNetworkAccessManager nam;
    const QString manager = call(nam, "POST", edgePort, u"/api/v1/auth/staff-login"_s,
                                 {{u"username"_s, u"manager"_s}, {u"password"_s, u"manager"_s}}).value(u"token"_s).toString();
    call(nam, "PUT", edgePort, u"/api/v1/guest-settings"_s, {{u"self_open"_s, true}}, manager);
    QStringList codes;
    for (const QJsonValue &t : call(nam, "GET", edgePort, u"/api/v1/guest-tables"_s, {}, manager).value(u"tables"_s).toArray())
        codes.append(t.toObject().value(u"code"_s).toString());
    // Wait for the relay.
    int status = 0;
    for (int i = 0; i < 200 && status != 200; ++i) {
        call(nam, "GET", centralPort, u"/s/1/api/v1/guest/menu"_s, {}, {}, &status);
        if (status != 200)
            QThread::msleep(50);
    }
    if (status != 200 || codes.isEmpty()) {
        say(u"the relay did not come up"_s);
        return 1;
    }
    const QJsonObject menu = call(nam, "GET", edgePort, u"/api/v1/guest/menu"_s);
    qint64 itemId = 0;
    for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &item : c.toObject().value(u"items"_s).toArray()) {
            const QJsonObject o = item.toObject();
            if (!itemId && o.value(u"option_groups"_s).toArray().isEmpty() && !o.value(u"sold_out"_s).toBool())
                itemId = o.value(u"id"_s).toInteger();
        }
    }

    // One phone per slot, round robin over the tables; the first order of a table opens its
    // visit, so each table's first phone orders once before the others join.
    auto makePhones = [&](quint16 port, const QString &prefix) {
        std::vector<Phone> phones;
        for (int i = 0; i < phoneCount; ++i) {
            const QString code = codes.at(i % codes.size());
            const QString token = call(nam, "POST", port, prefix + u"/api/v1/guest/join"_s, {{u"table_code"_s, code}})
                                          .value(u"token"_s).toString();
            if (i < codes.size())
                call(nam, "POST", port, prefix + u"/api/v1/guest/orders"_s,
                     {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, itemId}, {u"quantity"_s, 1}}}}},
                     token);
            Phone phone;
            phone.connection = std::make_unique<HttpConnection>(u"127.0.0.1"_s, port);
            phone.connection->setBearerToken(token.toUtf8());
            phone.prefix = prefix.toUtf8();
            phones.push_back(std::move(phone));
        }
        return phones;
    };
    say(u"relay bench: %1 orders/s across %2 phones, %3 s measured after %4 s warm-up, item %5"_s
                .arg(rate).arg(phoneCount).arg(duration).arg(warmup).arg(itemId));
    std::vector<Phone> viaCentral = makePhones(centralPort, u"/s/1"_s);
    std::vector<Phone> direct = makePhones(edgePort, QString());
    auto line = [](const QString &name, const Run &r) {
        return u"  %1: sent %2 answered %3 failed %4; %5"_s.arg(name).arg(r.sent).arg(r.answered).arg(r.failed)
                .arg(r.latency.summary());
    };
    // The modes alternate in rounds, so a neighbour's load on a shared machine hits both alike.
    qint64 failed = 0;
    for (const bool orders : {true, false}) {
        Run relayed;
        Run straight;
        for (int round = 0; round < rounds; ++round) {
            drive(relayed, viaCentral, rate, round == 0 ? warmup : 0, duration / rounds, itemId, orders);
            drive(straight, direct, rate, round == 0 ? warmup : 0, duration / rounds, itemId, orders);
        }
        say(orders ? u"POST /api/v1/guest/orders (durable commit before the answer):"_s
                   : u"GET /api/v1/guest/session (a token check, no write):"_s);
        say(line(u"through central"_s, relayed));
        say(line(u"direct to edge "_s, straight));
        say(u"  relay overhead: p50 %1 ms, p99 %2 ms"_s
                    .arg((relayed.latency.percentileNs(50) - straight.latency.percentileNs(50)) / 1e6, 0, 'f', 3)
                    .arg((relayed.latency.percentileNs(99) - straight.latency.percentileNs(99)) / 1e6, 0, 'f', 3));
        failed += relayed.failed + straight.failed;
    }
    viaCentral.clear();
    direct.clear();
    edge.stop();
    central.stop();
    return failed == 0 ? 0 : 1;
}
