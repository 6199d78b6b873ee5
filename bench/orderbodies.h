#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator64>

namespace tableorder::bench {

/// A menu item the load can order: its id and, per option group it offers, the ids of the
/// group's available options.
struct OrderableItem
{
    qint64 id = 0;
    QList<QList<qint64>> optionGroups;
};

/// Makes POST /orders bodies like a tablet's: a fresh random v4 UUID as client_order_id and
/// 1..maxLines distinct menu items, quantity 1..3 each; with optionsPerLine N > 0, each line
/// chooses one random option from each of its item's first N groups (items must offer N).
/// Not thread-safe: one per thread.
class OrderBodies
{
public:
    OrderBodies(QList<OrderableItem> items, int maxLines, int optionsPerLine, quint64 seed);
    [[nodiscard]] QByteArray next();
    [[nodiscard]] QByteArray uuid();

private:
    QList<OrderableItem> m_items;
    int m_maxLines;
    int m_optionsPerLine;
    QRandomGenerator64 m_random;
};

} // namespace tableorder::bench
