#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QPainter>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tableorder::test {

QString errorEnvelopeMismatch(const HttpResult &result, int status, const QString &code,
                              const QString &field)
{
    if (result.status != status)
        return u"expected status %1 (%2), got %3"_s.arg(status).arg(code, result.describe());
    if (!result.header("content-type").startsWith("application/json"))
        return u"error without a JSON content type: %1"_s.arg(
                QString::fromLatin1(result.header("content-type")));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return u"error body is not a JSON object: "_s + result.describe();
    const QJsonObject envelope = document.object();
    if (envelope.size() != 1 || !envelope.value(u"error"_s).isObject())
        return u"error body is not {\"error\":{...}}: "_s + result.describe();
    const QJsonObject error = envelope.value(u"error"_s).toObject();
    for (const QString &key : error.keys()) {
        if (key != u"code"_s && key != u"message"_s && key != u"details"_s)
            return u"unexpected key %1 in the error: %2"_s.arg(key, result.describe());
    }
    if (error.value(u"code"_s).toString() != code)
        return u"expected code %1, got %2"_s.arg(code, result.describe());
    if (!error.value(u"message"_s).isString() || error.value(u"message"_s).toString().isEmpty())
        return u"error without a message: "_s + result.describe();
    if (!field.isEmpty()) {
        const QString actual =
                error.value(u"details"_s).toObject().value(u"field"_s).toString();
        if (actual != field)
            return u"expected details.field %1, got %2"_s.arg(field, result.describe());
    }
    return {};
}

QStringList databaseState(const QString &path)
{
    const QString connection = u"state-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            // Unique, so that an unreadable database never compares equal to anything.
            out << u"cannot open %1: %2 (%3)"_s.arg(path, db.lastError().text(),
                                                   QUuid::createUuid().toString());
        } else {
            QSqlQuery tables(db);
            QStringList names;
            if (tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s)) {
                while (tables.next())
                    names << tables.value(0).toString();
            }
            tables.finish();
            for (const QString &name : names) {
                QSqlQuery rows(db);
                rows.setForwardOnly(true);
                if (!rows.exec(u"SELECT * FROM \"%1\" ORDER BY rowid"_s.arg(name))) {
                    out << u"%1: %2 (%3)"_s.arg(name, rows.lastError().text(),
                                                QUuid::createUuid().toString());
                    continue;
                }
                QCryptographicHash hash(QCryptographicHash::Sha256);
                int count = 0;
                while (rows.next()) {
                    ++count;
                    for (int i = 0; i < rows.record().count(); ++i) {
                        hash.addData(rows.value(i).toString().toUtf8());
                        hash.addData("\x1f");
                    }
                    hash.addData("\x1e");
                }
                out << u"%1 rows=%2 sha=%3"_s.arg(name).arg(count).arg(
                        QString::fromLatin1(hash.result().toHex().left(16)));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return out;
}

QList<QJsonObject> menuItems(const QJsonObject &menu)
{
    QList<QJsonObject> items;
    for (const QJsonValue &category : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &item : category.toObject().value(u"items"_s).toArray())
            items.append(item.toObject());
    }
    return items;
}

QString newClientOrderId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject orderBody(const QString &clientOrderId, const QList<std::pair<qint64, int>> &lines,
                      const QString &note)
{
    QJsonArray items;
    for (const auto &[id, quantity] : lines)
        items.append(QJsonObject{{u"menu_item_id"_s, id}, {u"quantity"_s, quantity}});
    QJsonObject body{{u"client_order_id"_s, clientOrderId}, {u"items"_s, items}};
    if (!note.isEmpty())
        body.insert(u"note"_s, note);
    return body;
}

QByteArray rawOrderRequest(const QString &token, const QByteArray &body)
{
    return "POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1()
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body;
}

QByteArray pngImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(200, 60, 40));
    QPainter painter(&image);
    painter.setBrush(QColor(250, 240, 200));
    painter.drawEllipse(QRect(width / 4, height / 4, width / 2, height / 2));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QString handmadeToken(const QJsonObject &header, const QJsonObject &claims,
                      const QByteArray &secret, bool sha512)
{
    constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray signingInput =
            QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(base64url) + '.'
            + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(base64url);
    const QByteArray signature = QMessageAuthenticationCode::hash(
            signingInput, secret, sha512 ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + signature.toBase64(base64url));
}

} // namespace tableorder::test
