#pragma once

#include "latencyrecorder.h"
#include "orderbodies.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <memory>

namespace tableorder::bench {

class HttpConnection;
class ProcessProbe;
class Ticker;
struct HttpResult;

struct LoadOptions
{
    QString mode; // orders | orders-closed | menu | search
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    qint64 pid = 0; // the daemon, for RSS and CPU; 0: not watched
    int tablets = 100; // open-loop tablets (one connection and table each)
    int connections = 50; // closed-loop connections
    int threads = 1; // closed-loop client threads
    double rate = 100; // open-loop orders/s, all tablets together
    double durationS = 30; // measured part of a run
    double warmupS = 2; // run before the measured part, not measured
    int staff = 0; // staff screens polling GET /orders?status=pending
    int pollIntervalMs = 1000;
    double loginRate = 0; // open loop: staff logins/s attempted alongside the orders
    int loginConnections = 20; // connections the logins are spread over
    double maxP99Ms = 10; // search: the latency bound
    double rateMax = 20000; // search: never try above this
    double precision = 0.05; // search: stop when the bracket is this narrow (relative)
    double pauseS = 2; // search: rest between steps
    int firstTable = 1;
    QString tablePassword = QStringLiteral("0000");
    QString manager = QStringLiteral("manager:manager");
    QString kitchen = QStringLiteral("kitchen:kitchen");
    double drainTimeoutS = 10;
    int maxLines = 4;
    /// -1: order any item that needs no choice, without options. N >= 0: order only items
    /// offering at least three option groups, none required, with N options per line.
    int optionsPerLine = -1;
    QByteArray acceptEncoding; // e.g. "gzip, deflate" as Qt's network stack sends it
};

/// Results of one measured run.
struct RunStats
{
    QString scenario;
    double targetRate = 0; // open loop: orders/s asked for
    double achievedRate = 0; // 2xx responses per second read in the measured window
    qint64 measured = 0; // requests whose send time fell in the window
    QMap<int, qint64> statuses; // of measured requests; 0 = connection failure
    qint64 unfinished = 0; // no response by the drain deadline
    LatencyRecorder latency; // open loop: from intended send; closed: from send
    LatencyRecorder service; // open loop: from the actual send
    LatencyRecorder scheduleLag; // open loop: client's lateness in sending
    LatencyRecorder polls; // staff polls, from intended time
    QMap<int, qint64> pollStatuses;
    LatencyRecorder logins; // staff logins, from intended time
    QMap<int, qint64> loginStatuses;
    qint64 rssPeakKiB = -1;
    qint64 responses = 0; // every response of the run, warm-up and polls included
    double daemonCpuS = 0; // CPU seconds the daemon used during the run
    double daemonCpu = 0; // CPU seconds / wall seconds (1.0 = one core)
    double clientCpu = 0;
    double wallS = 0;

    [[nodiscard]] qint64 ok() const;
    [[nodiscard]] qint64 failed() const;
};

/// Drives the edge daemon the way a dining room does: logs tablets and staff in, then runs
/// open-loop ordering (fixed rate, latency from the intended send time), closed-loop
/// ordering or menu reads (as fast as C connections go), or searches for the highest rate
/// that keeps p99 under a bound. Prints percentiles, rates and the daemon's RSS.
class LoadRunner : public QObject
{
    Q_OBJECT
public:
    explicit LoadRunner(LoadOptions options, QObject *parent = nullptr);
    ~LoadRunner() override;

    /// Runs options.mode; returns the process exit code.
    int run();

private:
    bool setup(int tables, bool staffTokens);
    HttpResult call(HttpConnection &connection, const QByteArray &method, const QByteArray &path,
        const QByteArray &body = {});
    QByteArray login(const QByteArray &path, const QByteArray &body, QString *error);

    RunStats runOpenLoop(double rate, int tablets, int staff, double durationS, double warmupS);
    RunStats runClosedLoop(const QString &scenario, const QByteArray &method,
        const QByteArray &path, int connections, bool orders, double durationS, double warmupS);
    int runSearch();
    void print(const RunStats &stats) const;

    LoadOptions m_options;
    std::unique_ptr<ProcessProbe> m_probe;
    std::unique_ptr<Ticker> m_ticker;
    std::unique_ptr<OrderBodies> m_bodies;
    HttpConnection *m_control = nullptr; // setup calls
    QList<HttpConnection *> m_tablets;
    QList<HttpConnection *> m_staff;
    QList<HttpConnection *> m_loginConnections;
    QList<QByteArray> m_tableTokens;
    QList<QByteArray> m_staffTokens;
    QList<OrderableItem> m_items;
    qint64 m_rssIdleKiB = -1;
    qint64 m_rssSetupKiB = -1;
};

} // namespace tableorder::bench
