#pragma once

#include "domain.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tableorder::edge {

/// One order line as the bill shows it, with where it came from and, when voided, who
/// voided it, why and when (a voided line stays on the bill).
struct BillLine
{
    qint64 lineId = 0;
    qint64 orderId = 0;
    int orderNumber = 0;
    qint64 menuItemId = 0;
    QString name;
    QJsonArray options;
    QString note;
    int quantity = 0;
    Money unitPrice = 0;
    Money lineTotal = 0;
    QJsonObject addedBy; // actor JSON (Principal::actor())
    QDateTime addedAt;
    bool voided = false;
    QJsonObject voidedBy; // empty: a line of a canceled order
    QString voidReason;
    QDateTime voidedAt;
};

struct BillDiscount
{
    qint64 id = 0;
    QString kind; // "amount" | "percent"
    qint64 value = 0;
    Money amount = 0; // what it takes off this bill (see Bill::settle)
    QString reason;
    QJsonObject by;
    QDateTime at;
};

struct BillPayment
{
    qint64 id = 0;
    QString clientPaymentId;
    qint64 sessionId = 0;
    qint64 tableId = 0;
    int tableNumber = 0;
    QString method;
    Money amount = 0;
    bool closedVisit = false;
    QJsonObject by;
    QDateTime at;
};

/// A visit's bill: its lines, discounts and payments, and figures that add up to the won:
/// subtotal = sum of the non-void lines; total = subtotal - sum of discount amounts;
/// due = total - paid.
struct Bill
{
    qint64 sessionId = 0; // 0: the table has no open visit (an empty bill)
    qint64 tableId = 0;
    int tableNumber = 0;
    QList<BillLine> lines;
    QList<BillDiscount> discounts;
    QList<BillPayment> payments;
    Money subtotal = 0;
    Money discountTotal = 0;
    Money total = 0;
    Money paid = 0;
    Money due = 0;

    /// Computes the figures from lines, discounts and payments. Discounts apply in the order
    /// they were given, each to the subtotal (a percent never compounds), each at most what
    /// is left of the total, so a total is never below 0.
    void settle();
};

/// `percent` of `base` in whole won, half up (10 % of 12,345 is 1,235).
[[nodiscard]] Money percentOf(Money base, qint64 percent);
/// `amount` in `ways` whole-won shares; the remainder goes on the first share.
[[nodiscard]] QList<Money> splitEven(Money amount, int ways);
/// `amount` shared in proportion to `weights` (whole won, rounded down); what rounding leaves
/// goes on the first share. All weights 0: the first share takes everything.
[[nodiscard]] QList<Money> splitProportional(Money amount, const QList<Money> &weights);

QJsonObject toJson(const Bill &bill);
QJsonObject toJson(const BillPayment &payment);
QJsonObject toJson(const BillDiscount &discount);
/// The bill's origin of an actor: `{kind: "table"|"staff", name, ...}` (name: "table 4" or
/// the staff member's username).
QJsonObject originJson(const QJsonObject &actor);

} // namespace tableorder::edge
