#include "daemonprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace tableorder::test {

namespace {
// Generous: the sanitizer builds start the demo data (argon2 hashes, pictures) slowly.
constexpr int startTimeoutMs = 60'000;
} // namespace

DaemonProcess::~DaemonProcess()
{
    if (isRunning())
        kill();
}

QProcessEnvironment DaemonProcess::cleanEnvironment(const QList<std::pair<QString, QString>> &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(u"TABLEORDER_"_s))
            env.remove(key);
    }
    env.remove(u"QT_MESSAGE_PATTERN"_s);
    for (const auto &[key, value] : extra)
        env.insert(key, value);
    return env;
}

bool DaemonProcess::launch(const Launch &launch)
{
    if (!m_directory.isValid()) {
        m_error = u"cannot create a temporary directory"_s;
        return false;
    }
    if (isRunning()) {
        m_error = u"already running"_s;
        return false;
    }
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QList<std::pair<QString, QString>> environment{
            {u"QT_LOGGING_RULES"_s, launch.requestLogs ? u"tableorder.*.info=true"_s
                                                       : u"tableorder.*.info=true;tableorder.http.info=false"_s}};
    environment += launch.environment;
    m_process->setProcessEnvironment(cleanEnvironment(environment));
    // A test that crashes or times out must not leave daemons behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(launch.binary, launch.arguments);
    if (!m_process->waitForStarted(10'000)) {
        m_error = u"cannot start %1: %2"_s.arg(launch.binary, m_process->errorString());
        return false;
    }

    const QRegularExpression listening(QRegularExpression::escape(launch.category)
                                       + u": listening on (?:\\d{1,3}\\.){3}\\d{1,3}:(\\d+)"_s);
    QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        drain();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"%1 exited with code %2 before listening"_s.arg(launch.binary).arg(m_process->exitCode());
            return false;
        }
        m_process->waitForReadyRead(100);
    }
    m_error = u"%1 did not report a listening port within %2 ms"_s.arg(launch.binary).arg(startTimeoutMs);
    kill();
    return false;
}

void DaemonProcess::drain() const
{
    if (m_process)
        m_log += m_process->readAll();
}

QByteArray DaemonProcess::log() const
{
    drain();
    return m_log;
}

bool DaemonProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 DaemonProcess::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

int DaemonProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QProcess::ExitStatus DaemonProcess::exitStatus() const
{
    return m_process ? m_process->exitStatus() : QProcess::CrashExit;
}

void DaemonProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
    drain();
}

bool DaemonProcess::terminate(int timeoutMs)
{
    return !isRunning() || (sendSignal(SIGTERM) && waitForExit(timeoutMs));
}

bool DaemonProcess::sendSignal(int signal)
{
    return isRunning() && ::kill(pid_t(m_process->processId()), signal) == 0;
}

bool DaemonProcess::pause(int timeoutMs)
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

bool DaemonProcess::resume()
{
    return sendSignal(SIGCONT);
}

bool DaemonProcess::waitForExit(int timeoutMs)
{
    if (!m_process)
        return true;
    const bool exited = m_process->state() == QProcess::NotRunning || m_process->waitForFinished(timeoutMs);
    drain();
    return exited;
}

} // namespace tableorder::test
