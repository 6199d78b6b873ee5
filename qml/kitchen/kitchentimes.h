#pragma once

#include <QJsonObject>
#include <QObject>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
} // namespace tableorder::client

namespace tableorder::kitchen {

/// The manager's 주방 시간 page: today's kitchen times per dish and station, or by hour
/// (GET /api/v1/kitchen/times), the slowest first, ages as "12분 30초".
class KitchenTimes : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool byHour READ byHour WRITE setByHour NOTIFY reportChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY reportChanged)
    /// [{name, station, hourText, count, p50Text, p90Text}] as the edge orders them.
    Q_PROPERTY(QVariantList items READ items NOTIFY reportChanged)
    /// [{station, hourText, count, p50Text, p90Text}]
    Q_PROPERTY(QVariantList stations READ stations NOTIFY reportChanged)
    Q_PROPERTY(QString error READ error NOTIFY reportChanged)
public:
    explicit KitchenTimes(client::EdgeApi &api, QObject *parent = nullptr);

    Q_INVOKABLE void load();
    [[nodiscard]] bool byHour() const { return m_byHour; }
    void setByHour(bool byHour);
    [[nodiscard]] bool loaded() const { return !m_report.isEmpty(); }
    [[nodiscard]] QVariantList items() const { return rows(u"items"); }
    [[nodiscard]] QVariantList stations() const { return rows(u"stations"); }
    [[nodiscard]] QString error() const { return m_error; }

    /// "45초", "12분", "12분 30초" (seconds rounded).
    [[nodiscard]] static QString durationText(double seconds);

signals:
    void reportChanged();

private:
    [[nodiscard]] QVariantList rows(QStringView key) const;

    client::EdgeApi &m_api;
    bool m_byHour = false;
    QJsonObject m_report;
    QString m_error;
    quint64 m_generation = 0;
};

} // namespace tableorder::kitchen
