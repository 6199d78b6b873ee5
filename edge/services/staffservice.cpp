#include "staffservice.h"

#include "crypto.h"
#include "database.h"
#include "event.h"
#include "eventlog.h"
#include "storage/tokenrepository.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

StaffService::StaffService(QSqlDatabase db, StaffRepository &staff, TokenRepository &tokens, EventLog &events,
                           QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_staff(staff), m_tokens(tokens), m_events(events)
{
}

Result<QList<StaffAccount>> StaffService::list()
{
    return m_staff.list();
}

Status StaffService::commitChange(const std::function<Status()> &change, const QString &username,
                                  const QString &what, const QJsonObject &actor, bool revokes)
{
    db::Transaction tx(m_db);
    if (auto ok = change(); !ok)
        return ok;
    if (revokes) {
        if (auto ok = m_tokens.bumpVersion(); !ok)
            return ok;
    }
    auto account = m_staff.byUsername(username.trimmed());
    if (!account)
        return fail(account.error());
    QJsonObject data{{u"username"_s, username.trimmed()}, {u"change"_s, what}};
    if (account->has_value()) {
        data.insert(u"staff_id"_s, (*account)->id);
        data.insert(u"role"_s, roleName((*account)->role));
        data.insert(u"disabled"_s, (*account)->disabled);
    }
    auto event = m_events.record(QString::fromLatin1(events::StaffChanged), 0, data, actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return ok;
    m_events.publish(*event);
    if (revokes)
        emit credentialsChanged();
    return {};
}

Result<qint64> StaffService::add(const QString &username, const QString &password, Role role,
                                 const QJsonObject &actor)
{
    if (role == Role::Table)
        return fail(Error::validation(u"role"_s, u"role must be manager, kitchen or staff"_s));
    if (username.trimmed().isEmpty() || username.size() > 64)
        return fail(Error::validation(u"username"_s, u"username must be 1 to 64 characters"_s));
    if (password.size() < 4 || password.size() > 256)
        return fail(Error::validation(u"password"_s, u"password must be 4 to 256 characters"_s));
    const QString hash = crypto::hashPassword(password);
    qint64 id = 0;
    auto ok = commitChange([&]() -> Status {
        auto inserted = m_staff.insert({0, username.trimmed(), hash, role});
        if (!inserted)
            return fail(inserted.error());
        id = *inserted;
        return {};
    }, username, u"added"_s, actor, false);
    if (!ok)
        return fail(ok.error());
    return id;
}

Status StaffService::setPassword(const QString &username, const QString &password, const QJsonObject &actor)
{
    // The same rule as AuthService::addStaff.
    if (password.size() < 4 || password.size() > 256)
        return fail(Error::validation(u"password"_s, u"password must be 4 to 256 characters"_s));
    const QString hash = crypto::hashPassword(password);
    return commitChange([&] { return m_staff.setPassword(username, hash); }, username, u"password"_s, actor);
}

Status StaffService::setRole(const QString &username, Role role, const QJsonObject &actor)
{
    if (role == Role::Table)
        return fail(Error::validation(u"role"_s, u"role must be manager, kitchen or staff"_s));
    return commitChange([&] { return m_staff.setRole(username, role); }, username, u"role"_s, actor);
}

Status StaffService::setDisabled(const QString &username, bool disabled, const QJsonObject &actor)
{
    return commitChange([&] { return m_staff.setDisabled(username, disabled); }, username,
                        disabled ? u"disabled"_s : u"enabled"_s, actor, disabled);
}

} // namespace tableorder::edge
