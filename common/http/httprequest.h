#pragma once

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QStringList>

namespace tableorder::http {

/// What a handler sees: the parsed request, the route's path parameters, and the claims
/// of the token that authenticated it (empty for public routes).
struct HttpRequest
{
    const QHttpServerRequest &raw;
    QStringList params;   // values of the route's {placeholders}, in order
    QJsonObject claims;   // verified token claims, set by the server's authenticator
    QString route;        // the route's pattern, e.g. /api/v1/orders/{id}
    QHostAddress client;  // HttpServer::clientAddress(): the peer, or what a trusted proxy forwarded
    QByteArray requestId; // the X-Request-Id the response carries (the client's or a new one)
    bool relayed = false; // came through central's relay (client is then the phone's relay address)

    [[nodiscard]] QByteArray body() const { return raw.body(); }
    [[nodiscard]] QByteArray header(const QByteArray &name) const { return raw.value(name); }
    [[nodiscard]] QString query(const QString &key) const;
    [[nodiscard]] bool hasQuery(const QString &key) const;
    /// The client's address (X-Forwarded-For only from a trusted proxy), for limits and logs.
    [[nodiscard]] QHostAddress peer() const { return client; }
    /// Path parameter i as a positive id, or 0 when it is not one.
    [[nodiscard]] qint64 idParam(qsizetype i = 0) const;
};

} // namespace tableorder::http
