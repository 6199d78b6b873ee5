#include "centralprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tableorder::test {

CentralProcess::CentralProcess()
    : CentralProcess(Options {})
{
}

CentralProcess::CentralProcess(Options options)
    : m_options(std::move(options))
{
    m_port = m_options.port;
}

QString CentralProcess::binaryPath()
{
    return QStringLiteral(TABLEORDER_CENTRAL_BINARY);
}

QString CentralProcess::url() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

QString CentralProcess::databaseUrl() const
{
    if (!m_options.databaseUrl.isEmpty())
        return m_options.databaseUrl;
    return u"sqlite:"_s + QDir(stateDir()).filePath(u"central.sqlite3"_s);
}

QString CentralProcess::secretFile() const
{
    if (!m_options.secretFile.isEmpty())
        return m_options.secretFile;
    return QDir(stateDir()).filePath(u"central-jwt-secret"_s);
}

QString CentralProcess::demoStoreKey() const
{
    QFile file(QDir(QFileInfo(secretFile()).absolutePath()).filePath(u"demo-store-key"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

bool CentralProcess::start()
{
    // A restart takes the previous run's port: linked edges keep their --central URL.
    QStringList arguments { u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--db"_s, databaseUrl(),
        u"--secret-file"_s, secretFile() };
    if (m_options.demo)
        arguments << u"--demo"_s;
    if (!m_options.rateLimits)
        arguments << u"--no-rate-limit"_s;
    if (m_options.allowPrivateWebhooks)
        arguments << u"--allow-private-webhooks"_s;
    arguments << m_options.arguments;
    auto environment = m_options.environment;
    if (!m_options.metricsToken.isEmpty())
        environment.append({u"TABLEORDER_METRICS_TOKEN"_s, m_options.metricsToken});
    return launch({binaryPath(), arguments, environment, m_options.requestLogs, u"tableorder.central"_s});
}

int CentralProcess::runAdmin(
    const QStringList &arguments, const QByteArray &input, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(cleanEnvironment({}));
    process.start(binaryPath(), arguments);
    if (!process.waitForStarted(10'000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(60'000);
    if (output)
        *output = process.readAll();
    if (!finished) {
        process.kill();
        process.waitForFinished(5'000);
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace tableorder::test
