#include "synckit.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QElapsedTimer>
#include <QUuid>
#include <QtTest/QTest>

#include <algorithm>
#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace tableorder::test {

namespace {

QString epochMs(const QVariant &text)
{
    if (text.isNull() || text.toString().isEmpty())
        return u"-"_s;
    const QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QString::number(t.toMSecsSinceEpoch()) : u"bad:"_s + text.toString();
}

/// Lines of `SELECT order_id, menu_item_id, name, unit_price, quantity, line_total` (in
/// line order) grouped by order, then the orders of `SELECT id, number, business_date,
/// table_number, status, total, created_at, completed_at, canceled_at` in id order.
QStringList canonicalOrders(
    QSqlDatabase db, const QString &ordersSql, const QString &linesSql, const QVariantList &binds)
{
    QHash<qint64, QStringList> lines;
    QSqlQuery l(db);
    l.setForwardOnly(true);
    l.prepare(linesSql);
    for (const QVariant &v : binds)
        l.addBindValue(v);
    if (!l.exec())
        return { u"cannot read order lines: "_s + l.lastError().text() };
    while (l.next())
        lines[l.value(0).toLongLong()].append(u"%1:%2:%3x%4=%5"_s.arg(l.value(1).toLongLong())
                                                  .arg(l.value(2).toString())
                                                  .arg(l.value(3).toLongLong())
                                                  .arg(l.value(4).toInt())
                                                  .arg(l.value(5).toLongLong()));
    QStringList out;
    QSqlQuery o(db);
    o.setForwardOnly(true);
    o.prepare(ordersSql);
    for (const QVariant &v : binds)
        o.addBindValue(v);
    if (!o.exec())
        return { u"cannot read orders: "_s + o.lastError().text() };
    while (o.next()) {
        const qint64 id = o.value(0).toLongLong();
        out.append(u"%1|%2|%3|%4|%5|%6|%7|%8|%9|"_s.arg(id)
                       .arg(o.value(1).toInt())
                       .arg(o.value(2).toString())
                       .arg(o.value(3).toInt())
                       .arg(o.value(4).toString())
                       .arg(o.value(5).toLongLong())
                       .arg(epochMs(o.value(6)), epochMs(o.value(7)), epochMs(o.value(8)))
            + lines.value(id).join(u';'));
    }
    return out;
}

} // namespace

EdgeStore edgeStore(const QString &edgeDatabasePath)
{
    const QString name = u"edge-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    EdgeStore out;
    {
        QSqlDatabase db = openTestDatabase(name, u"sqlite:"_s + edgeDatabasePath,
            u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        out.lastSeq = queryValue(db, u"SELECT COALESCE(MAX(seq), 0) FROM events"_s);
        out.orderEvents
            = queryValue(db, u"SELECT COUNT(*) FROM events WHERE type = 'order.created'"_s);
        QSqlQuery q(db);
        if (q.exec(u"SELECT value FROM sync_state WHERE key = 'acked_seq'"_s) && q.next())
            out.ackedSeq = q.value(0).toLongLong();
        q.finish();
        out.orders = canonicalOrders(db,
            u"SELECT id, number, business_date, table_number, status, total, created_at, "
            u"completed_at, "
            "canceled_at FROM orders ORDER BY id"_s,
            u"SELECT order_id, menu_item_id, name, unit_price, quantity, line_total FROM "
            u"order_items "
            "ORDER BY order_id, id"_s,
            {});
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

CentralStore centralStore(QSqlDatabase db, qint64 storeId)
{
    CentralStore out;
    out.appliedSeq = queryValue(db, u"SELECT applied_seq FROM stores WHERE id = ?"_s, { storeId });
    out.events
        = queryValue(db, u"SELECT COUNT(*) FROM store_events WHERE store_id = ?"_s, { storeId });
    out.maxSeq = queryValue(
        db, u"SELECT COALESCE(MAX(seq), 0) FROM store_events WHERE store_id = ?"_s, { storeId });
    out.orderEvents = queryValue(db,
        u"SELECT COUNT(*) FROM store_events WHERE store_id = ? AND type = 'order.created'"_s,
        { storeId });
    out.orders = canonicalOrders(db,
        u"SELECT order_id, number, business_date, table_number, status, total, created_at, "
        u"completed_at, "
        "canceled_at FROM orders WHERE store_id = ? ORDER BY order_id"_s,
        u"SELECT order_id, menu_item_id, name, unit_price, quantity, line_total FROM order_items "
        "WHERE store_id = ? ORDER BY order_id, line"_s,
        { storeId });
    return out;
}

QStringList centralDataState(QSqlDatabase db)
{
    QStringList out;
    const std::pair<const char *, const char *> tables[] = {
        { "store_events", "store_id, seq" },
        { "orders", "store_id, order_id" },
        { "order_items", "store_id, order_id, line" },
        { "order_item_options", "store_id, order_id, line, position" },
        { "dead_letters", "store_id, seq, id" },
        { "reconciliation", "store_id, business_date" },
        { "store_payments", "store_id, client_payment_id" },
        { "store_voids", "store_id, seq" },
        { "store_discounts", "store_id, seq" },
        { "store_business_days", "store_id, business_date" },
        { "store_audit", "store_id, seq" },
        { "store_line_times", "store_id, line_id" },
    };
    for (const auto &[table, order] : tables) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        // received_at / reported_at say when, not what: a repeat may refresh them.
        if (!q.exec(u"SELECT * FROM %1 ORDER BY %2"_s.arg(
                QLatin1StringView(table), QLatin1StringView(order)))) {
            out.append(u"%1: %2 (%3)"_s.arg(
                QLatin1StringView(table), q.lastError().text(), QUuid::createUuid().toString()));
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 rows = 0;
        while (q.next()) {
            ++rows;
            const QSqlRecord record = q.record();
            for (int i = 0; i < record.count(); ++i) {
                const QString field = record.fieldName(i);
                if (field == u"received_at"_s || field == u"reported_at"_s)
                    continue;
                hash.addData(
                    QByteArray(field.toUtf8() + '=' + q.value(i).toString().toUtf8() + '\x1f'));
            }
            hash.addData("\n");
        }
        out.append(u"%1: %2 rows %3"_s.arg(QLatin1StringView(table))
                       .arg(rows)
                       .arg(QString::fromLatin1(hash.result().toHex().left(16))));
    }
    QSqlQuery q(db);
    if (q.exec(u"SELECT id, applied_seq FROM stores ORDER BY id"_s)) {
        while (q.next())
            out.append(u"store %1 applied_seq %2"_s.arg(q.value(0).toLongLong())
                           .arg(q.value(1).toLongLong()));
    }
    return out;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int intervalMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(
            int(std::min<qint64>(intervalMs, std::max<qint64>(1, deadline.remainingTime()))));
    }
}

bool waitForSync(const EdgeProcess &edge, CentralDatabase &central, qint64 storeId, int timeoutMs)
{
    return waitUntil(
        [&] {
            const EdgeStore e = edgeStore(edge.databasePath());
            return e.ackedSeq == e.lastSeq
                && centralStore(central.connection(), storeId).appliedSeq == e.lastSeq;
        },
        timeoutMs, 200);
}

std::optional<double> metricValue(const QByteArray &page, const QByteArray &name)
{
    for (const QByteArray &line : page.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.sliced(name.size() + 1).trimmed().toDouble();
    }
    return std::nullopt;
}

double metricSum(const QByteArray &page, const QByteArray &name)
{
    double sum = 0;
    for (const QByteArray &line : page.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')) || line.startsWith(QByteArray(name + '{')))
            sum += line.sliced(line.lastIndexOf(' ') + 1).trimmed().toDouble();
    }
    return sum;
}

QString Hq::login(HttpClient &http, const QString &username, const QString &password)
{
    const HttpResult result = http.post(
        u"/api/v1/auth/login"_s, { { u"username"_s, username }, { u"password"_s, password } });
    if (result.status != 200)
        qWarning("HQ login %s failed: %s", qPrintable(username), qPrintable(result.describe()));
    return result.json().value(u"token"_s).toString();
}

std::pair<qint64, QString> Hq::registerStore(const QString &name, const QString &timezone)
{
    const HttpResult result = http.post(
        u"/api/v1/stores"_s, { { u"name"_s, name }, { u"timezone"_s, timezone } }, token);
    if (result.status != 201) {
        qWarning("registering %s failed: %s", qPrintable(name), qPrintable(result.describe()));
        return { 0, {} };
    }
    return { result.json().value(u"id"_s).toInteger(),
        result.json().value(u"store_key"_s).toString() };
}

QHash<qint64, QJsonObject> Hq::menuItems(qint64 storeId)
{
    QHash<qint64, QJsonObject> out;
    const QJsonObject menu = http.get(u"/api/v1/stores/%1/menu"_s.arg(storeId), token).json();
    for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
            out.insert(i.toObject().value(u"id"_s).toInteger(), i.toObject());
    }
    return out;
}

QJsonObject Hq::salesRow(qint64 storeId)
{
    const QDate today = QDate::currentDate();
    const HttpResult result = http.get(
        u"/api/v1/reports/sales?from=%1&to=%2&group_by=store&store_id=%3"_s
            .arg(today.addDays(-1).toString(Qt::ISODate), today.addDays(1).toString(Qt::ISODate))
            .arg(storeId),
        token);
    const QJsonArray rows = result.json().value(u"rows"_s).toArray();
    if (result.status != 200 || rows.size() != 1) {
        qWarning("sales report: %s", qPrintable(result.describe()));
        return {};
    }
    return rows.first().toObject();
}

QStringList edgeMenuLines(const QJsonObject &menu)
{
    QStringList out;
    for (const QJsonValue &cv : menu.value(u"categories"_s).toArray()) {
        const QJsonObject c = cv.toObject();
        out.append(u"category %1|%2|%3"_s.arg(c.value(u"id"_s).toInteger())
                       .arg(c.value(u"name"_s).toString())
                       .arg(c.value(u"display_order"_s).toInteger()));
        for (const QJsonValue &iv : c.value(u"items"_s).toArray()) {
            const QJsonObject i = iv.toObject();
            out.append(u"%1|%2|%3|%4|%5"_s.arg(i.value(u"id"_s).toInteger())
                           .arg(c.value(u"id"_s).toInteger())
                           .arg(i.value(u"name"_s).toString())
                           .arg(i.value(u"price"_s).toInteger())
                           .arg(i.value(u"available"_s).toBool() ? u"available"_s : u"sold out"_s));
        }
    }
    out.sort();
    return out;
}

QStringList centralMenuLines(const QJsonObject &menu, const QSet<qint64> &soldOut)
{
    QStringList out;
    for (const QJsonValue &cv : menu.value(u"categories"_s).toArray()) {
        const QJsonObject c = cv.toObject();
        out.append(u"category %1|%2|%3"_s.arg(c.value(u"id"_s).toInteger())
                       .arg(c.value(u"name"_s).toString())
                       .arg(c.value(u"display_order"_s).toInteger()));
        for (const QJsonValue &iv : c.value(u"items"_s).toArray()) {
            const QJsonObject i = iv.toObject();
            const qint64 id = i.value(u"id"_s).toInteger();
            out.append(u"%1|%2|%3|%4|%5"_s.arg(id)
                           .arg(c.value(u"id"_s).toInteger())
                           .arg(i.value(u"name"_s).toString())
                           .arg(i.value(u"price"_s).toInteger())
                           .arg(soldOut.contains(id) ? u"sold out"_s : u"available"_s));
        }
    }
    out.sort();
    return out;
}

QJsonObject orderJson(qint64 id, int number, const QString &businessDate, qint64 unitPrice,
    int quantity, const QString &status)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    return { { u"id"_s, id }, { u"number"_s, number }, { u"business_date"_s, businessDate },
        { u"session_id"_s, 1 }, { u"table_id"_s, 1 }, { u"table_number"_s, 1 },
        { u"status"_s, status }, { u"total"_s, unitPrice * quantity }, { u"note"_s, u""_s },
        { u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { u"created_at"_s, now }, { u"updated_at"_s, now },
        { u"items"_s,
            QJsonArray { QJsonObject { { u"menu_item_id"_s, 1 }, { u"name"_s, u"김치찌개"_s },
                { u"unit_price"_s, unitPrice }, { u"quantity"_s, quantity },
                { u"line_total"_s, unitPrice * quantity } } } } };
}

sync::v1::UploadRequest orderBatch(qint64 firstSeq, int count, qint64 unitPrice, int schemaVersion)
{
    sync::v1::UploadRequest request;
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    for (int i = 0; i < count; ++i) {
        const qint64 seq = firstSeq + i;
        auto *e = request.add_events();
        e->set_event_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        e->set_seq(seq);
        e->set_schema_version(schemaVersion);
        e->set_type("order.created");
        e->set_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
        e->set_table_id(1);
        e->set_data_json(QJsonDocument(orderJson(seq, int(seq), today, unitPrice, 1))
                             .toJson(QJsonDocument::Compact)
                             .toStdString());
    }
    request.set_backlog(count);
    request.set_last_seq(firstSeq + count - 1);
    request.set_edge_version("test");
    return request;
}

HttpResult upload(HttpClient &http, const QString &storeKey, const sync::v1::UploadRequest &request,
    sync::v1::UploadResponse *response)
{
    HttpResult result = http.send("POST", u"/sync/v1/events"_s,
        QByteArray::fromStdString(request.SerializeAsString()), storeKey,
        { { "Content-Type", "application/x-protobuf" } });
    if (response) {
        response->Clear();
        if (result.header("content-type").startsWith("application/x-protobuf"))
            response->ParseFromArray(result.body.constData(), int(result.body.size()));
    }
    return result;
}

QList<HttpResult> sendTogether(const QList<std::pair<quint16, QByteArray>> &requests, int timeoutMs,
                               const std::function<void()> &written)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (const auto &[port, request] : requests) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (!socket->waitForConnected(5000))
            return {};
        sockets.push_back(std::move(socket));
    }
    for (qsizetype i = 0; i < requests.size(); ++i) {
        sockets[i]->write(requests.at(i).second);
        sockets[i]->flush();
    }
    if (written)
        written();
    QList<std::optional<HttpResult>> results(requests.size());
    QList<QByteArray> buffers(requests.size());
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs
           && std::any_of(results.cbegin(), results.cend(), [](const auto &r) { return !r.has_value(); })) {
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (results.at(i))
                continue;
            sockets[i]->waitForReadyRead(20);
            buffers[i] += sockets[i]->readAll();
            results[i] = takeResponse(buffers[i], sockets[i]->state() != QAbstractSocket::ConnectedState);
        }
    }
    QList<HttpResult> out;
    for (const auto &r : results)
        out.append(r.value_or(HttpResult{}));
    return out;
}

QByteArray uploadRequestBytes(const QString &storeKey, const sync::v1::UploadRequest &request)
{
    const QByteArray body = QByteArray::fromStdString(request.SerializeAsString());
    return "POST /sync/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + storeKey.toLatin1()
            + "\r\nContent-Type: application/x-protobuf\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body;
}

std::optional<sync::v1::UploadResponse> uploadResponse(const HttpResult &result)
{
    sync::v1::UploadResponse response;
    if (!result.header("content-type").startsWith("application/x-protobuf")
        || !response.ParseFromArray(result.body.constData(), int(result.body.size())))
        return std::nullopt;
    return response;
}

void stopProcess(qint64 pid)
{
    if (pid > 0)
        ::kill(pid_t(pid), SIGSTOP);
}

void continueProcess(qint64 pid)
{
    if (pid > 0)
        ::kill(pid_t(pid), SIGCONT);
}

} // namespace tableorder::test
