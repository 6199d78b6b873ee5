#pragma once

#include "daemonprocess.h"
#include "httpclient.h"


namespace tableorder::test {

/// The real `tableorder-edge` binary on a port the OS picks, over a temporary data directory
/// that outlives the process, so a test can kill it (-9 or SIGTERM) and start it again on
/// the same store.
class EdgeProcess : public DaemonProcess
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

    /// Starts the daemon and waits for its "listening on" line. On failure errorString()
    /// says why and log() has what the daemon printed.
    [[nodiscard]] bool start();

    [[nodiscard]] QString dataDir() const { return m_directory.path(); }
    /// The command-line arguments of the next start() (e.g. another --central URL).
    void setArguments(const QStringList &arguments) { m_options.arguments = arguments; }
    [[nodiscard]] QString databasePath() const;
    /// The store's HS256 secret, as the daemon created it in the data directory.
    [[nodiscard]] QByteArray jwtSecret() const;

    /// The binary CMake built; also used to run its admin sub-commands.
    static QString binaryPath();

private:
    Options m_options;
};

/// Sends each request on its own connection while the daemon is stopped (SIGSTOP), then lets
/// it run: they all reach it at once, as a burst of tablets does while it is busy, and are
/// written by one group commit. The responses come back in the order of the requests; a
/// missing one has status 0.
QList<HttpResult> sendAsOneBurst(EdgeProcess &edge, const QList<QByteArray> &requests);

} // namespace tableorder::test
