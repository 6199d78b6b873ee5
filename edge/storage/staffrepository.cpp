#include "staffrepository.h"

#include "database.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Result<std::optional<StaffAccount>> StaffRepository::byUsername(const QString &username)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, username, password_hash, role, disabled FROM staff "
                                      "WHERE username = ?"_s);
    q.addBindValue(username);
    if (auto ok = db::exec(q, "read staff"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<StaffAccount>();
    return std::optional(StaffAccount{q.value(0).toLongLong(), q.value(1).toString(),
                                      q.value(2).toString(),
                                      parseRole(q.value(3).toString()).value_or(Role::Kitchen),
                                      q.value(4).toBool()});
}

Result<QList<StaffAccount>> StaffRepository::list()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, username, role, disabled FROM staff ORDER BY username"_s);
    if (auto ok = db::exec(q, "list staff"); !ok)
        return fail(ok.error());
    QList<StaffAccount> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), {},
                    parseRole(q.value(2).toString()).value_or(Role::Kitchen), q.value(3).toBool()});
    return out;
}

Status StaffRepository::setDisabled(const QString &username, bool disabled)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE staff SET disabled = ?, token_generation = token_generation + 1 "
                                      "WHERE username = ?"_s);
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(username);
    if (auto ok = db::exec(q, "set staff disabled"); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return fail(Error::notFound(u"staff account"_s));
    return {};
}

Status StaffRepository::setRole(const QString &username, Role role)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE staff SET role = ?, token_generation = token_generation + 1 "
                                      "WHERE username = ?"_s);
    q.addBindValue(roleName(role));
    q.addBindValue(username);
    if (auto ok = db::exec(q, "set staff role"); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return fail(Error::notFound(u"staff account"_s));
    return {};
}

Result<qint64> StaffRepository::insert(const StaffAccount &account)
{
    if (auto existing = byUsername(account.username); !existing)
        return fail(existing.error());
    else if (existing->has_value())
        return fail(ErrorCode::AlreadyExists, u"username %1 is taken"_s.arg(account.username));
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO staff (username, password_hash, role, created_at) "
                                      "VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(account.username);
    q.addBindValue(account.passwordHash);
    q.addBindValue(roleName(account.role));
    q.addBindValue(timestampText(QDateTime::currentDateTimeUtc()));
    if (auto ok = db::exec(q, "insert staff"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Status StaffRepository::setPassword(const QString &username, const QString &passwordHash)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE staff SET password_hash = ?, "
                                      "token_generation = token_generation + 1 WHERE username = ?"_s);
    q.addBindValue(passwordHash);
    q.addBindValue(username);
    if (auto ok = db::exec(q, "set staff password"); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return fail(Error::notFound(u"staff account"_s));
    return {};
}

Result<int> StaffRepository::count()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*) FROM staff"_s);
    if (auto ok = db::exec(q, "count staff"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace tableorder::edge
