#pragma once

#include "edgeprocess.h"
#include "httpclient.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtTest/QTest>

#include <utility>

namespace tableorder::test {

/// Empty when `result` is exactly the error envelope `{"error":{"code","message"[,"details"]}}`
/// with this status and code (and details.field, when given); otherwise what is wrong.
[[nodiscard]] QString errorEnvelopeMismatch(const HttpResult &result, int status,
                                            const QString &code, const QString &field = {});

/// Each table of a SQLite database with its row count and a hash of all its rows, read
/// through a read-only connection: equal lists before and after a request mean the request
/// changed nothing in the store.
[[nodiscard]] QStringList databaseState(const QString &path);

/// The items of a GET /menu body, across categories, in menu order.
[[nodiscard]] QList<QJsonObject> menuItems(const QJsonObject &menu);

[[nodiscard]] QString newClientOrderId();
/// `{client_order_id, items:[{menu_item_id, quantity}], note?}`
[[nodiscard]] QJsonObject orderBody(const QString &clientOrderId,
                                    const QList<std::pair<qint64, int>> &lines,
                                    const QString &note = {});
/// `POST /api/v1/orders` as raw HTTP/1.1 bytes with the table's token and a JSON body, for
/// tests that write requests on sockets themselves (pipelining, bursts, malformed bodies).
[[nodiscard]] QByteArray rawOrderRequest(const QString &token, const QByteArray &body);
/// A real PNG drawn with QImage.
[[nodiscard]] QByteArray pngImage(int width, int height);

/// A compact JWT with any header and claims, HMAC-signed with `secret` (SHA-256, or SHA-512
/// for HS512 tokens), whatever the header claims the algorithm is.
[[nodiscard]] QString handmadeToken(const QJsonObject &header, const QJsonObject &claims,
                                    const QByteArray &secret, bool sha512 = false);

} // namespace tableorder::test

/// The request failed exactly as documented: status, envelope and error code.
#define VERIFY_ERROR(result, status, code)                                                       \
    do {                                                                                         \
        const QString mismatch_ = tableorder::test::errorEnvelopeMismatch(result, status, code); \
        QVERIFY2(mismatch_.isEmpty(), qPrintable(mismatch_));                                    \
    } while (false)

/// As VERIFY_ERROR, and details.field names the offending field.
#define VERIFY_ERROR_FIELD(result, status, code, field)                                          \
    do {                                                                                         \
        const QString mismatch_ =                                                                \
                tableorder::test::errorEnvelopeMismatch(result, status, code, field);           \
        QVERIFY2(mismatch_.isEmpty(), qPrintable(mismatch_));                                    \
    } while (false)

/// A request that should have succeeded did, with this status. `result` is evaluated once.
#define VERIFY_STATUS(result, expected)                                                          \
    do {                                                                                         \
        const tableorder::test::HttpResult &result_ = (result);                                  \
        QVERIFY2(result_.status == (expected),                                                   \
                 qPrintable(QStringLiteral("expected %1, got %2")                                \
                                    .arg(expected)                                               \
                                    .arg(result_.describe())));                                  \
    } while (false)

/// A Result<T> or Status holds a value; otherwise fail with its error message.
#define VERIFY_OK(result)                                                                        \
    do {                                                                                         \
        const auto &ok_ = (result);                                                              \
        QVERIFY2(ok_.has_value(), ok_.has_value() ? "" : qPrintable(ok_.error().message));       \
    } while (false)

/// Starts an EdgeProcess or fails the test with the reason and the daemon's last words.
#define VERIFY_STARTED(edge)                                                                     \
    do {                                                                                         \
        const bool started_ = (edge).start();                                                    \
        QVERIFY2(started_, qPrintable((edge).errorString() + QStringLiteral("\n")                \
                                      + QString::fromUtf8((edge).log().right(4000))));           \
    } while (false)
