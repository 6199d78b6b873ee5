#pragma once

#include "apireply.h"
#include "certificatepins.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace tableorder::client {

/// The edge's REST API over QNetworkAccessManager: each call sends one request and calls
/// back once with the answer, or with "no answer" after a network error or the timeout.
/// It never retries by itself; callers decide (see OrderSubmitter for orders).
class EdgeApi : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl baseUrl READ baseUrl WRITE setBaseUrl NOTIFY baseUrlChanged)
public:
    using Callback = std::function<void(const ApiReply &)>;

    explicit EdgeApi(QObject *parent = nullptr);

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url);
    [[nodiscard]] QString token() const { return m_token; }
    void setToken(const QString &token) { m_token = token; }
    /// Milliseconds without progress after which a request counts as unanswered.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }

    /// An absolute URL for a path the edge returned (e.g. a picture's /images/...).
    [[nodiscard]] Q_INVOKABLE QUrl resolve(const QString &path) const;

    void get(const QString &path, Callback done, const QUrlQuery &query = {},
             const QByteArray &ifNoneMatch = {});
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, Callback done);
    /// A raw body (a picture) with its Content-Type.
    void sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QString &contentType, Callback done);
    void post(const QString &path, const QJsonObject &body, Callback done)
    {
        send("POST", path, body, std::move(done));
    }

    void tableLogin(int tableNumber, const QString &password, Callback done);
    void staffLogin(const QString &username, const QString &password, Callback done);
    /// A tablet exchanges a manager's single-use pairing code for its table's token.
    void tablePair(int tableNumber, const QString &code, Callback done);
    /// Manager: a pairing code for the table (what the "pair a tablet" QR carries).
    void createPairingCode(qint64 tableId, Callback done);
    /// Manager: voids the table's pairing code `code` if it is still unused.
    void cancelPairingCode(qint64 tableId, const QString &code, Callback done);
    void fetchMenu(const QByteArray &etag, Callback done);
    void placeOrder(const QJsonObject &body, Callback done);
    /// stations: comma-joined station filter for staff, empty for all.
    void listOrders(const QUrlQuery &query, Callback done);
    void setOrderStatus(qint64 orderId, const QString &status, Callback done);
    void acknowledge(qint64 orderId, Callback done);
    void setAvailability(qint64 itemId, bool available, Callback done);
    void updateCategory(qint64 categoryId, const QJsonObject &changes, Callback done);
    void listTables(Callback done);
    void closeSession(qint64 tableId, Callback done);
    void tableHistory(qint64 tableId, Callback done);

signals:
    void baseUrlChanged();
    /// The edge refused the token (INVALID_TOKEN / TOKEN_EXPIRED / TOKEN_REVOKED): log in again.
    void unauthorized(const QString &code);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    void watch(QNetworkReply *reply, Callback done);

    PinnedNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 8000;
};

} // namespace tableorder::client
