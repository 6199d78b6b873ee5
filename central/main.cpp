#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tableorder-central"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TABLEORDER_VERSION));
    return tableorder::central::runCommandLine(QCoreApplication::arguments());
}
