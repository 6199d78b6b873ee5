#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <utility>

namespace tableorder::test {

/// One of the project's daemons as a real child process: started with only the settings a
/// test gives it, ready once it logs "listening on 127.0.0.1:PORT", killed with the test if
/// the test dies. EdgeProcess and CentralProcess say how to start theirs.
class DaemonProcess
{
public:
    DaemonProcess(const DaemonProcess &) = delete;
    DaemonProcess &operator=(const DaemonProcess &) = delete;

    /// SIGKILL: the process gets no chance to clean up, as in a power cut or an OOM kill.
    void kill();
    /// SIGTERM; true when the process exited within timeoutMs.
    [[nodiscard]] bool terminate(int timeoutMs = 20'000);
    /// Sends any signal (SIGINT, ...) and returns at once; see waitForExit().
    [[nodiscard]] bool sendSignal(int signal);
    [[nodiscard]] bool waitForExit(int timeoutMs = 20'000);
    /// SIGSTOP, and returns once the kernel shows the process stopped: from then on, bytes
    /// sent to it wait in its sockets until resume().
    [[nodiscard]] bool pause(int timeoutMs = 5'000);
    [[nodiscard]] bool resume();

    [[nodiscard]] bool isRunning() const;
    /// The running process's pid, or 0.
    [[nodiscard]] qint64 processId() const;
    [[nodiscard]] int exitCode() const;
    [[nodiscard]] QProcess::ExitStatus exitStatus() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    /// Everything the current (or last) process printed on stdout and stderr.
    [[nodiscard]] QByteArray log() const;
    [[nodiscard]] QString errorString() const { return m_error; }

    /// The system environment without any TABLEORDER_* setting or message pattern, plus
    /// `extra`: a daemon sees only what the test gives it.
    [[nodiscard]] static QProcessEnvironment cleanEnvironment(const QList<std::pair<QString, QString>> &extra);

protected:
    struct Launch
    {
        QString binary;
        QStringList arguments;
        QList<std::pair<QString, QString>> environment;
        bool requestLogs = true;
        /// The logging category of its "listening on" line, e.g. "tableorder.edge".
        QString category;
    };

    DaemonProcess() = default;
    ~DaemonProcess();
    /// Starts it and waits for its listening line; sets port() or errorString().
    [[nodiscard]] bool launch(const Launch &launch);

    /// The daemon's data (edge) or state (central) directory: removed only after the process
    /// is gone, and kept across restarts.
    QTemporaryDir m_directory;
    quint16 m_port = 0;
    QString m_error;

private:
    void drain() const;

    std::unique_ptr<QProcess> m_process;
    mutable QByteArray m_log;
};

} // namespace tableorder::test
