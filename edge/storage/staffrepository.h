#pragma once

#include "domain.h"

#include <QSqlDatabase>

namespace tableorder::edge {

struct StaffAccount
{
    qint64 id = 0;
    QString username;
    QString passwordHash;
    Role role = Role::Kitchen;
    bool disabled = false;
};

/// Staff accounts (manager, kitchen) with argon2id password hashes.
class StaffRepository
{
public:
    explicit StaffRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<std::optional<StaffAccount>> byUsername(const QString &username);
    /// ALREADY_EXISTS when the username is taken.
    [[nodiscard]] Result<qint64> insert(const StaffAccount &account);
    /// The changes below bump the account's token generation (its tokens stop counting);
    /// NOT_FOUND for an unknown username.
    [[nodiscard]] Status setPassword(const QString &username, const QString &passwordHash);
    [[nodiscard]] Status setDisabled(const QString &username, bool disabled);
    [[nodiscard]] Status setRole(const QString &username, Role role);
    [[nodiscard]] Result<QList<StaffAccount>> list();
    [[nodiscard]] Result<int> count();

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
