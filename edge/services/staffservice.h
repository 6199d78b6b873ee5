#pragma once

#include "domain.h"
#include "storage/staffrepository.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

namespace tableorder::edge {

class TokenRepository;
class EventLog;

/// Staff account management: add, password, role, disable/enable. Every change but add and
/// enable revokes the account's tokens (credentialsChanged). Each is recorded as a
/// `staff.changed` event (never with the password) with the actor who made it.
class StaffService : public QObject
{
    Q_OBJECT
public:
    StaffService(QSqlDatabase db, StaffRepository &staff, TokenRepository &tokens, EventLog &events,
                 QObject *parent = nullptr);

    [[nodiscard]] Result<QList<StaffAccount>> list();
    /// The same rules as AuthService::addStaff.
    [[nodiscard]] Result<qint64> add(const QString &username, const QString &password, Role role,
                                     const QJsonObject &actor);
    [[nodiscard]] Status setPassword(const QString &username, const QString &password, const QJsonObject &actor = {});
    [[nodiscard]] Status setRole(const QString &username, Role role, const QJsonObject &actor = {});
    /// Disabling revokes the tokens and refuses logins; enabling lets the account log in again.
    [[nodiscard]] Status setDisabled(const QString &username, bool disabled, const QJsonObject &actor = {});

signals:
    void credentialsChanged();

private:
    [[nodiscard]] Status commitChange(const std::function<Status()> &change, const QString &username,
                                      const QString &what, const QJsonObject &actor, bool revokes = true);

    QSqlDatabase m_db;
    StaffRepository &m_staff;
    TokenRepository &m_tokens;
    EventLog &m_events;
};

} // namespace tableorder::edge
