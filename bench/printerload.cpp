// tableorder-printer-load: order -> first byte at the kitchen printer, at a fixed order rate
// across several test printers (issue 14, "Kitchen printers" in docs/PERFORMANCE.md).
//
//   tableorder-printer-load --edge-bin build/release/edge/tableorder-edge [--rate 100]
//       [--duration 20] [--printers 4] [--tables 12] [--work-dir DIR]
//
// Starts a --demo edge on a temporary data directory, the test printers of tests/support
// (ESC/POS over TCP on 127.0.0.1) and gives each printer a station of its own (the demo's
// categories are spread over the printers' stations, mode "printer"). Orders of one item from
// a random category are sent open loop on a fixed schedule; latency counts from the scheduled
// send time to the first byte of that order's ticket at its printer, so a backlog shows.
#include "serverprocess.h"
#include "testprinter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder::bench;
using tableorder::test::TestPrinter;

namespace {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

struct Http
{
    QNetworkAccessManager nam;
    quint16 port = 0;

    QNetworkReply *send(const QByteArray &verb, const QString &path, const QJsonObject &body, const QString &token)
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QJsonObject call(const QByteArray &verb, const QString &path, const QJsonObject &body, const QString &token = {})
    {
        QNetworkReply *reply = send(verb, path, body, token);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }
};

double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(q * double(values.size()))));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{u"edge-bin"_s, u"tableorder-edge binary."_s, u"PATH"_s},
                       {u"rate"_s, u"Orders per second."_s, u"N"_s, u"100"_s},
                       {u"duration"_s, u"Seconds of orders."_s, u"S"_s, u"20"_s},
                       {u"printers"_s, u"Test printers."_s, u"N"_s, u"4"_s},
                       {u"tables"_s, u"Tables ordering (the demo has 12)."_s, u"N"_s, u"12"_s},
                       {u"work-dir"_s, u"Where the edge's data goes (default: a temporary dir)."_s, u"DIR"_s}});
    parser.process(app);
    const int rate = parser.value(u"rate"_s).toInt();
    const int duration = parser.value(u"duration"_s).toInt();
    const int printerCount = std::max(1, parser.value(u"printers"_s).toInt());
    const int tables = std::max(1, parser.value(u"tables"_s).toInt());
    if (!parser.isSet(u"edge-bin"_s) || rate <= 0 || duration <= 0) {
        std::fprintf(stderr, "tableorder-printer-load: --edge-bin PATH required; --rate, --duration > 0\n");
        return 2;
    }
    QTemporaryDir temp;
    const QString dataDir = parser.isSet(u"work-dir"_s) ? parser.value(u"work-dir"_s) : temp.path();
    ServerProcess edge(parser.value(u"edge-bin"_s),
                       {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, QDir(dataDir).filePath(u"edge"_s), u"--demo"_s,
                        u"--no-rate-limit"_s},
                       {{u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s},
                        {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s},
                        {u"TABLEORDER_BACKUP_INTERVAL_MINUTES"_s, u"0"_s}});
    Http http;
    http.port = edge.start("edge");
    if (!http.port)
        return 1;
    const QString manager = http.call("POST", u"/api/v1/auth/staff-login"_s,
                                      {{u"username"_s, u"manager"_s}, {u"password"_s, u"manager"_s}})
                                    .value(u"token"_s).toString();
    QList<QString> tableTokens;
    for (int t = 1; t <= tables; ++t)
        tableTokens.append(http.call("POST", u"/api/v1/auth/table-login"_s,
                                     {{u"table_number"_s, t}, {u"password"_s, u"0000"_s}})
                                   .value(u"token"_s).toString());
    if (manager.isEmpty() || tableTokens.contains(QString())) {
        say(u"cannot log in (is --tables more than the demo's tables?)"_s);
        return 1;
    }

    // Printers, one station each; the demo's categories spread over those stations.
    std::vector<std::unique_ptr<TestPrinter>> printers;
    for (int i = 0; i < printerCount; ++i) {
        printers.push_back(std::make_unique<TestPrinter>());
        if (!printers.back()->start())
            return 1;
        const QString station = u"station%1"_s.arg(i);
        http.call("POST", u"/api/v1/printers"_s,
                  {{u"name"_s, u"printer %1"_s.arg(i)}, {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, printers.back()->port()},
                   {u"stations"_s, QJsonArray{station}}},
                  manager);
        http.call("PUT", u"/api/v1/stations/%1/mode"_s.arg(station), {{u"mode"_s, u"printer"_s}}, manager);
    }
    const QJsonObject menu = http.call("GET", u"/api/v1/menu"_s, {});
    QList<qint64> items; // orderable without options, one list across categories
    int c = 0;
    for (const QJsonValue &category : menu.value(u"categories"_s).toArray()) {
        QJsonObject body = category.toObject();
        const qint64 id = body.value(u"id"_s).toInteger();
        http.call("PUT", u"/api/v1/menu/categories/%1"_s.arg(id),
                  {{u"station"_s, u"station%1"_s.arg(c++ % printerCount)}}, manager);
        for (const QJsonValue &i : body.value(u"items"_s).toArray()) {
            const QJsonObject item = i.toObject();
            if (item.value(u"option_groups"_s).toArray().isEmpty() && item.value(u"hours"_s).toArray().isEmpty()
                && item.value(u"available"_s).toBool(true) && item.value(u"stock"_s).isNull())
                items.append(item.value(u"id"_s).toInteger());
        }
    }
    if (items.isEmpty())
        return 1;

    // Open loop: order k leaves at start + k/rate (ms), whatever happened to the others.
    const int total = rate * duration;
    QHash<int, qint64> scheduledByNumber; // order number -> scheduled send (ms since epoch)
    int sent = 0;
    int failed = 0;
    int answered = 0;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() + 200;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        while (sent < total && start + qint64(sent) * 1000 / rate <= now) {
            const qint64 scheduled = start + qint64(sent) * 1000 / rate;
            const QString token = tableTokens.at(sent % tables);
            const qint64 item = items.at(QRandomGenerator::global()->bounded(items.size()));
            QNetworkReply *reply = http.send(
                    "POST", u"/api/v1/orders"_s,
                    {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                     {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, item}, {u"quantity"_s, 1}}}}},
                    token);
            QObject::connect(reply, &QNetworkReply::finished, [&, reply, scheduled] {
                reply->deleteLater();
                ++answered;
                const QJsonObject order = QJsonDocument::fromJson(reply->readAll()).object();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201) {
                    ++failed;
                    return;
                }
                scheduledByNumber.insert(order.value(u"number"_s).toInt(), scheduled);
            });
            ++sent;
        }
        if (sent >= total)
            ticker.stop();
    });
    ticker.start(2);
    say(u"sending %1 orders at %2/s across %3 printers"_s.arg(total).arg(rate).arg(printerCount));
    auto printed = [&] {
        qsizetype n = 0;
        for (const auto &p : printers)
            n += p->tickets().size();
        return n;
    };
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, [&] {
        if (answered == total && printed() >= total - failed)
            loop.quit();
    });
    check.start(50);
    QTimer::singleShot((duration + 60) * 1000, &loop, &QEventLoop::quit);
    loop.exec();

    static const QRegularExpression number(u"주문 #(\\d+)"_s);
    QList<double> latencies;
    for (const auto &p : printers) {
        for (qsizetype t = 0; t < p->tickets().size() && t < p->firstByteTimes().size(); ++t) {
            const auto match = number.match(p->tickets().at(t).joined());
            if (!match.hasMatch())
                continue;
            const auto it = scheduledByNumber.constFind(match.captured(1).toInt());
            if (it != scheduledByNumber.cend())
                latencies.append(double(p->firstByteTimes().at(t) - *it));
        }
    }
    say(u"orders sent %1, refused %2, tickets %3, matched %4"_s.arg(sent).arg(failed).arg(printed()).arg(latencies.size()));
    say(u"order -> first byte at the printer: p50 %1 ms, p99 %2 ms, max %3 ms"_s
                .arg(quantile(latencies, 0.5))
                .arg(quantile(latencies, 0.99))
                .arg(quantile(latencies, 1.0)));
    edge.stop();
    return latencies.size() == total - failed && failed == 0 ? 0 : 1;
}
