#include "tlsidentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace tableorder::http {

namespace {

template<auto Free>
struct Deleter
{
    template<typename T>
    void operator()(T *p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509_free>>;
using Ext = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free>>;
using Big = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

std::unexpected<Error> opensslFailure(const char *step)
{
    return fail(ErrorCode::Internal, u"cannot create the TLS certificate (%1)"_s.arg(QLatin1StringView(step)));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

bool safeDnsName(const QString &name)
{
    // subjectAltName is written as OpenSSL's config text: keep to host name characters.
    if (name.isEmpty() || name.size() > 253)
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.')
            return false;
    }
    return true;
}

/// Whether the PEM private key is the one the PEM certificate's public key belongs to.
bool keyMatches(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    Bio certBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    Bio keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!certBio || !keyBio)
        return false;
    Cert cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    // An empty passphrase callback: an encrypted key fails instead of prompting on a tty.
    PKey key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr));
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

} // namespace

Result<std::pair<QByteArray, QByteArray>> generateSelfSigned(const CertificateSubject &subject)
{
    PKey key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslFailure("key");
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return opensslFailure("certificate");

    // A random positive 127-bit serial (RFC 5280: unique per issuer, at most 20 octets).
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return opensslFailure("serial");
    serialBytes[0] &= 0x7f;
    Big serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return opensslFailure("serial");

    // Valid from an hour ago: a tablet whose clock runs a little behind still accepts it.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), subject.validDays, 0, nullptr))
        return opensslFailure("validity");
    if (X509_set_pubkey(cert.get(), key.get()) != 1)
        return opensslFailure("public key");

    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = subject.commonName.left(64).toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("tableorder"), -1, -1, 0) != 1
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0) != 1
        || X509_set_issuer_name(cert.get(), name) != 1)
        return opensslFailure("name");

    QStringList altNames;
    for (const QString &dns : subject.dnsNames) {
        if (safeDnsName(dns) && !altNames.contains(u"DNS:"_s + dns))
            altNames << u"DNS:"_s + dns;
    }
    for (const QHostAddress &address : subject.addresses) {
        QHostAddress plain = address;
        plain.setScopeId({});
        const QString entry = u"IP:"_s + plain.toString();
        if (!address.isNull() && !altNames.contains(entry))
            altNames << entry;
    }
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash")
        || (!altNames.isEmpty() && !addExtension(cert.get(), NID_subject_alt_name, altNames.join(u',').toLatin1())))
        return opensslFailure("extensions");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return opensslFailure("signature");

    Bio certPem(BIO_new(BIO_s_mem()));
    Bio keyPem(BIO_new(BIO_s_mem()));
    if (!certPem || !keyPem || PEM_write_bio_X509(certPem.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return opensslFailure("PEM");
    return std::pair{bioBytes(certPem.get()), bioBytes(keyPem.get())};
}

Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &certificatePath, const QString &keyPath,
                                            const CertificateSubject &subject)
{
    const bool haveCert = QFileInfo::exists(certificatePath);
    const bool haveKey = QFileInfo::exists(keyPath);
    TlsIdentity identity;
    if (!haveCert && !haveKey) {
        auto pem = generateSelfSigned(subject);
        if (!pem)
            return fail(pem.error());
        // The key first, never readable by others, not even for a moment (QSaveFile writes a
        // temporary file, applies the mode, then renames).
        QSaveFile keyFile(keyPath);
        if (!keyFile.open(QIODevice::WriteOnly)
            || !keyFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
            || keyFile.write(pem->second) != pem->second.size() || !keyFile.commit())
            return fail(ErrorCode::Unavailable, u"cannot write the TLS key %1: %2"_s.arg(keyPath, keyFile.errorString()));
        QSaveFile certFile(certificatePath);
        if (!certFile.open(QIODevice::WriteOnly) || certFile.write(pem->first) != pem->first.size()
            || !certFile.commit())
            return fail(ErrorCode::Unavailable,
                        u"cannot write the TLS certificate %1: %2"_s.arg(certificatePath, certFile.errorString()));
        identity.generated = true;
    } else if (haveCert != haveKey) {
        return fail(Error::validation(u"tls"_s, u"found %1 but not %2: give both or neither (neither: one is generated)"_s
                                                        .arg(haveCert ? certificatePath : keyPath,
                                                             haveCert ? keyPath : certificatePath)));
    }

    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable, u"cannot read %1: %2"_s.arg(certificatePath, certFile.errorString()));
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable, u"cannot read %1: %2"_s.arg(keyPath, keyFile.errorString()));
    const QByteArray certPem = certFile.readAll();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty())
        return fail(Error::validation(u"tls"_s, u"%1 holds no PEM certificate"_s.arg(certificatePath)));
    identity.certificate = chain.first();
    const QByteArray keyPem = keyFile.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        identity.key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!identity.key.isNull())
            break;
    }
    if (identity.key.isNull())
        return fail(Error::validation(u"tls"_s, u"%1 holds no unencrypted PEM EC or RSA private key"_s.arg(keyPath)));
    if (!keyMatches(certPem, keyPem))
        return fail(Error::validation(u"tls"_s, u"%1 is not the key of %2"_s.arg(keyPath, certificatePath)));
    return identity;
}

QString certificateFingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

QString displayFingerprint(const QString &fingerprint)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < fingerprint.size(); i += 2)
        pairs << fingerprint.mid(i, 2).toUpper();
    return pairs.join(u':');
}

} // namespace tableorder::http
