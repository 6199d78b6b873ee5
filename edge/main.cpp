#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tableorder-edge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TABLEORDER_VERSION));
    return tableorder::edge::runCommandLine(QCoreApplication::arguments());
}
