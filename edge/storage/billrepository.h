#pragma once

#include "services/bill.h"

#include <QSqlDatabase>

#include <optional>

namespace tableorder::edge {

struct StoredPayment
{
    BillPayment payment;
    QString requestHash;
};

/// A closed business day: its frozen Z report and who closed it.
struct ClosedDay
{
    QString date;
    QDateTime closedAt;
    QJsonObject closedBy;
    QString forcedReason;
    QJsonObject report;
};

/// The bill's storage: order lines with their voids, discounts, payments, how visits end,
/// moves and merges of visits, and closed business days. The caller owns the transaction.
class BillRepository
{
public:
    explicit BillRepository(QSqlDatabase db);

    /// The session's lines (in order), discounts and payments; figures not settled.
    [[nodiscard]] Result<Bill> bill(qint64 sessionId);
    /// Numbers of the session's orders still pending or preparing.
    [[nodiscard]] Result<QList<int>> cookingOrders(qint64 sessionId);

    [[nodiscard]] Result<std::optional<StoredPayment>> paymentByClientId(const QString &clientPaymentId);
    /// Fills payment.id.
    [[nodiscard]] Status insertPayment(BillPayment &payment, const QString &requestHash);
    /// Fills discount.id.
    [[nodiscard]] Status insertDiscount(qint64 sessionId, BillDiscount &discount);
    [[nodiscard]] Status voidLines(const QList<qint64> &lineIds, const QString &reason,
                                   const QJsonObject &actor, const QDateTime &at);
    /// How the (just closed) session ended: "paid", "closed", "forced" (with its reason).
    [[nodiscard]] Status recordClose(qint64 sessionId, const QString &kind, const QString &reason,
                                     const QJsonObject &actor);

    /// The session, its orders and payments move to another table.
    [[nodiscard]] Status moveSession(qint64 sessionId, qint64 toTableId, int toTableNumber);
    /// Every order, payment and discount of `from` goes to `into` (at its table); `from` is
    /// closed as merged.
    [[nodiscard]] Status mergeSession(qint64 from, qint64 into, qint64 intoTableId, int intoTableNumber,
                                      const QJsonObject &actor, const QDateTime &at);

    /// Sessions that belong to a business day: those whose first order has that date.
    struct DaySession
    {
        qint64 id = 0;
        bool open = false;
        QString closeKind;
    };
    [[nodiscard]] Result<QList<DaySession>> sessionsOfDay(const QString &date);
    [[nodiscard]] Result<std::optional<ClosedDay>> closedDay(const QString &date);
    [[nodiscard]] Status insertClosedDay(const ClosedDay &day);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
