#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace tableorder::bench {

ServerProcess::ServerProcess(
    QString binary, QStringList arguments, QList<std::pair<QString, QString>> env)
    : m_binary(std::move(binary))
    , m_arguments(std::move(arguments))
    , m_env(std::move(env))
{
}

ServerProcess::~ServerProcess()
{
    stop();
}

quint16 ServerProcess::start(const QByteArray &component)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"tableorder.*.info=true;tableorder.http.info=false"_s);
    for (const auto &[k, v] : m_env)
        env.insert(k, v);
    m_process->setProcessEnvironment(env);
    m_process->start(m_binary, m_arguments);
    const QRegularExpression listening(u"tableorder\\.%1: listening on 127\\.0\\.0\\.1:(\\d+)"_s.arg(
        QString::fromLatin1(component)));
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired() && m_process->state() != QProcess::NotRunning) {
        m_process->waitForReadyRead(50);
        m_log += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch())
            return quint16(match.captured(1).toUInt());
    }
    QTextStream(stdout) << "cannot start " << m_binary << ":\n" << m_log << Qt::endl;
    return 0;
}

void ServerProcess::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(20'000))
            m_process->kill();
    }
    m_process.reset();
}

QByteArray ServerProcess::log()
{
    if (m_process)
        m_log += m_process->readAll();
    return m_log;
}

} // namespace tableorder::bench
