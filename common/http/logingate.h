#pragma once

#include "httpresponse.h"
#include "httpserver.h"
#include "loginthrottle.h"

#include <QHostAddress>

#include <functional>

namespace tableorder::crypto {
class PasswordVerifier;
}

namespace tableorder::http {

/// The part of a login that edge and central do alike: the failure limits (LoginThrottle) and
/// the argon2id check on a worker (crypto::PasswordVerifier), with the answer sent through an
/// async Reply. What is read from or written to the database happens on the event loop's
/// thread, before check() and in `complete`.
class LoginGate
{
public:
    LoginGate(LoginThrottle &throttle, crypto::PasswordVerifier &verifier)
        : m_throttle(throttle), m_verifier(verifier)
    {
    }

    /// Answers 429 RATE_LIMITED when `account` (e.g. "table:3") or `client` is locked, 503
    /// UNAVAILABLE when too many checks are waiting, 401 INVALID_CREDENTIALS when `password`
    /// does not match `hash` (empty: no such account; same answer after the same time); else
    /// runs `complete` on the event loop's thread, if the client is still waiting, and sends
    /// what it returns. An INVALID_CREDENTIALS from `complete` counts as a failed login.
    void check(const QString &account, const QHostAddress &client, QString hash, QString password,
               Reply reply, std::function<Result<HttpResponse>()> complete);

    [[nodiscard]] LoginThrottle &throttle() { return m_throttle; }

private:
    LoginThrottle &m_throttle;
    crypto::PasswordVerifier &m_verifier;
};

/// 429 RATE_LIMITED, `Retry-After` and details.retry_after.
[[nodiscard]] HttpResponse tooManyLogins(int retryAfterSeconds);

} // namespace tableorder::http
