#include "appsbench.h"
#include "uisetup.h"

#include <QCommandLineParser>

#include <cstdio>
#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // Frame times are measured on the offscreen platform: set it unless the caller chose.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    setvbuf(stdout, nullptr, _IOLBF, 0); // the report line by line, also into a file
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("tableorder apps benchmark"));
    parser.addHelpOption();
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Startups per app (5)."), QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption items(QStringLiteral("items"), QStringLiteral("Menu items in the scroll test (500)."), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption passes(QStringLiteral("passes"), QStringLiteral("Scroll passes after the first two (4)."), QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption outside(QStringLiteral("outside-event-loop"),
                                     QStringLiteral("Render the scroll frames outside any event loop (the old, leaking way)."));
    parser.addOptions({runs, items, passes, outside});
    parser.process(app);
    tableorder::bench::AppsBench::Options options;
    options.startupRuns = std::max(1, parser.value(runs).toInt());
    options.menuItems = std::max(31, parser.value(items).toInt());
    options.extraPasses = std::max(0, parser.value(passes).toInt());
    options.outsideEventLoop = parser.isSet(outside);
    tableorder::bench::AppsBench bench(options);
    return bench.run();
}
