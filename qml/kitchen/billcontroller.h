#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace tableorder::client {
class EdgeApi;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::kitchen {

/// One table's bill on the floor screen (GET /tables/{id}/bill): its lines with where each
/// came from, voids, discounts, payments and what is still due; taking a payment, voids and
/// discounts (manager), moving or merging the visit, and closing the table.
///
/// A payment is one attempt from beginPayment() on: every tap of "pay" in it sends the same
/// client_payment_id, so a double tap or a retry after a lost answer is recorded once. An
/// attempt whose answer never came stays locked to its method and amount until it is sent
/// again or given up (giving up reloads the bill, which shows whether it went through).
class BillController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(qint64 tableId READ tableId NOTIFY billChanged)
    Q_PROPERTY(int tableNumber READ tableNumber NOTIFY billChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY billChanged)
    Q_PROPERTY(bool hasVisit READ hasVisit NOTIFY billChanged)
    Q_PROPERTY(QVariantList lines READ lines NOTIFY billChanged)
    Q_PROPERTY(QVariantList discounts READ discounts NOTIFY billChanged)
    Q_PROPERTY(QVariantList payments READ payments NOTIFY billChanged)
    Q_PROPERTY(qint64 subtotal READ subtotal NOTIFY billChanged)
    Q_PROPERTY(qint64 discountTotal READ discountTotal NOTIFY billChanged)
    Q_PROPERTY(qint64 total READ total NOTIFY billChanged)
    Q_PROPERTY(qint64 paid READ paid NOTIFY billChanged)
    Q_PROPERTY(qint64 due READ due NOTIFY billChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// A payment sent whose answer never came: Pay sends it again with the same id.
    Q_PROPERTY(bool paymentUncertain READ paymentUncertain NOTIFY paymentChanged)
    /// This attempt's payment was recorded: a new one needs beginPayment().
    Q_PROPERTY(bool paymentRecorded READ paymentRecorded NOTIFY paymentChanged)
    Q_PROPERTY(QString paymentMethod READ paymentMethod NOTIFY paymentChanged)
    Q_PROPERTY(qint64 paymentAmount READ paymentAmount NOTIFY paymentChanged)
    Q_PROPERTY(QString paymentId READ paymentId NOTIFY paymentChanged)
    /// The edge refused to close the table (VISIT_UNSETTLED): {due, cookingOrders, message}.
    Q_PROPERTY(QVariantMap unsettled READ unsettled NOTIFY unsettledChanged)
public:
    explicit BillController(client::EdgeApi &api, QObject *parent = nullptr);

    void setLanguage(const QString &language);

    /// Shows this table's bill (0: none) and loads it.
    Q_INVOKABLE void open(qint64 tableId);
    Q_INVOKABLE void refresh();
    /// A stream event: reloads the bill when it may have changed it.
    void onEvent(const QString &type, const QJsonObject &data);

    Q_INVOKABLE void beginPayment();
    Q_INVOKABLE void pay(const QString &method, qint64 amount);
    /// Forgets an uncertain attempt; the bill is reloaded to show whether it was recorded.
    Q_INVOKABLE void abandonPayment();

    // Manager
    Q_INVOKABLE void voidLine(qint64 orderId, qint64 lineId, const QString &reason);
    Q_INVOKABLE void voidOrder(qint64 orderId, const QString &reason);
    Q_INVOKABLE void addDiscount(const QString &kind, qint64 value, const QString &reason);

    Q_INVOKABLE void moveTo(qint64 toTableId);
    Q_INVOKABLE void mergeFrom(qint64 fromTableId);
    /// Closes the visit; refused while unsettled unless a manager forces it with a reason.
    Q_INVOKABLE void closeVisit(bool force, const QString &reason);
    Q_INVOKABLE void clearError();
    Q_INVOKABLE QString won(qint64 amount) const;
    Q_INVOKABLE QString methodText(const QString &method) const;

    [[nodiscard]] qint64 tableId() const { return m_tableId; }
    [[nodiscard]] int tableNumber() const { return m_bill.value(QStringLiteral("table_number")).toInt(); }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool hasVisit() const;
    [[nodiscard]] QVariantList lines() const;
    [[nodiscard]] QVariantList discounts() const;
    [[nodiscard]] QVariantList payments() const;
    [[nodiscard]] qint64 subtotal() const { return figure("subtotal"); }
    [[nodiscard]] qint64 discountTotal() const { return figure("discount_total"); }
    [[nodiscard]] qint64 total() const { return figure("total"); }
    [[nodiscard]] qint64 paid() const { return figure("paid"); }
    [[nodiscard]] qint64 due() const { return figure("due"); }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool paymentUncertain() const { return m_attempt && m_attempt->uncertain; }
    [[nodiscard]] bool paymentRecorded() const { return m_attempt && m_attempt->recorded; }
    [[nodiscard]] QString paymentMethod() const { return m_attempt ? m_attempt->method : QString(); }
    [[nodiscard]] qint64 paymentAmount() const { return m_attempt ? m_attempt->amount : 0; }
    [[nodiscard]] QString paymentId() const { return m_attempt ? m_attempt->id : QString(); }
    [[nodiscard]] QVariantMap unsettled() const { return m_unsettled; }

signals:
    void billChanged();
    void busyChanged();
    void errorChanged();
    void paymentChanged();
    void unsettledChanged();
    /// Something the edge did: a notice for the toast ("table 4 moved to 9").
    void notice(const QString &text);
    /// Tables changed (a visit moved, merged, closed): the floor reloads its list.
    void tablesChanged();
    /// The visit was closed (paid in full, or closed by the button).
    void visitClosed(int tableNumber);

private:
    struct Attempt
    {
        QString id;
        QString method;
        qint64 amount = 0;
        bool uncertain = false;
        bool recorded = false;
    };

    [[nodiscard]] qint64 figure(const char *key) const;
    void setBusy(bool busy);
    void setError(const QString &error);
    /// A refusal or no answer as the person who tapped should read it.
    [[nodiscard]] QString describe(const client::ApiReply &reply) const;
    void run(const QByteArray &method, const QString &path, const QJsonObject &body,
             std::function<void(const client::ApiReply &)> onOk);

    client::EdgeApi &m_api;
    QString m_language = QStringLiteral("ko");
    qint64 m_tableId = 0;
    QJsonObject m_bill;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_paying = false;
    QString m_error;
    std::optional<Attempt> m_attempt;
    QVariantMap m_unsettled;
    QTimer m_reload;
    quint64 m_generation = 0; // drops answers for a table no longer shown
};

} // namespace tableorder::kitchen
