#include "edgeprocess.h"
#include <QThread>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace tableorder::test {

namespace {
// Generous: the sanitizer build starts the demo store (argon2 hashes, 30 pictures) slowly.
constexpr int startTimeoutMs = 60'000;
} // namespace

EdgeProcess::EdgeProcess() : EdgeProcess(Options{}) { }

EdgeProcess::EdgeProcess(Options options) : m_options(std::move(options)) { }

EdgeProcess::~EdgeProcess()
{
    if (isRunning())
        kill();
}

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

void EdgeProcess::drain() const
{
    if (m_process)
        m_log += m_process->readAll();
}

QByteArray EdgeProcess::log() const
{
    drain();
    return m_log;
}

bool EdgeProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int EdgeProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QProcess::ExitStatus EdgeProcess::exitStatus() const
{
    return m_process ? m_process->exitStatus() : QProcess::CrashExit;
}

bool EdgeProcess::start()
{
    if (!m_dataDir.isValid()) {
        m_error = u"cannot create a temporary data directory"_s;
        return false;
    }
    if (isRunning()) {
        m_error = u"already running"_s;
        return false;
    }
    m_log.clear();
    m_port = 0;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The daemon must see only the settings this test gives it.
    for (const QString &key : env.keys()) {
        if (key.startsWith(u"TABLEORDER_"_s))
            env.remove(key);
    }
    env.remove(u"QT_MESSAGE_PATTERN"_s);
    env.insert(u"QT_LOGGING_RULES"_s, m_options.requestLogs
                       ? u"tableorder.*.info=true"_s
                       : u"tableorder.*.info=true;tableorder.http.info=false"_s);
    for (const auto &[key, value] : m_options.environment)
        env.insert(key, value);
    m_process->setProcessEnvironment(env);
    // A test that crashes or times out must not leave daemons behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });

    QStringList arguments{u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir()};
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
            u"tableorder\\.edge: listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        drain();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"the daemon exited with code %1 before listening"_s.arg(m_process->exitCode());
            return false;
        }
        m_process->waitForReadyRead(100);
    }
    m_error = u"the daemon did not report a listening port within %1 ms"_s.arg(startTimeoutMs);
    kill();
    return false;
}

void EdgeProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
    drain();
}

bool EdgeProcess::terminate(int timeoutMs)
{
    return !isRunning() || (sendSignal(SIGTERM) && waitForExit(timeoutMs));
}

bool EdgeProcess::sendSignal(int signal)
{
    return isRunning() && ::kill(pid_t(m_process->processId()), signal) == 0;
}

bool EdgeProcess::pause(int timeoutMs)
{
    if (!sendSignal(SIGSTOP))
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(m_process->processId()));
    for (QDeadlineTimer deadline(timeoutMs); !deadline.hasExpired(); QThread::msleep(1)) {
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        stat.close();
        // "pid (comm) S ...": the state follows the last ')'.
        const qsizetype close = line.lastIndexOf(')');
        if (close > 0 && line.mid(close + 2, 1) == "T")
            return true;
    }
    return false;
}

bool EdgeProcess::waitForExit(int timeoutMs)
{
    if (!m_process)
        return true;
    const bool exited = m_process->state() == QProcess::NotRunning
            || m_process->waitForFinished(timeoutMs);
    drain();
    return exited;
}

} // namespace tableorder::test
