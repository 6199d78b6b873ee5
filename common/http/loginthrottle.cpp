#include "loginthrottle.h"

#include <algorithm>

namespace tableorder::http {

LoginThrottle::LoginThrottle() : LoginThrottle(Settings{}) {}

LoginThrottle::LoginThrottle(Settings settings) : m_settings(settings)
{
    m_clock.start();
}

std::optional<int> LoginThrottle::begin(const QString &account, const QString &client)
{
    if (!m_enabled)
        return std::nullopt;
    const qint64 t = now();
    const std::optional<int> byAccount = lockedFor(m_accounts, account, m_settings.account, t);
    const std::optional<int> byClient = lockedFor(m_clients, client, m_settings.client, t);
    if (byAccount || byClient)
        return std::max(byAccount.value_or(0), byClient.value_or(0));
    Counter &forAccount = counter(m_accounts, account, m_settings.account, t);
    Counter &forClient = counter(m_clients, client, m_settings.client, t);
    ++forAccount.inFlight;
    ++forClient.inFlight;
    return std::nullopt;
}

void LoginThrottle::failed(const QString &account, const QString &client)
{
    if (!m_enabled)
        return;
    const qint64 t = now();
    land(m_accounts, account);
    land(m_clients, client);
    fail(counter(m_accounts, account, m_settings.account, t), m_settings.account, t);
    fail(counter(m_clients, client, m_settings.client, t), m_settings.client, t);
}

void LoginThrottle::succeeded(const QString &account, const QString &client)
{
    if (!m_enabled)
        return;
    land(m_accounts, account);
    land(m_clients, client);
    // The account starts again; the client keeps its failures: every guest knows their own
    // table's password, and a success that wiped the client's count would give them unlimited
    // guesses at the other tables.
    if (const auto it = m_accounts.find(account); it != m_accounts.end() && it->inFlight == 0)
        m_accounts.erase(it);
    else if (it != m_accounts.end())
        *it = Counter{0, it->inFlight, 0, 0};
}

void LoginThrottle::abandoned(const QString &account, const QString &client)
{
    if (!m_enabled)
        return;
    land(m_accounts, account);
    land(m_clients, client);
}

void LoginThrottle::land(Table &table, const QString &key)
{
    if (const auto it = table.find(key); it != table.end() && it->inFlight > 0) {
        --it->inFlight;
        if (it->inFlight == 0 && it->failures == 0)
            table.erase(it);
    }
}

std::optional<int> LoginThrottle::lockedFor(Table &table, const QString &key,
                                            const LockoutPolicy &policy, qint64 now)
{
    const auto it = table.find(key);
    if (it == table.end())
        return std::nullopt;
    if (it->inFlight == 0 && now - it->lastFailureMs > qint64(policy.forgetAfterSeconds) * 1000) {
        table.erase(it);
        return std::nullopt;
    }
    if (now < it->lockedUntilMs)
        return int(std::max<qint64>(1, (it->lockedUntilMs - now + 999) / 1000));
    // The attempts being checked could reach the lock: wait for them to be decided.
    if (it->inFlight > 0 && it->failures + it->inFlight >= policy.lockAfterFailures)
        return 1;
    return std::nullopt;
}

LoginThrottle::Counter &LoginThrottle::counter(Table &table, const QString &key,
                                               const LockoutPolicy &policy, qint64 now)
{
    const qint64 forgetMs = qint64(policy.forgetAfterSeconds) * 1000;
    auto it = table.find(key);
    if (it != table.end()) {
        if (it->failures > 0 && now - it->lastFailureMs > forgetMs)
            *it = Counter{0, it->inFlight, 0, 0};
        return *it;
    }
    if (table.size() >= m_settings.maxKeys) {
        // Forget what is forgettable first; if the table is still full (a flood of made-up
        // account names), the key that failed longest ago goes.
        table.removeIf([&](const auto &entry) {
            return entry.value().inFlight == 0 && now - entry.value().lastFailureMs > forgetMs;
        });
        if (table.size() >= m_settings.maxKeys) {
            // Attempts in flight are kept: their answer is still to be counted.
            const auto oldest = std::min_element(table.begin(), table.end(), [](const Counter &a, const Counter &b) {
                return std::pair(a.inFlight > 0, a.lastFailureMs) < std::pair(b.inFlight > 0, b.lastFailureMs);
            });
            table.erase(oldest);
        }
    }
    return *table.insert(key, Counter{});
}

void LoginThrottle::fail(Counter &counter, const LockoutPolicy &policy, qint64 now)
{
    ++counter.failures;
    counter.lastFailureMs = now;
    const int beyond = counter.failures - policy.lockAfterFailures;
    if (beyond >= 0) {
        // 2^beyond times the base, capped; the shift is capped first so it cannot overflow.
        const qint64 lockSeconds = std::min<qint64>(policy.maxLockSeconds,
                                                    qint64(policy.baseLockSeconds) << std::min(beyond, 20));
        counter.lockedUntilMs = now + lockSeconds * 1000;
    }
}

} // namespace tableorder::http
