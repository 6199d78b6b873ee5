#pragma once

#include "daemonprocess.h"


namespace tableorder::test {

/// The real `tableorder-central` binary on a port the OS picks, over a temporary state
/// directory (secret file, demo store key and, by default, the SQLite database) that
/// outlives the process. A restart listens on the port of the previous run, so edges
/// linked to it find it again after a kill -9.
class CentralProcess : public DaemonProcess
{
public:
    struct Options
    {
        bool demo = true;
        bool rateLimits = false;
        /// One log line per request; off for tests that upload thousands of batches.
        bool requestLogs = false;
        /// sqlite:PATH or postgresql://...; empty: a SQLite file in the state directory.
        QString databaseUrl;
        /// Empty: in the state directory. Instances sharing a database share it too.
        QString secretFile;
        /// 0: a port the OS picks (and the same one again on restart).
        quint16 port = 0;
        QStringList arguments;
        QList<std::pair<QString, QString>> environment;
        /// The scrape token GET /metrics requires (TABLEORDER_METRICS_TOKEN); empty: /metrics off.
        QString metricsToken = defaultMetricsToken();
        /// --allow-private-webhooks: tests post alert webhooks to a receiver on loopback.
        bool allowPrivateWebhooks = false;
    };

    /// The metrics token test centrals get unless a test sets another.
    static QString defaultMetricsToken() { return QStringLiteral("test-metrics-scrape-token"); }

    CentralProcess();
    explicit CentralProcess(Options options);

    /// Starts the server and waits for its "listening on" line; on failure errorString()
    /// says why and log() has what it printed.
    [[nodiscard]] bool start();

    /// http://127.0.0.1:PORT, what an edge's --central takes.
    [[nodiscard]] QString url() const;
    [[nodiscard]] QString stateDir() const { return m_directory.path(); }
    [[nodiscard]] QString databaseUrl() const;
    [[nodiscard]] QString secretFile() const;
    /// The key --demo saved for the demo store (store 1), or empty.
    [[nodiscard]] QString demoStoreKey() const;

    /// Runs an admin sub-command (`org add ...`) to completion with `input` on stdin;
    /// the exit code, or -1 when it did not finish. `output` gets stdout and stderr.
    static int runAdmin(
        const QStringList &arguments, const QByteArray &input, QByteArray *output = nullptr);
    static QString binaryPath();

private:
    Options m_options;
};

} // namespace tableorder::test

/// Starts a CentralProcess or fails the test with the reason and the server's last words.
#define VERIFY_CENTRAL_STARTED(central)                                                            \
    do {                                                                                           \
        const bool started_ = (central).start();                                                   \
        QVERIFY2(started_,                                                                         \
            qPrintable((central).errorString() + QStringLiteral("\n")                              \
                + QString::fromUtf8((central).log().right(4000))));                                \
    } while (false)
