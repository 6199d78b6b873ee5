#pragma once

#include "domain.h"

#include <QJsonObject>
#include <QMap>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::central {

/// A payment a store recorded (payment.recorded), as HQ keeps it.
struct StorePayment
{
    qint64 seq = 0;
    QString clientPaymentId;
    qint64 paymentId = 0;
    qint64 sessionId = 0;
    QString businessDate;
    int tableNumber = 0;
    QString method;
    Money amount = 0;
    QJsonObject actor;
    QString at;
};

/// Lines of an order a store voided (order.voided): their amount.
struct StoreVoid
{
    qint64 seq = 0;
    qint64 sessionId = 0;
    qint64 orderId = 0;
    QString businessDate;
    Money amount = 0;
    QString reason;
    QJsonObject actor;
    QString at;
};

/// A discount on a visit (bill.discount_added): the amount it took off.
struct StoreDiscount
{
    qint64 seq = 0;
    qint64 discountId = 0;
    qint64 sessionId = 0;
    QString businessDate;
    QString kind;
    qint64 value = 0;
    Money amount = 0;
    QString reason;
    QJsonObject actor;
    QString at;
};

/// A business day a store closed (business_day.closed) with its Z report as sent.
struct StoreDayClose
{
    qint64 seq = 0;
    QString businessDate;
    QJsonObject report;
    QString closedAt;
};

/// A staff member's action in a store's log (an event whose actor is staff).
struct AuditEntry
{
    qint64 storeId = 0;
    QString storeName;
    qint64 seq = 0;
    QString type;
    QString at;
    qint64 staffId = 0;
    QString staffName;
    QString staffRole;
    QJsonObject data;
};

struct AuditQuery
{
    qint64 orgId = 0;
    qint64 storeId = 0; // 0: every store of the organization
    QString from;       // timestamps (timestampText), empty: open
    QString to;         // exclusive
    qint64 staffId = 0; // 0: everybody
    int limit = 200;
};

/// HQ's own figures of one store's business day, from what it ingested: gross is every
/// order of the day (canceled ones too, as on the store's bills), voids are canceled orders
/// plus voided lines of the others, net = gross - voids - discounts.
struct DayFigures
{
    qint64 storeId = 0;
    QString storeName;
    QString businessDate;
    qint64 orders = 0;         // not canceled
    qint64 canceledOrders = 0;
    Money gross = 0;
    Money voids = 0;
    Money discounts = 0;
    QMap<QString, Money> payments; // by method: cash, card, transfer, other always present

    [[nodiscard]] Money net() const { return gross - voids - discounts; }
    [[nodiscard]] Money paid() const;
};

/// What HQ keeps of the stores' money and staff actions (projections of store_events), and
/// the per-store, per-day reads of them.
class MoneyRepository
{
public:
    explicit MoneyRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The business date of a store's visit: its first order's; empty when HQ has none.
    [[nodiscard]] Result<QString> visitDate(qint64 storeId, qint64 sessionId);
    /// The business date of one order; empty when HQ does not have it.
    [[nodiscard]] Result<QString> orderDate(qint64 storeId, qint64 orderId);
    /// A payment once per client_payment_id (a replay adds nothing).
    [[nodiscard]] Status insertPayment(qint64 storeId, const StorePayment &payment);
    [[nodiscard]] Status insertVoid(qint64 storeId, const StoreVoid &voided);
    [[nodiscard]] Status insertDiscount(qint64 storeId, const StoreDiscount &discount);
    /// The latest close of the day the store sent wins.
    [[nodiscard]] Status upsertDayClose(qint64 storeId, const StoreDayClose &day, const QString &receivedAt);
    [[nodiscard]] Status insertAudit(qint64 storeId, const QList<AuditEntry> &entries);

    /// Per store and business date in [fromDate, toDate] (any date when empty), HQ's figures.
    [[nodiscard]] Result<QList<DayFigures>> days(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                 const QString &toDate);
    /// The closed days' Z reports: (store id, date) -> report.
    [[nodiscard]] Result<QMap<std::pair<qint64, QString>, QJsonObject>> closedDays(qint64 orgId, qint64 storeId);
    [[nodiscard]] Result<QList<AuditEntry>> audit(const AuditQuery &query);

private:
    /// The sync path's statements, prepared once per connection (on PostgreSQL a statement
    /// prepared per call costs PREPARE, EXECUTE and DEALLOCATE round trips).
    QSqlQuery &statement(const QString &sql);
    [[nodiscard]] Result<QString> firstText(const QString &sql, const QVariantList &values, const char *what);

    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace tableorder::central
