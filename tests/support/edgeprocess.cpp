#include "edgeprocess.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace tableorder::test {

EdgeProcess::EdgeProcess() : EdgeProcess(Options{}) { }

EdgeProcess::EdgeProcess(Options options) : m_options(std::move(options)) { }

QString EdgeProcess::binaryPath()
{
    return QStringLiteral(TABLEORDER_EDGE_BINARY);
}

QString EdgeProcess::databasePath() const
{
    return QDir(dataDir()).filePath(u"edge.sqlite3"_s);
}

QByteArray EdgeProcess::jwtSecret() const
{
    QFile file(QDir(dataDir()).filePath(u"jwt-secret"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool EdgeProcess::start()
{
    m_port = 0;
    QStringList arguments{u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir()};
    if (m_options.demo)
        arguments << u"--demo"_s;
    if (!m_options.rateLimits)
        arguments << u"--no-rate-limit"_s;
    arguments << m_options.arguments;
    return launch({binaryPath(), arguments, m_options.environment, m_options.requestLogs, u"tableorder.edge"_s});
}

} // namespace tableorder::test
