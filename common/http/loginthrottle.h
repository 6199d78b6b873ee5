#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <optional>

namespace tableorder::http {

/// After how many failures a key is locked, and for how long.
struct LockoutPolicy
{
    int lockAfterFailures = 5;
    /// The lock after that many failures; it doubles with every further one, up to the cap.
    int baseLockSeconds = 30;
    int maxLockSeconds = 900;
    /// A key with no failure for this long starts again from zero.
    int forgetAfterSeconds = 86'400;
};

/// Failed logins counted per account and per client address. A key that is locked refuses
/// every attempt (even with the right password) until the lock ends. Only failures count, so a
/// manager pairing twelve tablets from one laptop is never refused; a success clears the
/// account. Attempts whose password is still being checked are held against the limit too: a
/// key whose failures plus attempts in flight reach it refuses more (Retry-After 1) until they
/// are decided, so parallel guesses cannot slip past.
class LoginThrottle
{
public:
    struct Settings
    {
        LockoutPolicy account{5, 30, 900, 86'400};
        LockoutPolicy client{20, 60, 900, 3'600};
        /// Keys remembered at most (each side); the oldest are dropped past it.
        int maxKeys = 100'000;
    };

    LoginThrottle();
    explicit LoginThrottle(Settings settings);
    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    [[nodiscard]] const Settings &settings() const { return m_settings; }

    /// Seconds to wait when the account or the client is locked; else std::nullopt and the
    /// attempt is in flight until exactly one of failed(), succeeded() or abandoned().
    [[nodiscard]] std::optional<int> begin(const QString &account, const QString &client);
    /// Wrong password (or no such account): counts against both, may lock them.
    void failed(const QString &account, const QString &client);
    /// The password was right: the account starts from zero; the client keeps its failures.
    void succeeded(const QString &account, const QString &client);
    /// Not decided (server busy, client gone, database error): counts for nothing.
    void abandoned(const QString &account, const QString &client);

    /// For tests: pretend `ms` more milliseconds have passed.
    void advance(qint64 ms) { m_offsetMs += ms; }

private:
    struct Counter
    {
        int failures = 0;
        int inFlight = 0;
        qint64 lastFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };
    using Table = QHash<QString, Counter>;
    [[nodiscard]] qint64 now() const { return m_clock.elapsed() + m_offsetMs; }
    static std::optional<int> lockedFor(Table &table, const QString &key, const LockoutPolicy &policy, qint64 now);
    Counter &counter(Table &table, const QString &key, const LockoutPolicy &policy, qint64 now);
    static void fail(Counter &counter, const LockoutPolicy &policy, qint64 now);
    static void land(Table &table, const QString &key);

    Settings m_settings;
    Table m_accounts;
    Table m_clients;
    QElapsedTimer m_clock;
    qint64 m_offsetMs = 0;
    bool m_enabled = true;
};

} // namespace tableorder::http
