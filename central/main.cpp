#include "centralapp.h"
#include "unixsignals.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tableorder-central"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TABLEORDER_VERSION));
    using namespace tableorder;
    auto config = central::parseCentralArguments(QCoreApplication::arguments(),
                                                 QProcessEnvironment::systemEnvironment().toStringList());
    QTextStream err(stderr);
    if (!config) {
        err << "tableorder-central: " << config.error().message << '\n';
        return 2;
    }
    central::CentralApp central(*config);
    if (auto ok = central.start(); !ok) {
        err << "tableorder-central: " << ok.error().message << '\n';
        return 1;
    }
    if (!central.demoBanner().isEmpty())
        QTextStream(stdout) << central.demoBanner() << Qt::endl;
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &central,
                     [&central] { central.shutdown([] { QCoreApplication::quit(); }); });
    return QCoreApplication::exec();
}
