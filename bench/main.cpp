#include "loadrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

using namespace Qt::StringLiterals;
using tableorder::bench::LoadOptions;
using tableorder::bench::LoadRunner;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tableorder-edge-load"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load program for tableorder-edge (loopback only).\n"
        "Modes:\n"
        "  orders         open loop: --tablets tablets order at --rate orders/s together for\n"
        "                 --duration s; latency from each order's intended send time;\n"
        "                 --staff screens poll GET /orders?status=pending every second;\n"
        "                 --login-rate staff logins/s are attempted meanwhile (half wrong)\n"
        "  orders-closed  closed loop: --connections tablets order back to back\n"
        "  menu           closed loop: --connections connections GET /menu back to back\n"
        "  search         open loop at rising rates to find the highest one --tablets\n"
        "                 sustain with p99 under --max-p99-ms\n"
        "  rss            print the daemon's RSS and exit"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"orders | orders-closed | menu | search | rss"_s);
    const QList<QCommandLineOption> options = {
        { u"host"_s, u"Daemon address; loopback only (default 127.0.0.1)."_s, u"ADDR"_s,
            u"127.0.0.1"_s },
        { u"port"_s, u"Daemon port (default 8080)."_s, u"PORT"_s, u"8080"_s },
        { u"pid"_s, u"Daemon process id, for RSS and CPU from /proc."_s, u"PID"_s },
        { u"tablets"_s, u"Open loop: tablets, each its own table and connection (100)."_s, u"N"_s,
            u"100"_s },
        { u"connections"_s, u"Closed loop: connections (50)."_s, u"C"_s, u"50"_s },
        { u"threads"_s, u"Closed loop: client threads (1)."_s, u"N"_s, u"1"_s },
        { u"rate"_s, u"Open loop: orders/s from all tablets together; search: first rate (100)."_s,
            u"R"_s, u"100"_s },
        { u"duration"_s, u"Measured seconds of a run (30)."_s, u"T"_s, u"30"_s },
        { u"warmup"_s, u"Unmeasured seconds before the measured part (2)."_s, u"S"_s, u"2"_s },
        { u"staff"_s, u"Staff screens polling pending orders (0)."_s, u"K"_s, u"0"_s },
        { u"poll-interval-ms"_s, u"Staff poll interval (1000)."_s, u"MS"_s, u"1000"_s },
        { u"login-rate"_s, u"Orders: staff logins/s attempted alongside (0)."_s, u"R"_s, u"0"_s },
        { u"login-connections"_s, u"Connections the logins use (20)."_s, u"N"_s, u"20"_s },
        { u"max-p99-ms"_s, u"Search: p99 bound in ms (10)."_s, u"MS"_s, u"10"_s },
        { u"rate-max"_s, u"Search: highest rate to try (20000)."_s, u"R"_s, u"20000"_s },
        { u"precision"_s, u"Search: relative width to stop at (0.05)."_s, u"F"_s, u"0.05"_s },
        { u"first-table"_s, u"Number of the first table used (1); missing tables are created."_s,
            u"N"_s, u"1"_s },
        { u"table-password"_s, u"Password of the tables (0000)."_s, u"PW"_s, u"0000"_s },
        { u"manager"_s, u"Manager USER:PASSWORD (manager:manager)."_s, u"CRED"_s,
            u"manager:manager"_s },
        { u"kitchen"_s, u"Kitchen USER:PASSWORD (kitchen:kitchen)."_s, u"CRED"_s,
            u"kitchen:kitchen"_s },
        { u"drain-timeout"_s, u"Seconds to wait for responses after the last send (10)."_s, u"S"_s,
            u"10"_s },
        { u"max-lines"_s, u"Most lines in one order (4)."_s, u"N"_s, u"4"_s },
        { u"accept-encoding"_s,
            u"Accept-Encoding header for closed-loop requests, e.g. \"gzip, deflate\" as "
            "tablets send it (none)."_s,
            u"CODINGS"_s },
        { u"options"_s,
            u"Order only items offering at least three option groups, none required, with N "
            "options per line (0-3); without it any item that needs no choice, no options."_s,
            u"N"_s },
    };
    parser.addOptions(options);
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "%s", qPrintable(parser.helpText()));
        return 2;
    }

    bool allOk = true;
    auto integer = [&](const QString &name, int min, int max) {
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (!ok || value < min || value > max) {
            std::fprintf(
                stderr, "--%s must be an integer from %d to %d\n", qPrintable(name), min, max);
            allOk = false;
        }
        return value;
    };
    auto real = [&](const QString &name, double min, double max) {
        bool ok = false;
        const double value = parser.value(name).toDouble(&ok);
        if (!ok || value < min || value > max) {
            std::fprintf(
                stderr, "--%s must be a number from %g to %g\n", qPrintable(name), min, max);
            allOk = false;
        }
        return value;
    };

    LoadOptions o;
    o.mode = parser.positionalArguments().first();
    o.host = parser.value(u"host"_s);
    o.port = quint16(integer(u"port"_s, 1, 65535));
    o.pid = parser.isSet(u"pid"_s) ? integer(u"pid"_s, 1, std::numeric_limits<int>::max()) : 0;
    o.tablets = integer(u"tablets"_s, 1, 10000);
    o.connections = integer(u"connections"_s, 1, 10000);
    o.threads = integer(u"threads"_s, 1, 64);
    o.rate = real(u"rate"_s, 0.1, 1e6);
    o.durationS = real(u"duration"_s, 0.5, 3600);
    o.warmupS = real(u"warmup"_s, 0, 600);
    o.staff = integer(u"staff"_s, 0, 100);
    o.pollIntervalMs = integer(u"poll-interval-ms"_s, 10, 600000);
    o.loginRate = real(u"login-rate"_s, 0, 10000);
    o.loginConnections = integer(u"login-connections"_s, 1, 1000);
    o.maxP99Ms = real(u"max-p99-ms"_s, 0.01, 60000);
    o.rateMax = real(u"rate-max"_s, 1, 1e6);
    o.precision = real(u"precision"_s, 0.001, 1);
    o.firstTable = integer(u"first-table"_s, 1, 9999);
    o.tablePassword = parser.value(u"table-password"_s);
    o.manager = parser.value(u"manager"_s);
    o.kitchen = parser.value(u"kitchen"_s);
    o.drainTimeoutS = real(u"drain-timeout"_s, 0.1, 600);
    o.maxLines = integer(u"max-lines"_s, 1, 50);
    o.acceptEncoding = parser.value(u"accept-encoding"_s).toLatin1();
    o.optionsPerLine = parser.isSet(u"options"_s) ? integer(u"options"_s, 0, 3) : -1;
    if (!allOk)
        return 2;

    // This program only ever loads a daemon on this machine.
    const QHostAddress address(o.host == u"localhost"_s ? u"127.0.0.1"_s : o.host);
    if (address.isNull() || !address.isLoopback()) {
        std::fprintf(stderr, "--host must be a loopback address (127.0.0.0/8 or ::1)\n");
        return 2;
    }
    o.host = address.toString();

    LoadRunner runner(o);
    return runner.run();
}
