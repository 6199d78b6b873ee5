#include "appsbench.h"

#include "benchutil.h"
#include "cartmodel.h"
#include "clientsettings.h"
#include "menumodel.h"
#include "tabletapp.h"
#include "tabletcontroller.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <QThread>

#include <algorithm>
#include <cstdlib>
#include <malloc.h>
#include <ctime>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace tableorder::bench {

namespace {

/// VmRSS and VmHWM of a process, in MiB.
std::pair<double, double> memoryOf(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    double rss = 0, hwm = 0;
    if (!status.open(QIODevice::ReadOnly))
        return {0, 0};
    for (const QByteArray &line : status.readAll().split('\n')) {
        const auto kb = [&] { return line.simplified().split(' ').value(1).toDouble() / 1024.0; };
        if (line.startsWith("VmRSS:"))
            rss = kb();
        else if (line.startsWith("VmHWM:"))
            hwm = kb();
    }
    return {rss, hwm};
}

QByteArray picture(int n)
{
    // A distinct 640x400 picture per item, like a food photo's size after the edge's resize.
    QImage image(640, 400, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 640, 400);
    gradient.setColorAt(0, QColor::fromHsv((n * 37) % 360, 160, 230));
    gradient.setColorAt(1, QColor::fromHsv((n * 37 + 60) % 360, 200, 120));
    p.fillRect(image.rect(), gradient);
    p.setPen(Qt::white);
    QFont font;
    font.setPixelSize(120);
    p.setFont(font);
    p.drawText(image.rect(), Qt::AlignCenter, QString::number(n));
    p.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace

AppsBench::AppsBench(Options options) : m_options(options) {}

AppsBench::~AppsBench()
{
    m_scrollApp.reset();
    if (m_edge) {
        m_edge->kill();
        m_edge->waitForFinished(5000);
    }
}

bool AppsBench::startEdge()
{
    m_edge = std::make_unique<QProcess>();
    m_edge->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TABLEORDER_LIMITS_MAX_ITEMS"_s, QString::number(m_options.menuItems + 10));
    env.insert(u"QT_LOGGING_RULES"_s, u"tableorder.http.info=false"_s);
    m_edge->setProcessEnvironment(env);
    m_edge->start(QStringLiteral(TABLEORDER_EDGE_BINARY),
                  {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.filePath(u"edge"_s), u"--demo"_s,
                   u"--no-rate-limit"_s});
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    QByteArray log;
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        m_edge->waitForReadyRead(100);
        log += m_edge->readAll();
        if (const auto match = listening.match(QString::fromUtf8(log)); match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    fprintf(stderr, "edge did not start:\n%s\n", log.constData());
    return false;
}

QJsonObject AppsBench::request(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QString &token, const QByteArray &contentType, int *status)
{
    static QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return json;
}

bool AppsBench::addMenu(const QString &manager)
{
    // The demo has 30 items; a category of its own, shown first, takes the rest.
    const int extra = m_options.menuItems - 30;
    const QJsonObject category = request("POST", u"/api/v1/menu/categories"_s,
                                         R"({"name":"전체 메뉴","display_order":1})", manager);
    m_benchCategory = category.value(u"id"_s).toInteger();
    if (m_benchCategory <= 0)
        return false;
    QElapsedTimer timer;
    timer.start();
    for (int i = 1; i <= extra; ++i) {
        const QJsonObject item{{u"category_id"_s, m_benchCategory},
                               {u"name"_s, u"메뉴 %1"_s.arg(i)},
                               {u"description"_s, u"벤치마크용 메뉴 %1번: 사진과 두 줄 설명"_s.arg(i)},
                               {u"price"_s, 5000 + (i % 20) * 500},
                               {u"display_order"_s, i}};
        const qint64 id = request("POST", u"/api/v1/menu/items"_s, QJsonDocument(item).toJson(), manager)
                                  .value(u"id"_s).toInteger();
        int status = 0;
        request("POST", u"/api/v1/menu/items/%1/image"_s.arg(id), picture(i), manager, "image/png", &status);
        if (id <= 0 || status != 200)
            return false;
    }
    fprintf(stderr, "added %d items with pictures in %.1f s\n", extra, timer.elapsed() / 1000.0);
    return true;
}

QString AppsBench::writeSettings(const QString &name, const QString &token, const QString &role, int table)
{
    const QString path = m_dir.filePath(name + u".ini"_s);
    client::ClientSettings settings(path);
    settings.setEdgeUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)));
    settings.setToken(token, role);
    settings.setTableNumber(table);
    settings.setUsername(role);
    settings.sync();
    return path;
}

AppsBench::Startup AppsBench::startup(const QString &binary, const QString &settings, const QByteArray &readyLine,
                                      const QStringList &extra)
{
    Startup result;
    for (int run = 0; run < m_options.startupRuns; ++run) {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TABLEORDER_REPORT_READY"_s, u"1"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        app.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        app.setReadChannel(QProcess::StandardError);
        app.start(binary, QStringList{u"--settings"_s, settings} + extra);
        QByteArray err;
        bool ready = false;
        while (timer.elapsed() < 30'000 && app.state() != QProcess::NotRunning) {
            app.waitForReadyRead(5);
            err += app.readAllStandardError();
            if (err.contains(readyLine)) {
                ready = true;
                break;
            }
        }
        const double readyMs = timer.nsecsElapsed() / 1e6;
        if (!ready) {
            fprintf(stderr, "%s did not get ready:\n%s\n", qPrintable(binary), err.constData());
            app.kill();
            app.waitForFinished();
            continue;
        }
        result.readyMs.append(readyMs);
        waitMs(3000); // let pictures arrive and caches settle
        const auto [rss, hwm] = memoryOf(app.processId());
        result.rssMb.append(rss);
        result.peakMb.append(hwm);
        app.terminate();
        if (!app.waitForFinished(5000))
            app.kill();
        app.waitForFinished();
    }
    return result;
}

AppsBench::Frames AppsBench::scroll(bool cold)
{
    auto &app = m_scrollApp;
    if (!app) {
        ui::AppOptions options;
        options.settingsFile = writeSettings(u"scroll"_s, m_tableToken, u"table"_s, 3);
        options.windowed = true;
        options.width = 1280;
        options.height = 800;
        app = std::make_unique<tablet::TabletApp>(options);
        app->show();
        waitFor([&] { return app->controller().menuReady(); }, 30'000);
        app->controller().selectCategory(m_benchCategory);
    }
    Frames frames;
    QQuickWindow *window = app->window();
    auto *grid = window->contentItem()->findChild<QQuickItem *>(u"menuGrid"_s);
    if (!grid) {
        // Delegates are found through the visual tree, the view through QObject children.
        const auto all = window->findChildren<QQuickItem *>();
        for (QQuickItem *item : all)
            if (item->objectName() == u"menuGrid"_s)
                grid = item;
    }
    if (!grid)
        return frames;
    waitFor([&] { return grid->property("count").toInt() >= m_options.menuItems - 30; }, 10'000);
    grid->setProperty("contentY", 0);
    window->grabWindow();
    waitMs(cold ? 500 : 200);
    const double end = grid->property("contentHeight").toDouble() - grid->height();
    QElapsedTimer total;
    total.start();
    // Down to the end and back up, one step per frame, as a steady fast fling. Each frame is
    // polish (delegates created or reused), sync and a software render of the whole window.
    int direction = 1;
    double y = 0;
    const auto frame = [&] {
        y = std::clamp(y + direction * m_options.scrollStepPx, 0.0, end);
        grid->setProperty("contentY", y);
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        window->grabWindow();
        frames.ms.append(timer.nsecsElapsed() / 1e6);
        frames.cpuMs.append(threadCpuMs() - cpuStart);
        if (direction > 0 && y >= end)
            direction = -1;
        return !(direction < 0 && y <= 0);
    };
    if (m_options.outsideEventLoop) {
        while (frame())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2); // image threads' replies
    } else {
        // Frames from timer events inside a running event loop, as the app's render loop and
        // a finger's flick drive them: what the views deleteLater() (delegates past the reuse
        // pool, their pictures) is deleted between frames, as on the tablet.
        QEventLoop loop;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (!frame())
                loop.quit();
        });
        tick.start(0);
        loop.exec();
    }
    frames.seconds = total.elapsed() / 1000.0;
    return frames;
}

void AppsBench::print(const QString &title, const Startup &s)
{
    printf("%-34s runs %lld  ready ms: median %.0f  min %.0f  max %.0f   RSS MiB: median %.1f (peak %.1f)\n",
           qPrintable(title), qlonglong(s.readyMs.size()), percentile(s.readyMs, 50),
           s.readyMs.isEmpty() ? 0 : *std::min_element(s.readyMs.begin(), s.readyMs.end()),
           s.readyMs.isEmpty() ? 0 : *std::max_element(s.readyMs.begin(), s.readyMs.end()), percentile(s.rssMb, 50),
           percentile(s.peakMb, 50));
}

void AppsBench::print(const QString &title, const Frames &f)
{
    const auto over = [](const QList<double> &ms) {
        return qlonglong(std::count_if(ms.begin(), ms.end(), [](double v) { return v > 16.7; }));
    };
    printf("%-34s frames %lld, RSS after it %.1f MiB\n", qPrintable(title), qlonglong(f.ms.size()),
           memoryOf(QCoreApplication::applicationPid()).first);
    printf("    %-30s p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms; over 16.7 ms: %lld\n", "wall time per frame",
           percentile(f.ms, 50), percentile(f.ms, 95), percentile(f.ms, 99),
           f.ms.isEmpty() ? 0 : *std::max_element(f.ms.begin(), f.ms.end()), over(f.ms));
    printf("    %-30s p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms; over 16.7 ms: %lld\n", "GUI thread CPU per frame",
           percentile(f.cpuMs, 50), percentile(f.cpuMs, 95), percentile(f.cpuMs, 99),
           f.cpuMs.isEmpty() ? 0 : *std::max_element(f.cpuMs.begin(), f.cpuMs.end()), over(f.cpuMs));
}

int AppsBench::run()
{
    if (!m_dir.isValid() || !startEdge())
        return 1;
    int status = 0;
    const QString manager = request("POST", u"/api/v1/auth/staff-login"_s,
                                    R"({"username":"manager","password":"manager"})", {}, "application/json", &status)
                                    .value(u"token"_s).toString();
    const QString kitchen = request("POST", u"/api/v1/auth/staff-login"_s,
                                    R"({"username":"kitchen","password":"kitchen"})", {})
                                    .value(u"token"_s).toString();
    m_tableToken = request("POST", u"/api/v1/auth/table-login"_s, R"({"table_number":3,"password":"0000"})", {})
                           .value(u"token"_s).toString();
    if (manager.isEmpty() || kitchen.isEmpty() || m_tableToken.isEmpty())
        return 1;
    // Some tickets for the kitchen board.
    for (int i = 0; i < 12; ++i)
        request("POST", u"/api/v1/orders"_s,
                QJsonDocument(QJsonObject{{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                          {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, 1 + i % 30}, {u"quantity"_s, 1 + i % 3}}}}})
                        .toJson(),
                m_tableToken);

    printf("tableorder apps benchmark (%s, Qt %s, QPA %s)\n\n", qPrintable(QSysInfo::prettyProductName()),
           qVersion(), qPrintable(QGuiApplication::platformName()));
    printf("Startup to a usable screen (process start -> first frame showing it), demo menu of 30 items\n");
    print(u"tableorder-tablet 1280x800"_s,
          startup(QStringLiteral(TABLEORDER_TABLET_BINARY), writeSettings(u"tablet"_s, m_tableToken, u"table"_s, 3),
                  "menu ready", {u"--size"_s, u"1280x800"_s}));
    print(u"tableorder-kitchen 1920x1080"_s,
          startup(QStringLiteral(TABLEORDER_KITCHEN_BINARY), writeSettings(u"kitchen"_s, kitchen, u"kitchen"_s, 0),
                  "board ready", {u"--size"_s, u"1920x1080"_s, u"--mute"_s}));

    if (!addMenu(manager))
        return 1;
    printf("\nThe tablet with a %d-item menu (%d in one category, each with a picture)\n", m_options.menuItems,
           m_options.menuItems - 30);
    print(u"tableorder-tablet startup"_s,
          startup(QStringLiteral(TABLEORDER_TABLET_BINARY), writeSettings(u"tablet500"_s, m_tableToken, u"table"_s, 3),
                  "menu ready", {u"--size"_s, u"1280x800"_s}));
    const auto before = memoryOf(QCoreApplication::applicationPid());
    print(u"scroll, pictures not yet loaded"_s, scroll(true));
    print(u"scroll again, pictures cached"_s, scroll(false));
    for (int pass = 0; pass < m_options.extraPasses; ++pass)
        print(u"scroll, pass %1"_s.arg(pass + 3), scroll(false));
    const auto [rss, hwm] = memoryOf(QCoreApplication::applicationPid());
    printf("%-34s RSS %.1f MiB before the scroll test, %.1f MiB (peak %.1f) after scrolling all %d items both "
           "ways %d times (%s)\n",
           "bench process (tablet inside)", before.first, rss, hwm, m_options.menuItems - 30,
           2 + m_options.extraPasses, m_options.outsideEventLoop ? "frames outside any event loop" : "frames in an event loop");
    // How much of that is memory the allocator holds but nobody uses (freed by the image
    // loader threads' arenas) rather than pictures still cached?
    malloc_trim(0);
    printf("%-34s RSS %.1f MiB after malloc_trim(0)\n", "", memoryOf(QCoreApplication::applicationPid()).first);
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) == 3)
        printf("load average at the end: %.2f %.2f %.2f on %d cores\n", load[0], load[1], load[2],
               QThread::idealThreadCount());
    return 0;
}

} // namespace tableorder::bench
