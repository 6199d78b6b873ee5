#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace tableorder::client {

/// What a screen remembers across restarts: the edge address and certificate pin, its token (reused until the
/// edge refuses it), the table number or staff user, the language and the stations a kitchen
/// display shows, and an order that was sent but not yet answered.
class ClientSettings : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl edgeUrl READ edgeUrl WRITE setEdgeUrl NOTIFY changed)
    Q_PROPERTY(QString edgeFingerprint READ edgeFingerprint WRITE setEdgeFingerprint NOTIFY changed)
    Q_PROPERTY(QString token READ token NOTIFY changed)
    Q_PROPERTY(int tableNumber READ tableNumber WRITE setTableNumber NOTIFY changed)
    Q_PROPERTY(QString username READ username WRITE setUsername NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(QStringList stations READ stations WRITE setStations NOTIFY changed)
public:
    /// `filePath` empty: the platform's settings for the application; otherwise an INI file
    /// (tests and several screens on one machine).
    explicit ClientSettings(const QString &filePath = {}, QObject *parent = nullptr);

    [[nodiscard]] QUrl edgeUrl() const;
    void setEdgeUrl(const QUrl &url);
    /// The SHA-256 fingerprint of the edge's TLS certificate, pinned at setup (64 hex digits;
    /// empty for a plain-HTTP edge).
    [[nodiscard]] QString edgeFingerprint() const;
    void setEdgeFingerprint(const QString &fingerprint);
    [[nodiscard]] QString token() const;
    [[nodiscard]] QString role() const;
    void setToken(const QString &token, const QString &role);
    void clearToken();
    [[nodiscard]] int tableNumber() const;
    void setTableNumber(int number);
    [[nodiscard]] QString username() const;
    void setUsername(const QString &name);
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] QStringList stations() const;
    void setStations(const QStringList &stations);

    /// The order in flight: its client_order_id and request body, kept until the edge gives
    /// a definitive answer so that a restart resends the same order, never a new one.
    [[nodiscard]] QJsonObject pendingOrder() const;
    void setPendingOrder(const QJsonObject &body);
    void clearPendingOrder();

    void sync();

signals:
    void changed();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tableorder::client
