#include "certificatepins.h"

#include <QCryptographicHash>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPins, "tableorder.client.tls")

namespace tableorder::client {

namespace {

QMutex pinsMutex;
QHash<QString, QString> &pins()
{
    static QHash<QString, QString> table;
    return table;
}

QString originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == u"https"_s || scheme == u"wss"_s;
    return url.host().toLower() + u':' + QString::number(url.port(secure ? 443 : 80));
}

bool isSecure(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == u"https"_s || scheme == u"wss"_s;
}

/// Accepts the certificate errors of a connection only for the pinned certificate.
bool pinnedCertificate(const QUrl &url, const QSslCertificate &certificate)
{
    const QString pin = CertificatePins::pinFor(url);
    return !pin.isEmpty() && !certificate.isNull() && CertificatePins::fingerprint(certificate) == pin;
}

} // namespace

QString CertificatePins::normalize(const QString &text)
{
    QString hex = text.trimmed().toLower();
    hex.remove(QRegularExpression(u"[\\s:\\-]"_s));
    static const QRegularExpression sha256(u"^[0-9a-f]{64}$"_s);
    return sha256.match(hex).hasMatch() ? hex : QString();
}

QString CertificatePins::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

void CertificatePins::pin(const QUrl &url, const QString &fingerprint)
{
    const QString normalized = normalize(fingerprint);
    QMutexLocker lock(&pinsMutex);
    if (normalized.isEmpty())
        pins().remove(originOf(url));
    else
        pins().insert(originOf(url), normalized);
}

QString CertificatePins::pinFor(const QUrl &url)
{
    QMutexLocker lock(&pinsMutex);
    return pins().value(originOf(url));
}

QSslConfiguration CertificatePins::pinnedConfiguration()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Setting the list (even empty) also turns off loading the system's roots on demand.
    configuration.setCaCertificates({});
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QString CertificatePins::mismatchMessage(const QUrl &url, const QSslCertificate &certificate)
{
    const QString pin = pinFor(url);
    if (pin.isEmpty())
        return u"The edge at %1 uses TLS but this screen has no certificate fingerprint for it: "
               "set it up again with the fingerprint the manager screen shows."_s.arg(originOf(url));
    return u"The edge at %1 presented a certificate (SHA-256 %2…) that is not the paired one (%3…): "
           "connection refused. If the edge's certificate was renewed, set this screen up again."_s
            .arg(originOf(url), fingerprint(certificate).left(16), pin.left(16));
}

void CertificatePins::enforce(QWebSocket *socket, const QUrl &url, std::function<void()> refused)
{
    if (!isSecure(url))
        return;
    socket->setSslConfiguration(pinnedConfiguration());
    // Direct: ignoreSslErrors() only counts when called from the slot itself.
    QObject::connect(socket, &QWebSocket::sslErrors, socket, [socket, url, refused](const QList<QSslError> &) {
        const QSslCertificate peer = socket->sslConfiguration().peerCertificate();
        if (pinnedCertificate(url, peer)) {
            socket->ignoreSslErrors();
            return;
        }
        qCWarning(lcPins).noquote() << mismatchMessage(url, peer);
        if (refused)
            refused();
    }, Qt::DirectConnection);
}

PinnedNetworkAccessManager::PinnedNetworkAccessManager(QObject *parent) : QNetworkAccessManager(parent)
{
    connect(this, &QNetworkAccessManager::sslErrors, this, [](QNetworkReply *reply, const QList<QSslError> &) {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (pinnedCertificate(reply->url(), peer)) {
            reply->ignoreSslErrors();
            return;
        }
        const QString message = CertificatePins::mismatchMessage(reply->url(), peer);
        reply->setProperty("pinError", message);
        qCWarning(lcPins).noquote() << message;
    }, Qt::DirectConnection);
}

QNetworkReply *PinnedNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                         QIODevice *outgoingData)
{
    if (!isSecure(request.url()))
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    QNetworkRequest pinned = request;
    pinned.setSslConfiguration(CertificatePins::pinnedConfiguration());
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, pinned, outgoingData);
    // The handshake is done: whatever the errors said, only the pinned certificate goes on.
    connect(reply, &QNetworkReply::encrypted, reply, [reply] {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!pinnedCertificate(reply->url(), peer)) {
            reply->setProperty("pinError", CertificatePins::mismatchMessage(reply->url(), peer));
            reply->abort();
        }
    }, Qt::DirectConnection);
    return reply;
}

} // namespace tableorder::client
