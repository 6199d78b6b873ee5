#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <csignal>
#include <memory>
#include <utility>

namespace tableorder::test {

/// The real `tableorder-edge` binary on a port the OS picks, over a temporary data directory
/// that outlives the process, so a test can kill it (-9 or SIGTERM) and start it again on
/// the same store.
class EdgeProcess
{
public:
    struct Options
    {
        bool demo = true;
        bool rateLimits = false;
        /// One log line per request; off for tests that send thousands.
        bool requestLogs = true;
        QStringList arguments;
        /// Extra environment, e.g. {"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS", "3"}.
        QList<std::pair<QString, QString>> environment;
    };

    EdgeProcess();
    explicit EdgeProcess(Options options);
    ~EdgeProcess();
    EdgeProcess(const EdgeProcess &) = delete;
    EdgeProcess &operator=(const EdgeProcess &) = delete;

    /// Starts the daemon and waits for its "listening on" line. On failure errorString()
    /// says why and log() has what the daemon printed.
    [[nodiscard]] bool start();
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
    [[nodiscard]] bool resume() { return sendSignal(SIGCONT); }

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] int exitCode() const;
    [[nodiscard]] QProcess::ExitStatus exitStatus() const;

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString dataDir() const { return m_dataDir.path(); }
    [[nodiscard]] QString databasePath() const;
    /// The store's HS256 secret, as the daemon created it in the data directory.
    [[nodiscard]] QByteArray jwtSecret() const;
    /// Everything the current (or last) process printed on stdout and stderr.
    [[nodiscard]] QByteArray log() const;
    [[nodiscard]] QString errorString() const { return m_error; }

    /// The binary CMake built; also used to run its admin sub-commands.
    static QString binaryPath();

private:
    void drain() const;

    Options m_options;
    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    mutable QByteArray m_log;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace tableorder::test
