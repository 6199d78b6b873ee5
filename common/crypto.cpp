#include "crypto.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace tableorder::crypto {

namespace {
constexpr unsigned long long passwordOps = 2;
constexpr size_t passwordMemory = 19 * 1024 * 1024;
} // namespace

void initialize()
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialize");
}

QString hashPassword(const QString &password)
{
    initialize();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), passwordOps,
                              passwordMemory, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        qFatal("argon2id hashing ran out of memory");
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    initialize();
    const QByteArray encoded = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(encoded.constData(), utf8.constData(), quint64(utf8.size()))
            == 0;
}

void burnVerification(const QString &password)
{
    static const QString dummy = hashPassword(u"timing-equaliser"_s);
    (void)verifyPassword(dummy, password);
}

QByteArray randomBytes(qsizetype size)
{
    initialize();
    QByteArray bytes(size, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(size));
    return bytes;
}

QString randomToken(qsizetype bytes)
{
    return QString::fromLatin1(randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding
                                                            | QByteArray::OmitTrailingEquals));
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

Result<QByteArray> loadOrCreateSecret(const QString &path, qsizetype size)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, u"cannot read secret file %1"_s.arg(path));
        const QByteArray secret = existing.readAll();
        if (secret.size() < size)
            return fail(ErrorCode::Internal, u"secret file %1 is truncated"_s.arg(path));
        return secret;
    }
    const QByteArray secret = randomBytes(size);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Internal, u"cannot create secret file %1"_s.arg(path));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(secret);
    if (!file.commit())
        return fail(ErrorCode::Internal, u"cannot write secret file %1"_s.arg(path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return secret;
}

} // namespace tableorder::crypto
