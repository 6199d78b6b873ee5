#include "closedloopworker.h"

#include "clock.h"
#include "httpconnection.h"
#include "orderbodies.h"

namespace tableorder::bench {

ClosedLoopWorker::ClosedLoopWorker(ClosedLoopSpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
{
}

ClosedLoopWorker::~ClosedLoopWorker() = default;

void ClosedLoopWorker::start()
{
    if (m_spec.orderBodies)
        m_bodies = std::make_unique<OrderBodies>(m_spec.items, m_spec.maxLines, m_spec.optionsPerLine, m_spec.seed);
    for (int i = 0; i < m_spec.connections; ++i) {
        auto *connection = new HttpConnection(m_spec.host, m_spec.port, this);
        if (!m_spec.tokens.isEmpty())
            connection->setBearerToken(m_spec.tokens.at(i % m_spec.tokens.size()));
        connection->setAcceptEncoding(m_spec.acceptEncoding);
        m_connections.append(connection);
    }
    m_running = int(m_connections.size());
    for (HttpConnection *connection : std::as_const(m_connections))
        sendOn(connection);
}

void ClosedLoopWorker::closeConnections()
{
    qDeleteAll(m_connections);
    m_connections.clear();
}

void ClosedLoopWorker::sendOn(HttpConnection *connection)
{
    const QByteArray body = m_bodies ? m_bodies->next() : QByteArray();
    connection->request(
        m_spec.method, m_spec.path, body, 0, false, [this, connection](const HttpResult &result) {
            ++responses;
            if (result.sentNs >= m_spec.measureStartNs && result.doneNs <= m_spec.endNs) {
                latency.add(result.doneNs - result.sentNs);
                ++statuses[result.status];
                if (result.status >= 200 && result.status < 300)
                    ++completedInWindow;
            }
            if (result.doneNs < m_spec.endNs) {
                sendOn(connection);
            } else if (--m_running == 0) {
                emit finished();
            }
        });
}

} // namespace tableorder::bench
