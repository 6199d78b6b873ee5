#include "tableservice.h"

#include "crypto.h"
#include "database.h"
#include "edgeconfig.h"
#include "event.h"
#include "eventlog.h"
#include "storage/tokenrepository.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

Status checkPassword(const QString &password)
{
    if (password.size() < 4 || password.size() > 64)
        return fail(Error::validation(u"password"_s, u"password must be 4 to 64 characters"_s));
    return {};
}

} // namespace

TableService::TableService(QSqlDatabase db, TableRepository &tables, TokenRepository &tokens, EventLog &events,
                           const StoreLimits &limits, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_tables(tables), m_tokens(tokens), m_events(events),
      m_limits(limits)
{
}

Result<QList<TableInfo>> TableService::overview()
{
    return m_tables.overview();
}

Result<std::optional<Event>> TableService::recordChange(qint64 tableId, int number, const QString &what,
                                                        const QJsonObject &actor)
{
    if (actor.isEmpty())
        return std::optional<Event>();
    auto event = m_events.record(QString::fromLatin1(events::TableChanged), 0,
                                 {{u"table_id"_s, tableId}, {u"table_number"_s, number}, {u"change"_s, what}}, actor);
    if (!event)
        return fail(event.error());
    return std::optional(*event);
}

Result<TableInfo> TableService::create(int number, const QString &password, const QJsonObject &actor)
{
    if (number < 1 || number > 9999)
        return fail(Error::validation(u"number"_s, u"table number must be from 1 to 9999"_s));
    if (auto ok = checkPassword(password); !ok)
        return fail(ok.error());
    auto count = m_tables.count();
    if (!count)
        return fail(count.error());
    if (*count >= m_limits.maxTables)
        return fail(ErrorCode::LimitReached, u"a store has at most %1 tables"_s.arg(m_limits.maxTables));
    auto existing = m_tables.byNumber(number);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return fail(ErrorCode::AlreadyExists, u"table %1 already exists"_s.arg(number));
    const QString hash = crypto::hashPassword(password);
    db::Transaction tx(m_db);
    auto reinstated = m_tables.reinstate(number, hash);
    if (!reinstated)
        return fail(reinstated.error());
    qint64 id = reinstated->value_or(0);
    if (!id) {
        auto inserted = m_tables.insert(number, hash);
        if (!inserted)
            return fail(inserted.error());
        id = *inserted;
    }
    if (auto ok = m_tokens.bumpVersion(); !ok)
        return fail(ok.error());
    auto event = recordChange(id, number, u"added"_s, actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    if (*event)
        m_events.publish(**event);
    emit credentialsChanged();
    return TableInfo{id, number, 0, {}, 0, 0};
}

Result<TableInfo> TableService::update(qint64 id, std::optional<int> number,
                                       std::optional<QString> password, const QJsonObject &actor)
{
    if (password) {
        if (auto ok = checkPassword(*password); !ok)
            return fail(ok.error());
    }
    auto existing = m_tables.byId(id);
    if (!existing)
        return fail(existing.error());
    if (!existing->has_value())
        return fail(Error::notFound(u"table"_s));
    TableRecord table = **existing;
    if (number && *number != table.number) {
        auto clash = m_tables.byNumber(*number);
        if (!clash)
            return fail(clash.error());
        if (clash->has_value())
            return fail(ErrorCode::AlreadyExists, u"table %1 already exists"_s.arg(*number));
        auto removed = m_tables.removedWithNumber(*number);
        if (!removed)
            return fail(removed.error());
        if (removed->has_value())
            return fail(ErrorCode::AlreadyExists,
                        u"table %1 was removed; add it again instead (its history stays with it)"_s.arg(*number));
        table.number = *number;
    }
    if (password)
        table.passwordHash = crypto::hashPassword(*password);
    db::Transaction tx(m_db);
    if (auto ok = m_tables.update(table, password.has_value()); !ok)
        return fail(ok.error());
    if (password) {
        if (auto ok = m_tokens.bumpVersion(); !ok)
            return fail(ok.error());
    }
    const bool renumbered = table.number != (*existing)->number;
    auto event = recordChange(table.id, table.number,
                              renumbered && password ? u"renumbered and new password"_s
                              : renumbered           ? u"renumbered"_s
                              : password             ? u"new password"_s
                                                     : u"unchanged"_s,
                              actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    if (*event)
        m_events.publish(**event);
    if (password)
        emit credentialsChanged();
    return TableInfo{table.id, table.number, 0, {}, 0, 0};
}

Result<TableVisit> TableService::currentVisit(qint64 tableId)
{
    auto open = m_tables.openSession(tableId);
    if (!open)
        return fail(open.error());
    auto newest = m_tables.newestSessionId();
    if (!newest)
        return fail(newest.error());
    return TableVisit{open->has_value() ? (*open)->id : 0, *newest};
}

Status TableService::remove(int number, const QJsonObject &actor)
{
    auto table = m_tables.byNumber(number);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table"_s));
    // A removed table's open session could not be closed any more, and would come back
    // with the table: the manager frees the table first.
    auto session = m_tables.openSession((*table)->id);
    if (!session)
        return fail(session.error());
    if (session->has_value())
        return fail(ErrorCode::Conflict, u"table %1 has an open session; close it first"_s.arg(number));
    db::Transaction tx(m_db);
    if (auto ok = m_tables.remove(number, QDateTime::currentDateTimeUtc()); !ok)
        return ok;
    if (auto ok = m_tokens.bumpVersion(); !ok)
        return ok;
    auto event = recordChange((*table)->id, number, u"removed"_s, actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return ok;
    if (*event)
        m_events.publish(**event);
    emit credentialsChanged();
    return {};
}

Result<HistoryPage> TableService::history(qint64 tableId, const QDateTime &from, const QDateTime &to,
                                          int limit, int offset)
{
    auto table = m_tables.byId(tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table"_s));
    return m_tables.history(tableId, from, to, limit, offset);
}

} // namespace tableorder::edge
