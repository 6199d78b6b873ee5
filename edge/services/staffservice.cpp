#include "staffservice.h"

#include "crypto.h"
#include "database.h"
#include "storage/tokenrepository.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

StaffService::StaffService(QSqlDatabase db, StaffRepository &staff, TokenRepository &tokens, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_staff(staff), m_tokens(tokens)
{
}

Result<QList<StaffAccount>> StaffService::list()
{
    return m_staff.list();
}

Status StaffService::commitChange(const std::function<Status()> &change)
{
    db::Transaction tx(m_db);
    if (auto ok = change(); !ok)
        return ok;
    if (auto ok = m_tokens.bumpVersion(); !ok)
        return ok;
    if (auto ok = tx.commit(); !ok)
        return ok;
    emit credentialsChanged();
    return {};
}

Status StaffService::setPassword(const QString &username, const QString &password)
{
    // The same rule as AuthService::addStaff.
    if (password.size() < 4 || password.size() > 256)
        return fail(Error::validation(u"password"_s, u"password must be 4 to 256 characters"_s));
    const QString hash = crypto::hashPassword(password);
    return commitChange([&] { return m_staff.setPassword(username, hash); });
}

Status StaffService::setRole(const QString &username, Role role)
{
    if (role == Role::Table)
        return fail(Error::validation(u"role"_s, u"role must be manager or kitchen"_s));
    return commitChange([&] { return m_staff.setRole(username, role); });
}

Status StaffService::setDisabled(const QString &username, bool disabled)
{
    return commitChange([&] { return m_staff.setDisabled(username, disabled); });
}

} // namespace tableorder::edge
