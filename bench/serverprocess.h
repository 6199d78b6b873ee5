#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace tableorder::bench {

/// A tableorder-central (or -edge) child process started by a load program, ready once it
/// printed its "listening on" line (QT_LOGGING_RULES turns that line on).
class ServerProcess
{
public:
    ServerProcess(QString binary, QStringList arguments,
        QList<std::pair<QString, QString>> env = {});
    ~ServerProcess();

    /// Starts it and waits for "tableorder.COMPONENT: listening on"; the port, or 0 (the
    /// reason is printed with what the process wrote).
    quint16 start(const QByteArray &component);
    /// SIGTERM, then SIGKILL after 20 s.
    void stop();
    [[nodiscard]] qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QByteArray log();

private:
    QString m_binary;
    QStringList m_arguments;
    QList<std::pair<QString, QString>> m_env;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};

} // namespace tableorder::bench
