#pragma once

#include "latencyrecorder.h"
#include "orderbodies.h"

#include <QList>
#include <QMap>
#include <QObject>

namespace tableorder::bench {

class HttpConnection;

/// What one closed-loop worker runs: `connections` keep-alive connections that each send
/// the next request as soon as the previous response is in, until endNs.
struct ClosedLoopSpec
{
    QString host;
    quint16 port = 0;
    QByteArray method;
    QByteArray path;
    int connections = 1;
    QList<QByteArray> tokens; // one per connection, or empty for none
    bool orderBodies = false; // POST /orders bodies, else no body
    QList<OrderableItem> items;
    int maxLines = 4;
    int optionsPerLine = 0;
    QByteArray acceptEncoding; // sent with every request when set
    quint64 seed = 0;
    qint64 measureStartNs = 0; // responses before this are warm-up
    qint64 endNs = 0;
};

/// Runs one ClosedLoopSpec on the thread it lives on; several can run on several threads.
class ClosedLoopWorker : public QObject
{
    Q_OBJECT
public:
    explicit ClosedLoopWorker(ClosedLoopSpec spec, QObject *parent = nullptr);
    ~ClosedLoopWorker() override;

    /// Call on the worker's thread (queued); emits finished() when every connection stopped.
    void start();
    /// Call on the worker's thread (blocking queued) before it ends: closes the sockets there.
    void closeConnections();

    LatencyRecorder latency; // done - sent, measured responses only
    QMap<int, qint64> statuses; // measured responses by status (0: connection failure)
    qint64 completedInWindow = 0; // 2xx responses read between measureStartNs and endNs
    qint64 responses = 0; // all responses, warm-up included

signals:
    void finished();

private:
    void sendOn(HttpConnection *connection);

    ClosedLoopSpec m_spec;
    std::unique_ptr<OrderBodies> m_bodies;
    QList<HttpConnection *> m_connections;
    int m_running = 0;
};

} // namespace tableorder::bench
