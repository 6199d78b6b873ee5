#pragma once

#include <QJsonObject>
#include <QHash>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

Q_MOC_INCLUDE("billmodel.h")

namespace tableorder::client {
class EdgeApi;
class MenuModel;
} // namespace tableorder::client

namespace tableorder::tablet {

class BillModel;

/// The guests' bill screen: reads the table's bill (GET /api/v1/bill) while the screen is
/// open, follows the bill's events (orders, voids, discounts, payments, a visit moved or
/// closed), and asks the edge for an even split (`?split=even&ways=N`) or a split by items
/// (POST /api/v1/bill/split with the lines each guest had): the amounts are the edge's, never
/// recomputed here.
class BillController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(tableorder::tablet::BillModel *bill READ bill CONSTANT)
    /// The first answer has not come yet.
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    /// The last read failed (no answer or refused); the screen shows what it had, if anything.
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged)
    /// Even split into this many shares; 0 or 1: none.
    Q_PROPERTY(int ways READ ways WRITE setWays NOTIFY waysChanged)
    /// Split by what each guest had instead of evenly; `ways` is the number of people.
    Q_PROPERTY(bool byItems READ byItems WRITE setByItems NOTIFY byItemsChanged)
    /// {"<line_id>": person 1..ways} for the lines given to someone so far.
    Q_PROPERTY(QVariantMap assignments READ assignments NOTIFY itemSplitChanged)
    /// Lines not void that no one has yet.
    Q_PROPERTY(int unassignedCount READ unassignedCount NOTIFY itemSplitChanged)
    /// "" (nothing to ask: off, or lines unassigned), "asking", "ready", or why it failed:
    /// "NO_ANSWER", "CHANGED" (the edge's bill is not the one shown), another error code.
    Q_PROPERTY(QString itemSplitState READ itemSplitState NOTIFY itemSplitChanged)
    /// When "ready": [{person, amountText}] for persons 1..ways, as the edge answered;
    /// amountText is empty for someone who had nothing.
    Q_PROPERTY(QVariantList itemShares READ itemShares NOTIFY itemSplitChanged)
public:
    BillController(client::EdgeApi &api, const client::MenuModel &menu, QObject *parent = nullptr);
    ~BillController() override;

    /// The screen opened: read the bill now and keep it current.
    Q_INVOKABLE void open();
    /// The screen closed: events no longer ask the edge.
    Q_INVOKABLE void close();
    Q_INVOKABLE void refresh();
    /// Back online after events may have been missed: read it again if it is on screen.
    void refreshIfOpen();
    /// The stream delivered an event; the bill's ones update what is shown.
    void onEvent(const QString &type, const QJsonObject &data);
    /// The visit ended (paid, closed, moved away): nothing to show.
    void clear();

    [[nodiscard]] BillModel *bill() const { return m_bill.get(); }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] int ways() const { return m_ways; }
    void setWays(int ways);
    [[nodiscard]] bool byItems() const { return m_byItems; }
    void setByItems(bool byItems);
    [[nodiscard]] QVariantMap assignments() const;
    [[nodiscard]] int unassignedCount() const;
    [[nodiscard]] QString itemSplitState() const { return m_itemState; }
    [[nodiscard]] QVariantList itemShares() const;
    /// Gives the line to person 1..ways (0: to no one yet).
    Q_INVOKABLE void assign(qint64 lineId, int person);

signals:
    void stateChanged();
    void waysChanged();
    void byItemsChanged();
    void itemSplitChanged();

private:
    [[nodiscard]] bool evenSplit() const { return m_ways > 1 && !m_byItems; }
    [[nodiscard]] QList<qint64> standingLines() const;
    /// Drops what no longer fits the bill or the number of people, then asks the edge for
    /// the split once every line is someone's.
    void updateItemSplit();

    client::EdgeApi &m_api;
    std::unique_ptr<BillModel> m_bill;
    bool m_open = false;
    bool m_loading = false;
    bool m_failed = false;
    int m_ways = 0;
    quint64 m_generation = 0;
    bool m_byItems = false;
    QHash<qint64, int> m_assigned;
    QString m_itemState;
    /// person -> the edge's amount, for the assignment last asked about.
    QHash<int, qint64> m_itemAmounts;
    quint64 m_itemGeneration = 0;
};

} // namespace tableorder::tablet
