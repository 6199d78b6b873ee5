#pragma once

#include "../error.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace tableorder::http {

/// What a self-signed server certificate names: its subject CN and the DNS names and
/// addresses it is valid for (subjectAltName).
struct CertificateSubject
{
    QString commonName;
    QStringList dnsNames;
    QList<QHostAddress> addresses;
    int validDays = 3650;
};

/// A server's TLS certificate and private key (a store's edge on the LAN).
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
    /// True when this start generated it (first start, or the files were removed).
    bool generated = false;
};

/// A new ECDSA P-256 key and a self-signed X.509 v3 certificate for it (SHA-256 signature,
/// serverAuth, not a CA), as PEM: {certificate, private key}.
[[nodiscard]] Result<std::pair<QByteArray, QByteArray>> generateSelfSigned(const CertificateSubject &subject);

/// Reads the certificate and key from these PEM files. When both are missing, generates a
/// pair and writes it (key file mode 0600, written atomically); when only one of them is
/// there, or they do not belong together, fails rather than replace an operator's file.
[[nodiscard]] Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &certificatePath,
                                                          const QString &keyPath,
                                                          const CertificateSubject &subject);

/// The certificate's SHA-256 fingerprint as a client pins it: 64 lower-case hex digits.
[[nodiscard]] QString certificateFingerprint(const QSslCertificate &certificate);
/// The same, grouped for people: "AB:CD:...".
[[nodiscard]] QString displayFingerprint(const QString &fingerprint);

} // namespace tableorder::http
