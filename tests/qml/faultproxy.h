#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace tableorder::test {

/// A TCP proxy in front of the edge that a test controls: it passes bytes both ways, and on
/// request drops connections (the wifi goes away), refuses new ones (the edge is down), or
/// lets an order request through but loses its response (the order is made, the tablet
/// never hears of it). The upstream port can change, so the edge can be killed and started
/// again behind the same address.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    explicit FaultProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }

    /// New connections are closed at once (the edge looks unreachable).
    void setRefusing(bool refusing) { m_refusing = refusing; }
    /// The next `count` POST /api/v1/orders requests reach the edge, but the connection is
    /// cut as the response comes back.
    void loseOrderResponses(int count) { m_loseOrderResponses = count; }
    /// The same for the next `count` requests whose request line contains `requestLine`
    /// (e.g. "/payments HTTP/1.1").
    void loseResponses(const QByteArray &requestLine, int count)
    {
        m_losePattern = requestLine;
        m_loseOther = count;
    }
    /// The next `count` requests whose request line contains `requestLine` are held back
    /// (with every byte after them on their connection) until releaseHeld(): a request that
    /// went first arrives after those that went after it, on other connections.
    void holdRequests(const QByteArray &requestLine, int count)
    {
        m_holdPattern = requestLine;
        m_holdCount = count;
    }
    void releaseHeld();
    /// Open connections stay open but carry nothing either way (a wifi that went silent).
    void setBlackhole(bool blackhole) { m_blackhole = blackhole; }
    /// Cuts every open connection (HTTP keep-alive and WebSocket alike).
    void cutAll();
    /// While on, what the edge sends on WebSocket connections is kept back (the events are
    /// late: another tablet's order, or a manager's change, races ahead of them); turned off,
    /// it is delivered in order. HTTP passes as usual.
    void setHoldingEvents(bool holding);
    /// Bytes of events kept back now.
    [[nodiscard]] qsizetype heldEventBytes() const;

    [[nodiscard]] int orderRequestsSeen() const { return m_orderRequests; }
    /// HTTP requests passed to the edge (request lines; WebSocket frames are not counted).
    [[nodiscard]] int httpRequestsSeen() const { return m_httpRequests; }
    [[nodiscard]] int responsesLost() const { return m_responsesLost; }
    /// Requests matching loseResponses()' pattern that reached the edge.
    [[nodiscard]] int patternRequestsSeen() const { return m_patternRequests; }
    [[nodiscard]] int openConnections() const;

signals:
    /// An order's response is about to be dropped: the edge has made the order. A test may
    /// act here (e.g. kill the edge) before the client notices anything.
    void orderResponseLost();

private:
    struct Pipe
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray pendingToUpstream;
        QByteArray heldToClient;
        QByteArray heldToUpstream;
        bool holding = false;
        bool loseResponse = false;
        bool webSocket = false;
    };
    void onNewConnection();
    void closePipe(Pipe *pipe, bool graceful);

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    bool m_refusing = false;
    QByteArray m_holdPattern;
    int m_holdCount = 0;
    bool m_blackhole = false;
    bool m_holdingEvents = false;
    int m_loseOrderResponses = 0;
    QByteArray m_losePattern;
    int m_loseOther = 0;
    int m_patternRequests = 0;
    int m_orderRequests = 0;
    int m_httpRequests = 0;
    int m_responsesLost = 0;
    QList<Pipe *> m_pipes;
};

} // namespace tableorder::test
