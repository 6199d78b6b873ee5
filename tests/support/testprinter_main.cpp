// tableorder-testprinter: the test printer (testprinter.h) as a program, to point an edge at
// by hand: prints each ticket it receives on stdout and, with --png-dir, saves it as a PNG.
//
//   tableorder-testprinter [--port 9100] [--encoding cp949|utf-8] [--png-dir DIR] [--paper-out]
#include "testprinter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QImage>

#include <cstdio>

using namespace Qt::StringLiterals;
using tableorder::test::TestPrinter;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{u"port"_s, u"TCP port on 127.0.0.1 (0: any)."_s, u"PORT"_s, u"9100"_s},
                       {u"encoding"_s, u"cp949 or utf-8."_s, u"ENCODING"_s, u"cp949"_s},
                       {u"png-dir"_s, u"Save each ticket as ticket-N.png here."_s, u"DIR"_s},
                       {u"paper-out"_s, u"Report paper out (and print nothing)."_s}});
    parser.process(app);
    TestPrinter printer;
    printer.setEncoding(parser.value(u"encoding"_s));
    printer.setPaperOut(parser.isSet(u"paper-out"_s));
    if (!printer.listenOn(quint16(parser.value(u"port"_s).toUInt()))) {
        std::fprintf(stderr, "cannot listen on port %s\n", qPrintable(parser.value(u"port"_s)));
        return 1;
    }
    std::fprintf(stdout, "test printer on 127.0.0.1:%u\n", printer.port());
    std::fflush(stdout);
    QObject::connect(&printer, &TestPrinter::ticketPrinted, [&] {
        const auto &ticket = printer.tickets().last();
        std::fprintf(stdout, "----- ticket %lld -----\n%s\n", qlonglong(printer.tickets().size()),
                     qPrintable(ticket.joined()));
        std::fflush(stdout);
        if (parser.isSet(u"png-dir"_s))
            TestPrinter::render(ticket).save(
                    QDir(parser.value(u"png-dir"_s)).filePath(u"ticket-%1.png"_s.arg(printer.tickets().size())));
    });
    return app.exec();
}
