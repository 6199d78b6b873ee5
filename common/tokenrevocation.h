#pragma once

#include "error.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace tableorder {

/// Which signed tokens still count, held in memory so no request reads the database.
/// Every token names its principal (`sub`), the principal's token generation when it was
/// issued (`gen`) and a random id (`jti`). A token counts while its principal exists, is
/// enabled and still has that generation, and its id was not revoked (logout). The daemon
/// loads the state from its database at start and again whenever the database's auth
/// version changes (a change made here, by the CLI or by another instance).
class TokenRevocation
{
public:
    struct State
    {
        qint64 version = -1;
        /// Current generation per subject ("table:3", "staff:1", "hq:7"); a subject that is
        /// removed or disabled is absent.
        QHash<QString, qint64> generations;
        /// Revoked token ids and their expiry (seconds since the epoch).
        QHash<QString, qint64> revokedIds;
    };
    /// What changed between two states: the subjects whose tokens are all revoked now, and
    /// the ids of single tokens revoked.
    struct Changes
    {
        QStringList subjects;
        QStringList tokenIds;
    };

    /// The claims a new token for `subject` carries: `gen` and a fresh `jti`.
    [[nodiscard]] QJsonObject stamp(const QString &subject) const;
    /// TOKEN_REVOKED when the claims' generation is not the subject's current one, the
    /// subject is gone or disabled, the token has no generation (issued before revocation
    /// existed) or its id was revoked.
    [[nodiscard]] Status check(const QJsonObject &claims) const;
    [[nodiscard]] qint64 version() const { return m_state.version; }
    [[nodiscard]] std::optional<qint64> generation(const QString &subject) const;
    /// Replaces the state and says what it revoked compared with the previous one.
    Changes replace(State state);
    /// Also revoked: a token id the caller knows (logout), effective before the next reload.
    void revokeId(const QString &jti, qint64 expiresAt) { m_state.revokedIds.insert(jti, expiresAt); }

private:
    State m_state;
};

/// Where a daemon's revocation state is stored (its token repository): the generations and
/// revoked ids, and the auth version every revoking change bumps.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    /// The generations of existing, enabled principals, and unexpired revoked ids.
    [[nodiscard]] virtual Result<TokenRevocation::State> load(qint64 nowSeconds) = 0;
    /// One cheap row, read every second by the daemon.
    [[nodiscard]] virtual Result<qint64> version() = 0;
    /// Denies one token until it expires (and forgets those that have); bumps the version.
    [[nodiscard]] virtual Status revokeId(const QString &jti, qint64 expiresAt, qint64 nowSeconds) = 0;
};

/// A TokenRevocation kept in step with its TokenStore, shared by the edge's and central's
/// auth services: reloads when the stored version moved and tells a listener what that
/// revoked (to close those streams).
class RevocationTracker
{
public:
    using Listener = std::function<void(const TokenRevocation::Changes &)>;

    explicit RevocationTracker(TokenStore &store) : m_store(store) {}

    [[nodiscard]] const TokenRevocation &revocation() const { return m_revocation; }
    void setListener(Listener listener) { m_listener = std::move(listener); }
    /// Reloads when the stored version moved (or always, with `force`).
    [[nodiscard]] Status refresh(bool force = false);
    /// refresh(), and a forced reload when `subject` is still unknown (created since).
    [[nodiscard]] Status refreshFor(const QString &subject);
    /// Revokes one token (logout), stored and at once in memory.
    [[nodiscard]] Status revokeToken(const QString &jti, qint64 expiresAt);

private:
    TokenStore &m_store;
    TokenRevocation m_revocation;
    Listener m_listener;
};

} // namespace tableorder
