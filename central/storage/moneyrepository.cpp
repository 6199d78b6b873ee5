#include "moneyrepository.h"

#include "database.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <map>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

Status run(QSqlQuery &q, const QVariantList &values, const char *what)
{
    for (const QVariant &v : values)
        q.addBindValue(v);
    return db::exec(q, what);
}

} // namespace

QSqlQuery &MoneyRepository::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.insert(sql, db::prepared(m_db, sql));
    return *it;
}

Result<QString> MoneyRepository::firstText(const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery &q = statement(sql);
    if (auto ok = run(q, values, what); !ok)
        return fail(ok.error());
    const QString text = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return text;
}

Money DayFigures::paid() const
{
    Money sum = 0;
    for (Money amount : payments)
        sum += amount;
    return sum;
}

Result<QString> MoneyRepository::visitDate(qint64 storeId, qint64 sessionId)
{
    if (sessionId <= 0)
        return QString();
    return firstText(u"SELECT business_date FROM orders WHERE store_id = ? AND session_id = ? "
                            "ORDER BY order_id LIMIT 1"_s,
                     {storeId, sessionId}, "visit date");
}

Result<QString> MoneyRepository::orderDate(qint64 storeId, qint64 orderId)
{
    return firstText(u"SELECT business_date FROM orders WHERE store_id = ? AND order_id = ?"_s,
                     {storeId, orderId}, "order date");
}

Status MoneyRepository::insertPayment(qint64 storeId, const StorePayment &p)
{
    QSqlQuery &q = statement(u"INSERT INTO store_payments (store_id, client_payment_id, payment_id, seq, "
                                      "session_id, business_date, table_number, method, amount, actor, paid_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (store_id, client_payment_id) DO NOTHING"_s);
    return run(q, {storeId, p.clientPaymentId, p.paymentId, p.seq, p.sessionId, p.businessDate, p.tableNumber,
                   p.method, p.amount, compact(p.actor), p.at},
               "insert store payment");
}

Status MoneyRepository::insertVoid(qint64 storeId, const StoreVoid &v)
{
    QSqlQuery &q = statement(u"INSERT INTO store_voids (store_id, seq, session_id, order_id, business_date, "
                                      "amount, reason, actor, voided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (store_id, seq) DO NOTHING"_s);
    return run(q, {storeId, v.seq, v.sessionId, v.orderId, v.businessDate, v.amount, db::text(v.reason),
                   compact(v.actor), v.at},
               "insert store void");
}

Status MoneyRepository::insertDiscount(qint64 storeId, const StoreDiscount &d)
{
    QSqlQuery &q = statement(u"INSERT INTO store_discounts (store_id, seq, discount_id, session_id, "
                                      "business_date, kind, value, amount, reason, actor, added_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (store_id, seq) DO NOTHING"_s);
    return run(q, {storeId, d.seq, d.discountId, d.sessionId, d.businessDate, d.kind, d.value, d.amount,
                   db::text(d.reason), compact(d.actor), d.at},
               "insert store discount");
}

Status MoneyRepository::upsertDayClose(qint64 storeId, const StoreDayClose &day, const QString &receivedAt)
{
    QSqlQuery &q = statement(u"INSERT INTO store_business_days (store_id, business_date, seq, report, "
                                      "closed_at, received_at) VALUES (?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (store_id, business_date) DO UPDATE SET seq = excluded.seq, "
                                      "report = excluded.report, closed_at = excluded.closed_at, "
                                      "received_at = excluded.received_at"_s);
    return run(q, {storeId, day.businessDate, day.seq, compact(day.report), db::text(day.closedAt), receivedAt},
               "record closed day");
}

Status MoneyRepository::insertAudit(qint64 storeId, const QList<AuditEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    QSqlQuery &q = statement(u"INSERT INTO store_audit (store_id, seq, type, at, staff_id, staff_name, "
                                      "staff_role, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (store_id, seq) DO NOTHING"_s);
    for (const AuditEntry &e : entries) {
        if (auto ok = run(q, {storeId, e.seq, e.type, e.at, e.staffId, db::text(e.staffName),
                              db::text(e.staffRole), compact(e.data)},
                          "insert audit entry");
            !ok)
            return ok;
    }
    return {};
}

Result<QList<DayFigures>> MoneyRepository::days(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                const QString &toDate)
{
    const QString from = fromDate.isEmpty() ? u"0000-00-00"_s : fromDate;
    const QString to = toDate.isEmpty() ? u"9999-99-99"_s : toDate;
    std::map<std::pair<qint64, QString>, DayFigures> days;
    auto day = [&](const QSqlQuery &q) -> DayFigures & {
        DayFigures &d = days[{q.value(0).toLongLong(), q.value(2).toString()}];
        d.storeId = q.value(0).toLongLong();
        d.storeName = q.value(1).toString();
        d.businessDate = q.value(2).toString();
        for (const QString &method : {u"cash"_s, u"card"_s, u"transfer"_s, u"other"_s})
            d.payments.insert(method, d.payments.value(method));
        return d;
    };
    // Each query: store id, store name, business date, then its figures.
    const QString scope = u" s ON s.id = x.store_id WHERE s.org_id = ? AND (? = 0 OR x.store_id = ?) "
                          "AND x.business_date >= ? AND x.business_date <= ? "_s;
    const QVariantList values{orgId, storeId, storeId, from, to};

    QSqlQuery orders = db::prepared(m_db, u"SELECT x.store_id, s.name, x.business_date, "
                                           "SUM(CASE WHEN x.status = 'canceled' THEN 0 ELSE 1 END), "
                                           "SUM(CASE WHEN x.status = 'canceled' THEN 1 ELSE 0 END), SUM(x.total), "
                                           "SUM(CASE WHEN x.status = 'canceled' THEN x.total ELSE 0 END) "
                                           "FROM orders x JOIN stores"_s
                                                   + scope + u"GROUP BY x.store_id, s.name, x.business_date"_s);
    if (auto ok = run(orders, values, "day orders"); !ok)
        return fail(ok.error());
    while (orders.next()) {
        DayFigures &d = day(orders);
        d.orders = orders.value(3).toLongLong();
        d.canceledOrders = orders.value(4).toLongLong();
        d.gross = orders.value(5).toLongLong();
        d.voids += orders.value(6).toLongLong();
    }
    // Lines voided on an order that was later canceled count once, with the canceled order.
    QSqlQuery voids = db::prepared(m_db, u"SELECT x.store_id, s.name, x.business_date, SUM(x.amount) "
                                          "FROM store_voids x JOIN stores"_s
                                                  + scope
                                                  + u"AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.store_id = "
                                                    "x.store_id AND o.order_id = x.order_id AND o.status = 'canceled') "
                                                    "GROUP BY x.store_id, s.name, x.business_date"_s);
    if (auto ok = run(voids, values, "day voids"); !ok)
        return fail(ok.error());
    while (voids.next())
        day(voids).voids += voids.value(3).toLongLong();
    QSqlQuery discounts = db::prepared(m_db, u"SELECT x.store_id, s.name, x.business_date, SUM(x.amount) "
                                              "FROM store_discounts x JOIN stores"_s
                                                      + scope + u"GROUP BY x.store_id, s.name, x.business_date"_s);
    if (auto ok = run(discounts, values, "day discounts"); !ok)
        return fail(ok.error());
    while (discounts.next())
        day(discounts).discounts += discounts.value(3).toLongLong();
    QSqlQuery payments = db::prepared(m_db, u"SELECT x.store_id, s.name, x.business_date, x.method, SUM(x.amount) "
                                             "FROM store_payments x JOIN stores"_s
                                                     + scope + u"GROUP BY x.store_id, s.name, x.business_date, x.method"_s);
    if (auto ok = run(payments, values, "day payments"); !ok)
        return fail(ok.error());
    while (payments.next()) {
        DayFigures &d = day(payments);
        d.payments[payments.value(3).toString()] += payments.value(4).toLongLong();
    }
    QList<DayFigures> out;
    out.reserve(qsizetype(days.size()));
    for (auto &[key, figures] : days)
        out.append(std::move(figures));
    return out;
}

Result<QMap<std::pair<qint64, QString>, QJsonObject>> MoneyRepository::closedDays(qint64 orgId, qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT d.store_id, d.business_date, d.report FROM store_business_days d "
                                      "JOIN stores s ON s.id = d.store_id WHERE s.org_id = ? AND (? = 0 OR d.store_id = ?)"_s);
    if (auto ok = run(q, {orgId, storeId, storeId}, "closed days"); !ok)
        return fail(ok.error());
    QMap<std::pair<qint64, QString>, QJsonObject> out;
    while (q.next())
        out.insert({q.value(0).toLongLong(), q.value(1).toString()}, objectOf(q.value(2)));
    return out;
}

Result<QList<AuditEntry>> MoneyRepository::audit(const AuditQuery &query)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT a.store_id, s.name, a.seq, a.type, a.at, a.staff_id, a.staff_name, a.staff_role, a.data
        FROM store_audit a JOIN stores s ON s.id = a.store_id
        WHERE s.org_id = ? AND (? = 0 OR a.store_id = ?) AND (? = '' OR a.at >= ?) AND (? = '' OR a.at < ?)
          AND (? = 0 OR a.staff_id = ?)
        ORDER BY a.at DESC, a.store_id, a.seq DESC LIMIT ?)"_s);
    if (auto ok = run(q, {query.orgId, query.storeId, query.storeId, db::text(query.from), db::text(query.from),
                          db::text(query.to), db::text(query.to),
                          query.staffId, query.staffId, query.limit},
                      "read HQ audit log");
        !ok)
        return fail(ok.error());
    QList<AuditEntry> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toString(), q.value(7).toString(),
                    objectOf(q.value(8))});
    return out;
}

} // namespace tableorder::central
