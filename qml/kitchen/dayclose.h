#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimeZone>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::kitchen {

/// The manager's close of the business day: the day's running figures
/// (GET /business-days/{date}/report), the close (refused with DAY_UNSETTLED and the visits
/// still owing unless forced with a reason) and the Z report it answers with.
class DayClose : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString date READ date NOTIFY dateChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY dateChanged)
    Q_PROPERTY(bool canGoForward READ canGoForward NOTIFY dateChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY reportChanged)
    Q_PROPERTY(bool closed READ closed NOTIFY reportChanged)
    /// {orders, gross, voids, discounts, net, paid, due, calls, visits} as text, plus
    /// closedAtText, closedBy, forcedReason.
    Q_PROPERTY(QVariantMap figures READ figures NOTIFY reportChanged)
    /// [{method, label, amountText}] for every method.
    Q_PROPERTY(QVariantList methods READ methods NOTIFY reportChanged)
    /// [{name, quantity, amountText}] most sold first.
    Q_PROPERTY(QVariantList items READ items NOTIFY reportChanged)
    /// [{tableNumber, totalText, dueText}]: the report's open visits, or the close's refusal's.
    Q_PROPERTY(QVariantList openVisits READ openVisits NOTIFY reportChanged)
    /// The last close was refused with DAY_UNSETTLED.
    Q_PROPERTY(bool refused READ refused NOTIFY reportChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY reportChanged)
public:
    explicit DayClose(client::EdgeApi &api, QObject *parent = nullptr);

    void setLanguage(const QString &language);
    /// The store's time zone (the menu's time_zone): "today" is its business day.
    void setTimeZone(const QTimeZone &zone);
    /// The business day now: the store's local date, shifted back by the cutoff hour (4).
    [[nodiscard]] QDate today() const;

    Q_INVOKABLE void setDate(const QString &isoDate);
    Q_INVOKABLE void shiftDays(int days);
    Q_INVOKABLE void showToday();
    Q_INVOKABLE void load();
    Q_INVOKABLE void close(bool force, const QString &reason);

    [[nodiscard]] QString date() const { return m_date.toString(Qt::ISODate); }
    [[nodiscard]] QString dateText() const;
    [[nodiscard]] bool canGoForward() const { return m_date < today(); }
    [[nodiscard]] bool loaded() const { return !m_report.isEmpty(); }
    [[nodiscard]] bool closed() const { return m_report.value(QStringLiteral("closed")).toBool(); }
    [[nodiscard]] QJsonObject report() const { return m_report; }
    [[nodiscard]] QVariantMap figures() const;
    [[nodiscard]] QVariantList methods() const;
    [[nodiscard]] QVariantList items() const;
    [[nodiscard]] QVariantList openVisits() const;
    [[nodiscard]] bool refused() const { return m_refused; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void dateChanged();
    void reportChanged();
    void busyChanged();
    void dayClosed(const QString &date);

private:
    [[nodiscard]] QString won(qint64 amount) const;
    void setBusy(bool busy);

    client::EdgeApi &m_api;
    QString m_language = QStringLiteral("ko");
    QTimeZone m_zone{QByteArrayLiteral("Asia/Seoul")};
    QDate m_date;
    QJsonObject m_report;
    QJsonArray m_refusedVisits;
    bool m_refused = false;
    bool m_busy = false;
    QString m_error;
    quint64 m_generation = 0;
};

} // namespace tableorder::kitchen
