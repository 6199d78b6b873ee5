#include "billrepository.h"

#include "database.h"
#include "json.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

QJsonObject objectFrom(const QVariant &text)
{
    if (text.isNull())
        return {};
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QVariant textOf(const QJsonObject &object)
{
    return object.isEmpty() ? QVariant(u""_s) : QVariant(QString::fromUtf8(json::compact(object)));
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

BillPayment readPayment(const QSqlQuery &q, int at)
{
    BillPayment p;
    p.id = q.value(at).toLongLong();
    p.clientPaymentId = q.value(at + 1).toString();
    p.sessionId = q.value(at + 2).toLongLong();
    p.tableId = q.value(at + 3).toLongLong();
    p.tableNumber = q.value(at + 4).toInt();
    p.method = q.value(at + 5).toString();
    p.amount = q.value(at + 6).toLongLong();
    p.closedVisit = q.value(at + 7).toBool();
    p.by = objectFrom(q.value(at + 8));
    p.at = parseTimestamp(q.value(at + 9).toString());
    return p;
}

const QString paymentColumns =
        u"p.id, p.client_payment_id, p.session_id, p.table_id, t.number, p.method, p.amount, p.closed_visit, "
        "p.actor, p.created_at"_s;

} // namespace

BillRepository::BillRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Result<Bill> BillRepository::bill(qint64 sessionId)
{
    Bill bill;
    bill.sessionId = sessionId;
    QSqlQuery s = db::prepared(m_db, u"SELECT s.table_id, t.number FROM table_sessions s "
                                      "JOIN tables t ON t.id = s.table_id WHERE s.id = ?"_s);
    s.addBindValue(sessionId);
    if (auto ok = db::exec(s, "read bill session"); !ok)
        return fail(ok.error());
    if (!s.next())
        return fail(Error::notFound(u"visit"_s));
    bill.tableId = s.value(0).toLongLong();
    bill.tableNumber = s.value(1).toInt();

    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT i.id, o.id, o.number, i.menu_item_id, i.name, i.options, i.note, i.quantity, i.unit_price,
               i.line_total, o.actor, o.created_at, o.status, o.canceled_at, i.voided_at, i.void_reason,
               i.voided_by, o.table_id, o.table_number
        FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE o.session_id = ? ORDER BY o.id, i.id)"_s);
    q.addBindValue(sessionId);
    if (auto ok = db::exec(q, "read bill lines"); !ok)
        return fail(ok.error());
    while (q.next()) {
        BillLine line;
        line.lineId = q.value(0).toLongLong();
        line.orderId = q.value(1).toLongLong();
        line.orderNumber = q.value(2).toInt();
        line.menuItemId = q.value(3).toLongLong();
        line.name = q.value(4).toString();
        line.options = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array();
        line.note = q.value(6).toString();
        line.quantity = q.value(7).toInt();
        line.unitPrice = q.value(8).toLongLong();
        line.lineTotal = q.value(9).toLongLong();
        line.addedBy = objectFrom(q.value(10));
        if (line.addedBy.isEmpty())
            line.addedBy = {{u"kind"_s, u"table"_s}, {u"table_id"_s, q.value(17).toLongLong()},
                            {u"table_number"_s, q.value(18).toInt()}};
        line.addedAt = parseTimestamp(q.value(11).toString());
        if (!q.value(14).isNull()) {
            line.voided = true;
            line.voidedAt = parseTimestamp(q.value(14).toString());
            line.voidReason = q.value(15).toString();
            line.voidedBy = objectFrom(q.value(16));
        } else if (q.value(12).toString() == u"canceled"_s) {
            // Canceled before bills existed as a correction: on the bill as void, never charged.
            line.voided = true;
            line.voidedAt = parseTimestamp(q.value(13).toString());
            line.voidReason = u"order canceled"_s;
        }
        bill.lines.append(std::move(line));
    }

    QSqlQuery d = db::prepared(m_db, u"SELECT id, kind, value, reason, actor, created_at FROM discounts "
                                      "WHERE session_id = ? ORDER BY id"_s);
    d.addBindValue(sessionId);
    if (auto ok = db::exec(d, "read discounts"); !ok)
        return fail(ok.error());
    while (d.next())
        bill.discounts.append({d.value(0).toLongLong(), d.value(1).toString(), d.value(2).toLongLong(), 0,
                               d.value(3).toString(), objectFrom(d.value(4)), parseTimestamp(d.value(5).toString())});

    QSqlQuery p = db::prepared(m_db, u"SELECT "_s + paymentColumns
                                              + u" FROM payments p JOIN tables t ON t.id = p.table_id "
                                                "WHERE p.session_id = ? ORDER BY p.id"_s);
    p.addBindValue(sessionId);
    if (auto ok = db::exec(p, "read payments"); !ok)
        return fail(ok.error());
    while (p.next())
        bill.payments.append(readPayment(p, 0));
    return bill;
}

Result<QList<int>> BillRepository::cookingOrders(qint64 sessionId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT number FROM orders WHERE session_id = ? "
                                      "AND status IN ('pending', 'preparing') ORDER BY id"_s);
    q.addBindValue(sessionId);
    if (auto ok = db::exec(q, "read cooking orders"); !ok)
        return fail(ok.error());
    QList<int> numbers;
    while (q.next())
        numbers.append(q.value(0).toInt());
    return numbers;
}

Result<std::optional<StoredPayment>> BillRepository::paymentByClientId(const QString &clientPaymentId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + paymentColumns
                                              + u", p.request_hash FROM payments p JOIN tables t ON t.id = p.table_id "
                                                "WHERE p.client_payment_id = ?"_s);
    q.addBindValue(clientPaymentId);
    if (auto ok = db::exec(q, "find payment"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<StoredPayment>();
    return std::optional(StoredPayment{readPayment(q, 0), q.value(10).toString()});
}

Status BillRepository::insertPayment(BillPayment &payment, const QString &requestHash)
{
    auto id = db::insertReturningId(
            m_db,
            u"INSERT INTO payments (client_payment_id, request_hash, session_id, table_id, method, amount, "
            "closed_visit, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {payment.clientPaymentId, requestHash, payment.sessionId, payment.tableId, payment.method,
             payment.amount, payment.closedVisit ? 1 : 0, textOf(payment.by), timestampText(payment.at)},
            "insert payment");
    if (!id)
        return fail(id.error());
    payment.id = *id;
    return {};
}

Status BillRepository::insertDiscount(qint64 sessionId, BillDiscount &discount)
{
    auto id = db::insertReturningId(
            m_db,
            u"INSERT INTO discounts (session_id, kind, value, reason, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
            {sessionId, discount.kind, discount.value, discount.reason, textOf(discount.by),
             timestampText(discount.at)},
            "insert discount");
    if (!id)
        return fail(id.error());
    discount.id = *id;
    return {};
}

Status BillRepository::voidLines(const QList<qint64> &lineIds, const QString &reason, const QJsonObject &actor,
                                 const QDateTime &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE order_items SET voided_at = ?, void_reason = ?, voided_by = ? "
                                      "WHERE id = ? AND voided_at IS NULL"_s);
    for (qint64 id : lineIds) {
        q.addBindValue(timestampText(at));
        q.addBindValue(reason);
        q.addBindValue(textOf(actor));
        q.addBindValue(id);
        if (auto ok = db::exec(q, "void line"); !ok)
            return ok;
    }
    return {};
}

Status BillRepository::recordClose(qint64 sessionId, const QString &kind, const QString &reason,
                                   const QJsonObject &actor)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE table_sessions SET close_kind = ?, close_reason = ?, closed_by = ? "
                                      "WHERE id = ?"_s);
    q.addBindValue(kind);
    q.addBindValue(nullable(reason));
    q.addBindValue(actor.isEmpty() ? QVariant() : textOf(actor));
    q.addBindValue(sessionId);
    return db::exec(q, "record visit close");
}

Status BillRepository::moveSession(qint64 sessionId, qint64 toTableId, int toTableNumber)
{
    QSqlQuery s = db::prepared(m_db, u"UPDATE table_sessions SET table_id = ? WHERE id = ?"_s);
    s.addBindValue(toTableId);
    s.addBindValue(sessionId);
    if (auto ok = db::exec(s, "move session"); !ok)
        return ok;
    // The kitchen's tickets and the tablet's scope follow the guests to their new table.
    QSqlQuery o = db::prepared(m_db, u"UPDATE orders SET table_id = ?, table_number = ? WHERE session_id = ?"_s);
    o.addBindValue(toTableId);
    o.addBindValue(toTableNumber);
    o.addBindValue(sessionId);
    if (auto ok = db::exec(o, "move orders"); !ok)
        return ok;
    QSqlQuery p = db::prepared(m_db, u"UPDATE payments SET table_id = ? WHERE session_id = ?"_s);
    p.addBindValue(toTableId);
    p.addBindValue(sessionId);
    return db::exec(p, "move payments");
}

Status BillRepository::mergeSession(qint64 from, qint64 into, qint64 intoTableId, int intoTableNumber,
                                    const QJsonObject &actor, const QDateTime &at)
{
    QSqlQuery o = db::prepared(m_db, u"UPDATE orders SET session_id = ?, table_id = ?, table_number = ? "
                                      "WHERE session_id = ?"_s);
    for (const QVariant &v : QVariantList{into, intoTableId, intoTableNumber, from})
        o.addBindValue(v);
    if (auto ok = db::exec(o, "merge orders"); !ok)
        return ok;
    QSqlQuery p = db::prepared(m_db, u"UPDATE payments SET session_id = ?, table_id = ? WHERE session_id = ?"_s);
    for (const QVariant &v : QVariantList{into, intoTableId, from})
        p.addBindValue(v);
    if (auto ok = db::exec(p, "merge payments"); !ok)
        return ok;
    QSqlQuery d = db::prepared(m_db, u"UPDATE discounts SET session_id = ? WHERE session_id = ?"_s);
    d.addBindValue(into);
    d.addBindValue(from);
    if (auto ok = db::exec(d, "merge discounts"); !ok)
        return ok;
    QSqlQuery s = db::prepared(m_db, u"UPDATE table_sessions SET closed_at = ?, close_kind = 'merged', "
                                      "merged_into = ?, closed_by = ? WHERE id = ?"_s);
    for (const QVariant &v : QVariantList{timestampText(at), into, textOf(actor), from})
        s.addBindValue(v);
    return db::exec(s, "close merged session");
}

Result<QList<BillRepository::DaySession>> BillRepository::sessionsOfDay(const QString &date)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT s.id, s.closed_at IS NULL, COALESCE(s.close_kind, '')
        FROM table_sessions s
        WHERE (SELECT o.business_date FROM orders o WHERE o.session_id = s.id ORDER BY o.id LIMIT 1) = ?
        ORDER BY s.id)"_s);
    q.addBindValue(date);
    if (auto ok = db::exec(q, "read the day's visits"); !ok)
        return fail(ok.error());
    QList<DaySession> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toBool(), q.value(2).toString()});
    return out;
}

Result<std::optional<ClosedDay>> BillRepository::closedDay(const QString &date)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT closed_at, closed_by, forced_reason, report FROM business_days "
                                      "WHERE business_date = ?"_s);
    q.addBindValue(date);
    if (auto ok = db::exec(q, "read closed day"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<ClosedDay>();
    return std::optional(ClosedDay{date, parseTimestamp(q.value(0).toString()), objectFrom(q.value(1)),
                                   q.value(2).toString(), objectFrom(q.value(3))});
}

Status BillRepository::insertClosedDay(const ClosedDay &day)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO business_days (business_date, closed_at, closed_by, "
                                      "forced_reason, report) VALUES (?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{day.date, timestampText(day.closedAt), textOf(day.closedBy),
                                          nullable(day.forcedReason),
                                          QString::fromUtf8(json::compact(day.report))})
        q.addBindValue(v);
    return db::exec(q, "close business day");
}

} // namespace tableorder::edge
