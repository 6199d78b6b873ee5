#include "faultproxy.h"

#include <QHostAddress>

#include <utility>

namespace tableorder::test {

FaultProxy::FaultProxy(quint16 upstreamPort, QObject *parent) : QObject(parent), m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

FaultProxy::~FaultProxy()
{
    cutAll();
}

int FaultProxy::openConnections() const
{
    return int(m_pipes.size());
}

void FaultProxy::cutAll()
{
    const auto pipes = m_pipes;
    for (Pipe *pipe : pipes)
        closePipe(pipe, false);
}

void FaultProxy::setHoldingEvents(bool holding)
{
    m_holdingEvents = holding;
    if (holding)
        return;
    for (Pipe *pipe : std::as_const(m_pipes)) {
        if (pipe->client && !pipe->heldToClient.isEmpty())
            pipe->client->write(std::exchange(pipe->heldToClient, {}));
    }
}

qsizetype FaultProxy::heldEventBytes() const
{
    qsizetype n = 0;
    for (const Pipe *pipe : m_pipes)
        n += pipe->heldToClient.size();
    return n;
}

void FaultProxy::releaseHeld()
{
    m_holdCount = 0;
    for (Pipe *pipe : std::as_const(m_pipes)) {
        if (!std::exchange(pipe->holding, false) || !pipe->upstream)
            continue;
        if (pipe->upstream->state() == QAbstractSocket::ConnectedState)
            pipe->upstream->write(std::exchange(pipe->heldToUpstream, {}));
        else
            pipe->pendingToUpstream += std::exchange(pipe->heldToUpstream, {});
    }
}

void FaultProxy::closePipe(Pipe *pipe, bool graceful)
{
    if (!m_pipes.removeOne(pipe))
        return;
    for (QTcpSocket *socket : {pipe->client.data(), pipe->upstream.data()}) {
        if (!socket)
            continue;
        socket->disconnect(this);
        if (graceful) {
            // Let what was written reach the peer before the FIN.
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    delete pipe;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *pipe = new Pipe;
        pipe->client = client;
        pipe->upstream = new QTcpSocket(this);
        m_pipes.append(pipe);
        QTcpSocket *upstream = pipe->upstream;

        connect(client, &QTcpSocket::readyRead, this, [this, pipe] {
            const QByteArray data = pipe->client->readAll();
            if (m_blackhole)
                return;
            m_httpRequests += int(data.count(" HTTP/1.1\r\n"));
            if (data.startsWith("GET /api/v1/ws"))
                pipe->webSocket = true;
            if (!m_losePattern.isEmpty() && data.contains(m_losePattern)) {
                ++m_patternRequests;
                if (m_loseOther > 0) {
                    --m_loseOther;
                    pipe->loseResponse = true;
                }
            }
            if (data.contains("POST /api/v1/orders ")) {
                ++m_orderRequests;
                if (m_loseOrderResponses > 0) {
                    --m_loseOrderResponses;
                    pipe->loseResponse = true;
                }
            }
            if (!pipe->holding && m_holdCount > 0 && data.contains(m_holdPattern)) {
                --m_holdCount;
                pipe->holding = true;
            }
            if (pipe->holding) {
                pipe->heldToUpstream += data;
                return;
            }
            if (pipe->upstream->state() == QAbstractSocket::ConnectedState)
                pipe->upstream->write(data);
            else
                pipe->pendingToUpstream += data;
        });
        connect(upstream, &QTcpSocket::connected, this, [pipe] {
            pipe->upstream->write(std::exchange(pipe->pendingToUpstream, {}));
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, pipe] {
            const QByteArray data = pipe->upstream->readAll();
            if (m_blackhole)
                return;
            if (pipe->loseResponse) {
                // The edge has processed the request; its answer never reaches the client.
                ++m_responsesLost;
                emit orderResponseLost();
                closePipe(pipe, false);
                return;
            }
            if (pipe->webSocket && m_holdingEvents) {
                pipe->heldToClient += data;
                return;
            }
            pipe->client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, this, [this, pipe] { closePipe(pipe, true); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, pipe] {
            if (pipe->upstream && pipe->client && !pipe->loseResponse)
                pipe->client->write(pipe->upstream->readAll());
            closePipe(pipe, true);
        });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, pipe](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                closePipe(pipe, false); // refused: the edge is down
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

} // namespace tableorder::test
