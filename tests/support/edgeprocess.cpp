#include "edgeprocess.h"

#include <memory>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tableorder::test {

EdgeProcess::EdgeProcess() : EdgeProcess(Options{}) { }

EdgeProcess::EdgeProcess(Options options) : m_options(std::move(options)) { }

QString EdgeProcess::binaryPath()
{
    return QStringLiteral(TABLEORDER_EDGE_BINARY);
}

QString EdgeProcess::databasePath() const
{
    return QDir(dataDir()).filePath(u"edge.sqlite3"_s);
}

QByteArray EdgeProcess::jwtSecret() const
{
    QFile file(QDir(dataDir()).filePath(u"jwt-secret"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool EdgeProcess::start()
{
    m_port = 0;
    QStringList arguments{u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir()};
    if (m_options.demo)
        arguments << u"--demo"_s;
    if (!m_options.rateLimits)
        arguments << u"--no-rate-limit"_s;
    arguments << m_options.arguments;
    return launch({binaryPath(), arguments, m_options.environment, m_options.requestLogs, u"tableorder.edge"_s});
}

QList<HttpResult> sendAsOneBurst(EdgeProcess &edge, const QList<QByteArray> &requests)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QList<QByteArray> buffers(requests.size());
    QList<HttpResult> responses(requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, edge.port());
        // One answered request first: the daemon has accepted the connection before it stops.
        if (!socket->waitForConnected(5000))
            return responses;
        socket->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        std::optional<HttpResult> health;
        for (QDeadlineTimer deadline(5000); !health && !deadline.hasExpired();) {
            socket->waitForReadyRead(100);
            buffers[i] += socket->readAll();
            health = takeResponse(buffers[i], false);
        }
        if (!health)
            return responses;
        sockets.push_back(std::move(socket));
    }
    if (!edge.pause())
        return responses;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        sockets[i]->write(requests.at(i));
        sockets[i]->waitForBytesWritten(1000);
    }
    if (!edge.resume())
        return responses;
    int answered = 0;
    for (QDeadlineTimer deadline(20'000); answered < requests.size() && !deadline.hasExpired();) {
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (responses.at(i).status != 0)
                continue;
            sockets[i]->waitForReadyRead(10);
            buffers[i] += sockets[i]->readAll();
            if (auto response = takeResponse(buffers[i], false)) {
                responses[i] = *response;
                ++answered;
            }
        }
    }
    return responses;
}

} // namespace tableorder::test
