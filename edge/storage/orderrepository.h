#pragma once

#include "domain.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::edge {

struct OrderFilter
{
    QList<OrderStatus> statuses; // empty: any
    qint64 sessionId = 0;        // 0: any
    QStringList stations;        // empty: any; else orders with a line for one of them
    QDateTime from;              // inclusive, invalid: unbounded
    QDateTime to;                // exclusive, invalid: unbounded
    int limit = 200;
    int offset = 0;
};

/// One done line of a completed or served order, for kitchen times.
struct LineTime
{
    QString businessDate;
    QDateTime orderCreatedAt;
    QDateTime doneAt;
    qint64 menuItemId = 0;
    QString name;
    QString station;
};

struct StoredOrder
{
    Order order;
    QString requestHash;
};

/// Orders and their lines. The hot statements are prepared once.
class OrderRepository
{
public:
    explicit OrderRepository(QSqlDatabase db);

    [[nodiscard]] Result<std::optional<StoredOrder>> byClientOrderId(const QString &clientOrderId);
    [[nodiscard]] Result<std::optional<Order>> byId(qint64 id);
    [[nodiscard]] Result<QList<Order>> list(const OrderFilter &filter);
    /// Counts pending and preparing orders. OrderService keeps this count after one call:
    /// insert() and updateStatus() must stay its only writers of orders.
    [[nodiscard]] Result<int> activeCount();
    /// Allocates the business day's next number and inserts the order and its lines; the
    /// caller owns the transaction. Fills order.id and order.number.
    /// `actor`: who placed it (Principal::actor()), the bill's line origin.
    [[nodiscard]] Status insert(Order &order, const QString &requestHash, const QJsonObject &actor = {});
    [[nodiscard]] Status updateStatus(const Order &order);
    /// Sets (or, with a null `at`, clears) the done time of these lines; the caller owns the
    /// transaction. `actor`: who marked them (Principal::actor()).
    [[nodiscard]] Status setLinesDone(const QList<qint64> &lineIds, const QDateTime &at,
                                      const QJsonObject &actor = {});
    /// Done lines (not voided) of completed and served orders of these business days.
    [[nodiscard]] Result<QList<LineTime>> lineTimes(const QString &fromDate, const QString &toDate);
    /// Records the first kitchen acknowledgement; false when it was already acknowledged.
    [[nodiscard]] Result<bool> markAcknowledged(qint64 id, const QDateTime &at);
    /// Pending orders no kitchen screen has acknowledged: id and creation time.
    [[nodiscard]] Result<QList<std::pair<qint64, QDateTime>>> unacknowledged();

private:
    Result<QList<StoredOrder>> readOrders(QSqlQuery &q);
    Status loadLines(QList<Order> &orders);

    QSqlDatabase m_db;
    QSqlQuery m_nextNumber;
    QSqlQuery m_insertOrder;
    QSqlQuery m_insertLine;
    QSqlQuery m_byClientId;
    QSqlQuery m_activeCount;
};

} // namespace tableorder::edge
