#pragma once

#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>

class QWebSocket;

namespace tableorder::client {

/// The edge certificates this app was paired with: a SHA-256 fingerprint per origin
/// (https://host:port). The edge's certificate is self-signed, so no CA can vouch for it;
/// a connection to a pinned origin trusts no CA at all and accepts the certificate only when
/// its fingerprint is the pinned one. Process-wide and thread-safe: QML loads pictures on
/// its own threads.
class CertificatePins
{
public:
    /// "AB:CD:..", "ab cd ..", "abcd..." -> 64 lower-case hex digits; empty when the text is
    /// not a SHA-256 fingerprint.
    [[nodiscard]] static QString normalize(const QString &text);
    [[nodiscard]] static QString fingerprint(const QSslCertificate &certificate);

    /// Pins `fingerprint` (normalized) for the origin of `url`; an empty one removes the pin.
    static void pin(const QUrl &url, const QString &fingerprint);
    /// The pin for the origin of `url`, or empty.
    [[nodiscard]] static QString pinFor(const QUrl &url);

    /// TLS settings for connections to a pinned origin: no CA is trusted, so every
    /// certificate comes to the sslErrors handler, where only the pin can accept it.
    [[nodiscard]] static QSslConfiguration pinnedConfiguration();
    /// Makes `socket` (before open()) accept the pinned certificate of `url`'s origin and
    /// nothing else; `refused` runs when it refuses one.
    static void enforce(QWebSocket *socket, const QUrl &url, std::function<void()> refused = {});
    /// Why a connection to `url` was refused: empty unless the certificate did not match.
    [[nodiscard]] static QString mismatchMessage(const QUrl &url, const QSslCertificate &certificate);
};

/// A QNetworkAccessManager that applies CertificatePins to every https request: a
/// certificate whose fingerprint is not the origin's pin is refused (the reply fails with a
/// clear message in its "pinError" property), and so is an https origin with no pin.
class PinnedNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit PinnedNetworkAccessManager(QObject *parent = nullptr);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData = nullptr) override;
};

} // namespace tableorder::client
