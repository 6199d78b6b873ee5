#pragma once

#include <QJsonObject>
#include <QObject>

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
/// closed), and asks the edge for an even split (`?split=even&ways=N`): the shares are the
/// edge's, never recomputed here.
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

signals:
    void stateChanged();
    void waysChanged();

private:
    client::EdgeApi &m_api;
    std::unique_ptr<BillModel> m_bill;
    bool m_open = false;
    bool m_loading = false;
    bool m_failed = false;
    int m_ways = 0;
    quint64 m_generation = 0;
};

} // namespace tableorder::tablet
