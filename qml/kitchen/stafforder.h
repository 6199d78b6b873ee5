#pragma once

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
class MenuModel;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::kitchen {

/// Floor staff and managers order for a table (POST /api/v1/tables/{id}/orders): a guest
/// without the tablet, a dish added at the table. Items come from the app's menu model;
/// items with a required option group are listed but cannot be picked here (the tablet
/// chooses their options); optional groups are left unchosen.
///
/// One attempt from begin() on keeps its client_order_id: a double tap or a retry after a
/// lost answer places the order once. A refusal (sold out, hours, validation) makes the next
/// send a new attempt.
class StaffOrder : public QObject
{
    Q_OBJECT
    Q_PROPERTY(qint64 tableId READ tableId NOTIFY changed)
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString totalText READ totalText NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool uncertain READ uncertain NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString orderId READ orderId NOTIFY changed)
public:
    StaffOrder(client::EdgeApi &api, client::MenuModel &menu, QObject *parent = nullptr);

    /// A new, empty order for this table.
    Q_INVOKABLE void begin(qint64 tableId);
    /// Changes an item's quantity by `delta` (never below 0; not for items needing options).
    Q_INVOKABLE void add(qint64 itemId, int delta);
    Q_INVOKABLE void send();

    [[nodiscard]] qint64 tableId() const { return m_tableId; }
    [[nodiscard]] QVariantList items() const;
    [[nodiscard]] int count() const;
    [[nodiscard]] QString totalText() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] bool uncertain() const { return m_uncertain; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString orderId() const { return m_orderId; }

signals:
    void changed();
    /// The edge placed the order (201, or 200 for a repeat).
    void placed(int tableNumber, int orderNumber);

private:
    [[nodiscard]] QString describe(const client::ApiReply &reply) const;
    [[nodiscard]] QString itemNames(const QJsonArray &ids) const;

    client::EdgeApi &m_api;
    client::MenuModel &m_menu;
    qint64 m_tableId = 0;
    QString m_orderId;
    QList<qint64> m_order; // items in the order they were first added
    QHash<qint64, int> m_quantities;
    bool m_busy = false;
    bool m_uncertain = false;
    QString m_error;
    quint64 m_generation = 0;
};

} // namespace tableorder::kitchen
