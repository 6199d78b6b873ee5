#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace tableorder::crypto {

/// Initializes libsodium once; safe to call repeatedly.
void initialize();

/// argon2id through libsodium (m=19 MiB, t=2: the OWASP minimum, ~40 ms here), encoded
/// as a PHC string that carries its own salt and parameters.
[[nodiscard]] QString hashPassword(const QString &password);
[[nodiscard]] bool verifyPassword(const QString &hash, const QString &password);
/// Spends the same time as a real verification, so unknown accounts cannot be told from
/// wrong passwords by timing.
void burnVerification(const QString &password);

[[nodiscard]] QByteArray randomBytes(qsizetype size);
/// Random token in URL-safe base64 (no padding).
[[nodiscard]] QString randomToken(qsizetype bytes = 32);
/// SHA-256 hex, for storing high-entropy keys (store keys) that need no slow hash.
[[nodiscard]] QString sha256Hex(const QByteArray &data);

/// Reads a secret file, or creates it with `size` random bytes and mode 0600.
[[nodiscard]] Result<QByteArray> loadOrCreateSecret(const QString &path, qsizetype size = 32);

} // namespace tableorder::crypto
