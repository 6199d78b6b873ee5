#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator64>

namespace tableorder::bench {

/// Makes POST /orders bodies like a tablet's: a fresh random v4 UUID as client_order_id and
/// 1..maxLines distinct menu items, quantity 1..3 each. Not thread-safe: one per thread.
class OrderBodies
{
public:
    OrderBodies(QList<qint64> itemIds, int maxLines, quint64 seed);
    [[nodiscard]] QByteArray next();
    [[nodiscard]] QByteArray uuid();

private:
    QList<qint64> m_itemIds;
    int m_maxLines;
    QRandomGenerator64 m_random;
};

} // namespace tableorder::bench
