#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::kitchen {

/// The manager's 프린터 page and the board's printer fault banner (issue 14): the store's
/// kitchen printers with their live status (GET /printers, then `printer.status` events),
/// adding, editing, removing and test-printing them, and each station's mode.
class PrinterController : public QObject
{
    Q_OBJECT
    /// [{id, name, host, port, paperMm, encoding, stations (text "kitchen, bar"), status,
    ///   statusText, advice, fault, queued}]
    Q_PROPERTY(QVariantList printers READ printers NOTIFY printersChanged)
    /// [{station, mode, fallbackSeconds}]
    Q_PROPERTY(QVariantList stations READ stations NOTIFY stationsChanged)
    /// The printers in fault, one line each: "주방 프린터: 용지 없음 — 용지를 넣어 주세요".
    Q_PROPERTY(QStringList faults READ faults NOTIFY printersChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// The last refusal or confirmation, for a line under the form.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    explicit PrinterController(client::EdgeApi &api, QObject *parent = nullptr);

    void setLanguage(const QString &language);
    /// A staff stream event: printer.status updates a printer, printer.fallback tells.
    void onEvent(const QString &type, const QJsonObject &data);

    Q_INVOKABLE void refresh();
    /// id 0 adds a printer. `stations`: names separated by commas or spaces.
    Q_INVOKABLE void save(qint64 id, const QString &name, const QString &host, int port, int paperMm,
                          const QString &encoding, const QString &stations);
    Q_INVOKABLE void remove(qint64 id);
    Q_INVOKABLE void testPrint(qint64 id);
    Q_INVOKABLE void setMode(const QString &station, const QString &mode, int fallbackSeconds);
    /// 재출력 of an order's tickets (every station).
    Q_INVOKABLE void reprint(qint64 orderId);

    [[nodiscard]] QVariantList printers() const;
    [[nodiscard]] QVariantList stations() const;
    [[nodiscard]] QStringList faults() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString notice() const { return m_notice; }
    [[nodiscard]] QString statusText(const QString &status) const;

signals:
    void printersChanged();
    void stationsChanged();
    void busyChanged();
    void noticeChanged();
    /// For the app's message line (a fallback print, a refusal).
    void message(const QString &text);

private:
    [[nodiscard]] QString adviceText(const QString &status) const;
    [[nodiscard]] QString refusal(const client::ApiReply &reply) const;
    void setBusy(bool busy);
    void setNotice(const QString &text);
    [[nodiscard]] bool ko() const { return m_language != QStringLiteral("en"); }

    client::EdgeApi &m_api;
    QString m_language = QStringLiteral("ko");
    QJsonArray m_printers;
    QJsonArray m_stations;
    bool m_busy = false;
    QString m_notice;
};

} // namespace tableorder::kitchen
