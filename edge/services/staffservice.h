#pragma once

#include "domain.h"
#include "storage/staffrepository.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

namespace tableorder::edge {

class TokenRepository;

/// Staff account management after creation: password, role, disable/enable. Every change
/// but enable revokes the account's tokens (credentialsChanged).
class StaffService : public QObject
{
    Q_OBJECT
public:
    StaffService(QSqlDatabase db, StaffRepository &staff, TokenRepository &tokens, QObject *parent = nullptr);

    [[nodiscard]] Result<QList<StaffAccount>> list();
    [[nodiscard]] Status setPassword(const QString &username, const QString &password);
    [[nodiscard]] Status setRole(const QString &username, Role role);
    /// Disabling revokes the tokens and refuses logins; enabling lets the account log in again.
    [[nodiscard]] Status setDisabled(const QString &username, bool disabled);

signals:
    void credentialsChanged();

private:
    [[nodiscard]] Status commitChange(const std::function<Status()> &change);

    QSqlDatabase m_db;
    StaffRepository &m_staff;
    TokenRepository &m_tokens;
};

} // namespace tableorder::edge
