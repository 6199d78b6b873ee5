// The guests' phone app on a throttled connection (issue 16): headless Chromium at phone size
// (390x844) opens a table's guest page on a real --demo edge under DevTools network emulation
// (Network.emulateNetworkConditions) with an empty cache, and records the time to the first
// screen (the menu rendered: the app's `guest-first-screen` performance mark, from navigation
// start) and the bytes transferred before pictures (document, script, style, API calls) and
// with them. Results in docs/PERFORMANCE.md ("Guest app on a slow phone connection").
//
//   tableorder-guest-bench --edge build/release/edge/tableorder-edge [--runs 10]

#include "browser.h"
#include "serverprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Profile
{
    QString name;
    double latencyMs;
    double downloadBytesPerSecond;
    double uploadBytesPerSecond;
};

// Download and upload in bytes per second, latency added to every request.
const Profile profiles[] = {
        // WebPageTest "3G Fast" (also Lighthouse's mobile network): 1.6 Mbit/s, 768 kbit/s, 150 ms.
        {u"3g-fast"_s, 150, 1.6e6 / 8, 768e3 / 8},
        // WebPageTest "3G": 1.6 Mbit/s, 768 kbit/s, 300 ms.
        {u"3g"_s, 300, 1.6e6 / 8, 768e3 / 8},
        // Chrome DevTools' "Fast 3G" preset (its own scaling: 1.44 Mbit/s, 675 kbit/s, 562.5 ms).
        {u"devtools-fast-3g"_s, 562.5, 1.6e6 * 0.9 / 8, 750e3 * 0.9 / 8},
};

QByteArray get(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{u"edge"_s, u"tableorder-edge binary."_s, u"PATH"_s},
                       {u"runs"_s, u"Page loads per profile (default 10)."_s, u"N"_s}});
    parser.process(app);
    QTextStream out(stdout);
    const int runs = std::max(1, parser.value(u"runs"_s).isEmpty() ? 10 : parser.value(u"runs"_s).toInt());
    QTemporaryDir data;
    tableorder::bench::ServerProcess edge(parser.value(u"edge"_s),
                                          {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, data.path(), u"--demo"_s,
                                           u"--no-rate-limit"_s});
    const quint16 port = edge.start("edge");
    if (!port)
        return 1;
    const QString base = u"http://127.0.0.1:%1"_s.arg(port);
    // The demo's root page links to each table's guest page (the demo lets a table code order).
    const QString code = QRegularExpression(u"href=\"/t/([0-9A-Z]+)\""_s).match(QString::fromUtf8(get(base + u"/"_s))).captured(1);
    if (code.isEmpty()) {
        out << "no demo table code on the root page\n";
        return 1;
    }
    tableorder::test::Browser browser;
    if (!browser.start(390, 844, true)) {
        out << "chromium: " << browser.errorString() << "\n";
        return 1;
    }
    browser.command(u"Network.enable"_s);
    browser.command(u"Network.setCacheDisabled"_s, {{u"cacheDisabled"_s, true}});
    out << "profile            runs  first screen ms (median / max)  bytes before pictures  bytes with pictures  requests\n";
    for (const Profile &profile : profiles) {
        QList<double> times;
        double bytesBefore = 0;
        double bytesAll = 0;
        int requests = 0;
        for (int run = 0; run < runs; ++run) {
            browser.command(u"Network.emulateNetworkConditions"_s, {{u"offline"_s, false}});
            if (!browser.navigate(base + u"/guest/app.css"_s))
                return 1;
            browser.evaluate(u"localStorage.clear(); sessionStorage.clear(); true"_s);
            browser.command(u"Network.clearBrowserCache"_s);
            browser.command(u"Network.emulateNetworkConditions"_s,
                            {{u"offline"_s, false}, {u"latency"_s, profile.latencyMs},
                             {u"downloadThroughput"_s, profile.downloadBytesPerSecond},
                             {u"uploadThroughput"_s, profile.uploadBytesPerSecond},
                             {u"connectionType"_s, u"cellular3g"_s}});
            if (!browser.navigate(base + u"/t/"_s + code)
                || !browser.waitFor(u"performance.getEntriesByName('guest-first-screen').length > 0"_s, 60'000)) {
                out << "page did not load: " << browser.errorString() << "\n";
                return 1;
            }
            // Let the visible pictures arrive, then count everything the page fetched.
            if (!browser.waitFor(u"[...document.images].filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete)"_s, 60'000))
                return 1;
            const QJsonObject m = browser.evaluate(uR"((() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const res = performance.getEntriesByType('resource');
                const before = nav.transferSize + res.filter(r => r.initiatorType !== 'img').reduce((s, r) => s + r.transferSize, 0);
                const all = nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0);
                return {first: performance.getEntriesByName('guest-first-screen')[0].startTime, before, all,
                        requests: 1 + res.length};
            })())"_s).toObject();
            times.append(m.value(u"first"_s).toDouble());
            bytesBefore = m.value(u"before"_s).toDouble();
            bytesAll = m.value(u"all"_s).toDouble();
            requests = m.value(u"requests"_s).toInt();
        }
        out << QString(u"%1 %2  %3 / %4  %5  %6  %7\n"_s)
                        .arg(profile.name, -18)
                        .arg(runs, 4)
                        .arg(median(times), 14, 'f', 0)
                        .arg(*std::max_element(times.begin(), times.end()), 6, 'f', 0)
                        .arg(bytesBefore, 21, 'f', 0)
                        .arg(bytesAll, 20, 'f', 0)
                        .arg(requests, 9);
        out.flush();
    }
    browser.command(u"Network.emulateNetworkConditions"_s, {{u"offline"_s, false}});
    edge.stop();
    return 0;
}
