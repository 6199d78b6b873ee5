#include "centralprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::test {

namespace {
// Generous: the sanitizer build hashes the demo HQ password (argon2id) slowly.
constexpr int startTimeoutMs = 60'000;

QProcessEnvironment cleanEnvironment(const QList<std::pair<QString, QString>> &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The server must see only the settings the test gives it.
    for (const QString &key : env.keys()) {
        if (key.startsWith(u"TABLEORDER_"_s))
            env.remove(key);
    }
    env.remove(u"QT_MESSAGE_PATTERN"_s);
    for (const auto &[key, value] : extra)
        env.insert(key, value);
    return env;
}
} // namespace

CentralProcess::CentralProcess()
    : CentralProcess(Options {})
{
}

CentralProcess::CentralProcess(Options options)
    : m_options(std::move(options))
    , m_port(m_options.port)
{
}

CentralProcess::~CentralProcess()
{
    if (isRunning())
        kill();
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

void CentralProcess::drain() const
{
    if (m_process)
        m_log += m_process->readAll();
}

QByteArray CentralProcess::log() const
{
    drain();
    return m_log;
}

bool CentralProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 CentralProcess::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool CentralProcess::start()
{
    if (!m_stateDir.isValid()) {
        m_error = u"cannot create a temporary state directory"_s;
        return false;
    }
    if (isRunning()) {
        m_error = u"already running"_s;
        return false;
    }
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = cleanEnvironment(m_options.environment);
    env.insert(u"QT_LOGGING_RULES"_s,
        m_options.requestLogs ? u"tableorder.*.info=true"_s
                              : u"tableorder.*.info=true;tableorder.http.info=false"_s);
    m_process->setProcessEnvironment(env);

    // A restart takes the previous run's port: linked edges keep their --central URL.
    QStringList arguments { u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--db"_s, databaseUrl(),
        u"--secret-file"_s, secretFile() };
    if (m_options.demo)
        arguments << u"--demo"_s;
    if (!m_options.rateLimits)
        arguments << u"--no-rate-limit"_s;
    arguments << m_options.arguments;
    m_process->start(binaryPath(), arguments);
    if (!m_process->waitForStarted(10'000)) {
        m_error = u"cannot start %1: %2"_s.arg(binaryPath(), m_process->errorString());
        return false;
    }

    static const QRegularExpression listening(
        u"tableorder\\.central: listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        drain();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error
                = u"the server exited with code %1 before listening"_s.arg(m_process->exitCode());
            return false;
        }
        m_process->waitForReadyRead(100);
    }
    m_error = u"the server did not report a listening port within %1 ms"_s.arg(startTimeoutMs);
    kill();
    return false;
}

void CentralProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
    drain();
}

bool CentralProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process->terminate();
    const bool exited = m_process->waitForFinished(timeoutMs);
    drain();
    return exited;
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
