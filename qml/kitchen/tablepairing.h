#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace tableorder::client {
class EdgeApi;
class TableListModel;
}

namespace tableorder::kitchen {

/// The manager's "pair a tablet" screen: asks the edge for a table's single-use pairing code
/// and turns it into the pairing link its QR shows (edge address as tablets reach it,
/// certificate fingerprint, table, code), with the seconds it has left. One table at a time;
/// a new request replaces the shown code (and the edge forgets the table's previous one).
class TablePairing : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(qint64 tableId READ tableId NOTIFY changed)
    Q_PROPERTY(int tableNumber READ tableNumber NOTIFY changed)
    /// tableorder://pair?edge=...&fp=...&table=N&code=...; empty until a code came.
    Q_PROPERTY(QString link READ link NOTIFY changed)
    /// The code as the edge shows it (XXXX-XXXX-XXXX), for typing when all else fails.
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString edgeUrl READ edgeUrl NOTIFY changed)
    /// "AB:CD:…" (four lines of 8 pairs) for https edges; empty for plain http.
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY changed)
    /// Why tablets may not reach the address in the link (empty when fine).
    Q_PROPERTY(QString warning READ warning NOTIFY changed)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY tick)
    Q_PROPERTY(bool expired READ expired NOTIFY tick)
public:
    TablePairing(client::EdgeApi &api, const client::TableListModel &tables, QObject *parent = nullptr);

    /// A new code for the table; replaces what is shown.
    Q_INVOKABLE void request(qint64 tableId);
    /// A code for the table with the next number (setting up tablets one after another);
    /// false when this was the last table.
    Q_INVOKABLE bool next();
    /// Forgets the shown code (the dialog closed) and voids it on the edge if unused.
    Q_INVOKABLE void clear();

    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] qint64 tableId() const { return m_tableId; }
    [[nodiscard]] int tableNumber() const { return m_tableNumber; }
    [[nodiscard]] QString link() const { return m_link; }
    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] QString edgeUrl() const { return m_edgeUrl; }
    [[nodiscard]] QString fingerprint() const { return m_fingerprint; }
    [[nodiscard]] QString warning() const { return m_warning; }
    [[nodiscard]] int secondsLeft() const;
    [[nodiscard]] bool expired() const { return !m_link.isEmpty() && secondsLeft() == 0; }

signals:
    void changed();
    void tick();

private:
    client::EdgeApi &m_api;
    const client::TableListModel &m_tables;
    bool m_busy = false;
    QString m_error;
    qint64 m_tableId = 0;
    int m_tableNumber = 0;
    QString m_link;
    QString m_code;
    QString m_edgeUrl;
    QString m_fingerprint;
    QString m_warning;
    qint64 m_expiresAtMs = 0; // local clock, from the edge's expires_in
    quint64 m_request = 0;
    QTimer m_ticker;
};

} // namespace tableorder::kitchen
