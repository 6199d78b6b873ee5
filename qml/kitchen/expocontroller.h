#pragma once

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
}

namespace tableorder::kitchen {

/// The expo (pass) screen: every open order with each station's progress (lines done / lines
/// of that station). An order whose every line is done is `completed` on the edge, shown as
/// ready ("준비 완료"); a runner marks it `served` (PATCH status) and it leaves the expo.
/// Loaded from GET /orders when shown and kept current by the stream's order events.
class ExpoController : public QObject
{
    Q_OBJECT
    /// Ready orders first (longest waiting first), then the others in arrival order:
    /// [{id, number, tableNumber, status, ready, createdMs, readyMs, note,
    ///   stations: [{name, done, total}], lines: [{name, quantity, station, done}]}].
    Q_PROPERTY(QVariantList orders READ orders NOTIFY ordersChanged)
    Q_PROPERTY(int readyCount READ readyCount NOTIFY ordersChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY ordersChanged)
public:
    explicit ExpoController(client::EdgeApi &api, QObject *parent = nullptr);
    ~ExpoController() override;

    /// Reloads every open order from the edge.
    Q_INVOKABLE void refresh();
    /// A runner took it to the table: PATCH /orders/{id} {"status":"served"}.
    Q_INVOKABLE void markServed(qint64 orderId);

    void onEvent(const QString &type, const QJsonObject &data);
    void clear();

    [[nodiscard]] QVariantList orders() const { return m_list; }
    [[nodiscard]] int readyCount() const { return m_readyCount; }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    /// How long a ready order nobody marked served stays on the expo (older ones are from
    /// before `served` existed, or forgotten).
    static constexpr qint64 readyKeptMs = 3 * 3600 * 1000;

signals:
    void ordersChanged();
    void notice(const QString &text);

private:
    void upsert(const QJsonObject &order);
    void refetch(qint64 orderId);
    void rebuild();

    client::EdgeApi &m_api;
    QMap<qint64, QJsonObject> m_orders;
    QVariantList m_list;
    int m_readyCount = 0;
    bool m_loaded = false;
    QTimer m_rebuild;
};

} // namespace tableorder::kitchen
