// tableorder-kitchen-bench: the kitchen display's rush board with N open tickets (200 by
// default) at 1920x1080 on the offscreen platform: the time to render a frame while the
// ages tick, while paging through the board and while tickets are bumped off it (each bump
// re-tiles every ticket), and the process's memory. Starts a demo edge of its own, places the
// orders over HTTP, runs the app in this process. See docs/PERFORMANCE.md, "Kitchen board".
#include "benchutil.h"
#include "boardcontroller.h"
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "orderlistmodel.h"
#include "uisetup.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::bench;

namespace {

/// VmRSS and VmHWM of this process, in MiB.
std::pair<double, double> memory()
{
    QFile status(u"/proc/self/status"_s);
    double rss = 0, hwm = 0;
    if (!status.open(QIODevice::ReadOnly))
        return {0, 0};
    for (const QByteArray &line : status.readAll().split('\n')) {
        const auto mb = [&] { return line.simplified().split(' ').value(1).toDouble() / 1024.0; };
        if (line.startsWith("VmRSS:"))
            rss = mb();
        else if (line.startsWith("VmHWM:"))
            hwm = mb();
    }
    return {rss, hwm};
}

/// An item of the visual tree by objectName (what Loaders and Repeaters create is there).
QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (!item || item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

struct Frames
{
    QList<double> ms;
    QList<double> cpuMs;
};

class Edge
{
public:
    bool start(const QString &dir)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_LOGGING_RULES"_s, u"tableorder.http.info=false"_s);
        env.insert(u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s);
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(TABLEORDER_EDGE_BINARY),
                        {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir, u"--demo"_s, u"--no-rate-limit"_s});
        static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
        QByteArray log;
        QDeadlineTimer deadline(60'000);
        while (!deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            log += m_process.readAll();
            if (const auto match = listening.match(QString::fromUtf8(log)); match.hasMatch()) {
                port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        fprintf(stderr, "edge did not start:\n%s\n", log.constData());
        return false;
    }
    ~Edge()
    {
        m_process.terminate();
        m_process.waitForFinished(10'000);
    }
    QJsonObject request(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &token,
                        int *status = nullptr)
    {
        QNetworkRequest req(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = m_nam.sendCustomRequest(req, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

    quint16 port = 0;

private:
    QProcess m_process;
    QNetworkAccessManager m_nam;
};

void print(const char *title, const Frames &f)
{
    printf("%-28s frames %4lld  wall ms: p50 %6.1f  p95 %6.1f  max %6.1f   GUI-thread CPU ms: p50 %6.1f  p95 %6.1f\n",
           title, qlonglong(f.ms.size()), percentile(f.ms, 50), percentile(f.ms, 95),
           f.ms.isEmpty() ? 0 : *std::max_element(f.ms.begin(), f.ms.end()), percentile(f.cpuMs, 50),
           percentile(f.cpuMs, 95));
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    setvbuf(stdout, nullptr, _IOLBF, 0);
    QGuiApplication app(argc, argv);
    ui::setupApplication(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"tableorder kitchen board benchmark"_s);
    parser.addHelpOption();
    const QCommandLineOption ticketsOption(u"tickets"_s, u"Open tickets (200)."_s, u"n"_s, u"200"_s);
    const QCommandLineOption bumpsOption(u"bumps"_s, u"Tickets bumped off the board, one per frame (50)."_s, u"n"_s, u"50"_s);
    parser.addOptions({ticketsOption, bumpsOption});
    parser.process(app);
    const int tickets = std::max(1, parser.value(ticketsOption).toInt());
    const int bumps = std::max(0, parser.value(bumpsOption).toInt());

    QTemporaryDir dir;
    Edge edge;
    if (!edge.start(dir.filePath(u"edge"_s)))
        return 1;
    // The orders: 2 to 4 lines each from the demo menu's dishes without required options.
    QList<qint64> dishes;
    const QJsonObject menu = edge.request("GET", u"/api/v1/menu"_s, {}, {});
    for (const QJsonValue &category : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &value : category.toObject().value(u"items"_s).toArray()) {
            const QJsonObject item = value.toObject();
            bool required = false;
            for (const QJsonValue &group : item.value(u"option_groups"_s).toArray())
                required = required || group.toObject().value(u"min_select"_s).toInt() >= 1;
            if (!required && item.value(u"available"_s).toBool() && item.value(u"available_now"_s).toBool(true)
                && item.value(u"stock"_s).isNull())
                dishes.append(item.value(u"id"_s).toInteger());
        }
    }
    if (dishes.size() < 4) {
        fprintf(stderr, "the demo menu has too few dishes\n");
        return 1;
    }
    QHash<int, QString> tables;
    for (int t = 1; t <= 12; ++t)
        tables.insert(t, edge.request("POST", u"/api/v1/auth/table-login"_s,
                                      {{u"table_number"_s, t}, {u"password"_s, u"0000"_s}}, {})
                                 .value(u"token"_s).toString());
    QElapsedTimer placing;
    placing.start();
    for (int i = 0; i < tickets; ++i) {
        QJsonArray items;
        for (int line = 0; line < 2 + i % 3; ++line)
            items.append(QJsonObject{{u"menu_item_id"_s, dishes.at((i + line * 3) % dishes.size())},
                                     {u"quantity"_s, 1 + (i + line) % 2}});
        int status = 0;
        edge.request("POST", u"/api/v1/orders"_s,
                     {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)}, {u"items"_s, items}},
                     tables.value(1 + i % 12), &status);
        if (status != 201) {
            fprintf(stderr, "order %d refused (%d)\n", i, status);
            return 1;
        }
    }
    printf("placed %d orders in %.1f s\n", tickets, placing.elapsed() / 1000.0);
    const auto before = memory();

    ui::AppOptions options;
    options.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(edge.port));
    options.settingsFile = dir.filePath(u"kitchen.ini"_s);
    options.windowed = true;
    options.width = 1920;
    options.height = 1080;
    options.mute = true;
    options.language = u"ko"_s;
    auto kitchenApp = std::make_unique<kitchen::KitchenApp>(options);
    kitchenApp->show();
    kitchen::KitchenController &controller = kitchenApp->controller();
    kitchen::BoardController &board = *controller.board();
    board.setUndoWindowMs(0);
    QElapsedTimer ready;
    ready.start();
    controller.login({}, u"kitchen"_s, u"kitchen"_s);
    QQuickWindow *window = kitchenApp->window();
    QQuickItem *boardItem = nullptr;
    const bool shown = waitFor(
            [&] {
                if (!boardItem)
                    boardItem = findItem(window->contentItem(), u"board"_s);
                return boardItem && board.active()->rowCount() == tickets
                       && boardItem->property("pageIds").toList().size() > 0;
            },
            60'000);
    if (!shown) {
        fprintf(stderr, "the board did not show %d tickets (%d on the board)\n", tickets, board.active()->rowCount());
        return 1;
    }
    window->grabWindow();
    printf("board with %d tickets ready %.0f ms after login; %d pages, %lld tickets on the first\n", tickets,
           double(ready.elapsed()), boardItem->property("pageCount").toInt(),
           qlonglong(boardItem->property("pageIds").toList().size()));
    waitMs(1500); // the fade-ins and the delivery receipts
    const auto loaded = memory();

    // Each frame from a timer inside the event loop, as the render loop drives them.
    const auto measure = [&](int count, const std::function<void(int)> &step) {
        Frames frames;
        QEventLoop loop;
        QTimer tick;
        int n = 0;
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (n == count)
                return loop.quit();
            // The frame: the change, what it queued (the board re-tiles on a zero timer),
            // then polish, sync and a software render of the whole window.
            QElapsedTimer timer;
            timer.start();
            const double cpu = threadCpuMs();
            step(n++);
            QCoreApplication::processEvents();
            window->grabWindow();
            frames.ms.append(timer.nsecsElapsed() / 1e6);
            frames.cpuMs.append(threadCpuMs() - cpu);
        });
        tick.start(0);
        loop.exec();
        return frames;
    };
    double now = QDateTime::currentMSecsSinceEpoch();
    // Ages tick: the board's clock moves a minute a frame, every ticket's age re-evaluates.
    const Frames ticking = measure(100, [&](int) { boardItem->setProperty("now", now += 60'000); });
    const int pages = boardItem->property("pageCount").toInt();
    const Frames paging = measure(2 * pages, [&](int n) {
        QMetaObject::invokeMethod(boardItem, n < pages ? "nextPage" : "previousPage");
    });
    // Bump the oldest ticket off the board (started, then ready): the rest re-tile.
    const Frames bumping = measure(bumps, [&](int) {
        const qint64 id = board.active()->orders().first().value(u"id"_s).toInteger();
        board.advance(id);
        board.advance(id);
    });
    waitMs(500);
    const auto after = memory();

    printf("\nkitchen board, %d open tickets, 1920x1080, offscreen (software) rendering\n", tickets);
    print("ages ticking (whole board)", ticking);
    print("paging", paging);
    print("bump off + re-tile", bumping);
    printf("memory MiB: before the app %.1f; with the board of %d tickets %.1f (peak %.1f); after %d bumps %.1f (peak %.1f)\n",
           before.first, tickets, loaded.first, loaded.second, bumps, after.first, after.second);
    kitchenApp.reset();
    return 0;
}
