#include "eventrepository.h"

#include "database.h"
#include "domain.h"
#include "journal.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

QByteArray hashFromText(const QVariant &value)
{
    return value.isNull() ? QByteArray() : QByteArray::fromHex(value.toString().toLatin1());
}

QString hashText(const QByteArray &hash)
{
    return QString::fromLatin1(hash.toHex());
}

} // namespace

EventRepository::EventRepository(QSqlDatabase db)
    : m_db(std::move(db)),
      m_append(db::prepared(m_db, u"INSERT INTO events (seq, event_id, type, at, table_id, data, schema_version, actor, hash) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)),
      // The next seq as AUTOINCREMENT would pick it (events moved by continueAfter may sit
      // above sqlite_sequence), so that the hash, which covers the seq, is known before the
      // insert.
      m_head(db::prepared(m_db, u"SELECT hash, MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), "
                                 "COALESCE((SELECT MAX(seq) FROM events), 0)) + 1 FROM journal_head WHERE id = 1"_s)),
      m_setHead(db::prepared(m_db, u"UPDATE journal_head SET hash = ? WHERE id = 1"_s))
{
}

Status EventRepository::append(Event &event)
{
    if (event.id.isEmpty())
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto ok = db::exec(m_head, "journal head"); !ok)
        return ok;
    if (!m_head.next())
        return fail(Error::internal());
    QByteArray previous = hashFromText(m_head.value(0));
    event.seq = m_head.value(1).toLongLong();
    m_head.finish();
    if (previous.size() != journal::kHashBytes)
        previous = journal::genesis(); // initializeJournal() runs at open; a fresh store has no event yet
    const journal::EncodedEvent encoded = journal::encode(event);
    event.hash = journal::chain(previous, event, encoded);
    m_append.addBindValue(event.seq);
    m_append.addBindValue(event.id);
    m_append.addBindValue(event.type);
    m_append.addBindValue(timestampText(event.at));
    m_append.addBindValue(event.tableId > 0 ? QVariant(event.tableId) : QVariant());
    m_append.addBindValue(QString::fromUtf8(encoded.data));
    m_append.addBindValue(event.schemaVersion);
    m_append.addBindValue(encoded.actor.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(encoded.actor)));
    m_append.addBindValue(hashText(event.hash));
    if (auto ok = db::exec(m_append, "append event"); !ok)
        return ok;
    m_setHead.addBindValue(hashText(event.hash));
    return db::exec(m_setHead, "move journal head");
}

namespace {

Status run(QSqlDatabase &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q = db::prepared(db, sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return db::exec(q, what);
}

/// An order event's data with order ids renumbered: `id` (order.created/updated),
/// `order_id` and `order.id` (order.unacknowledged).
QJsonObject renumberOrder(QJsonObject data, const QHash<qint64, qint64> &ids)
{
    for (const QString &key : {u"id"_s, u"order_id"_s}) {
        const auto it = ids.constFind(data.value(key).toInteger());
        if (data.contains(key) && it != ids.cend())
            data.insert(key, *it);
    }
    if (data.value(u"order"_s).isObject())
        data.insert(u"order"_s, renumberOrder(data.value(u"order"_s).toObject(), ids));
    return data;
}

} // namespace

Result<int> EventRepository::continueAfter(qint64 fromSeq, qint64 appliedSeq, qint64 maxOrderId,
                                           const QByteArray &appliedHash,
                                           const std::function<Status()> &inTransaction)
{
    db::Transaction tx(m_db);
    int moved = 0;
    if (fromSeq > 0 && fromSeq <= appliedSeq) {
        const qint64 shift = appliedSeq + 1 - fromSeq;
        QSqlQuery count = db::prepared(m_db, u"SELECT COUNT(*) FROM events WHERE seq >= ?"_s);
        count.addBindValue(fromSeq);
        if (auto ok = db::exec(count, "events to move"); !ok || !count.next())
            return fail(Error::internal());
        moved = count.value(0).toInt();
        count.finish();
        // Orders these events created that central already has under another order's id.
        QSqlQuery created = db::prepared(m_db, u"SELECT data FROM events WHERE seq >= ? AND type = ? ORDER BY seq"_s);
        created.addBindValue(fromSeq);
        created.addBindValue(QString::fromLatin1(events::OrderCreated));
        if (auto ok = db::exec(created, "orders to renumber"); !ok)
            return fail(ok.error());
        QList<qint64> clashing;
        while (created.next()) {
            const qint64 id = QJsonDocument::fromJson(created.value(0).toByteArray()).object().value(u"id"_s).toInteger();
            if (id > 0 && id <= maxOrderId)
                clashing.append(id);
        }
        created.finish();
        QHash<qint64, qint64> ids;
        if (!clashing.isEmpty()) {
            QSqlQuery top = db::prepared(m_db, u"SELECT COALESCE(MAX(id), 0) FROM orders"_s);
            if (auto ok = db::exec(top, "max order id"); !ok || !top.next())
                return fail(Error::internal());
            qint64 next = std::max(maxOrderId, top.value(0).toLongLong());
            for (qint64 id : std::as_const(clashing))
                ids.insert(id, ++next);
            // Parent and children change together; the check waits for the commit.
            if (auto ok = run(m_db, u"PRAGMA defer_foreign_keys = ON"_s, {}, "defer foreign keys"); !ok)
                return fail(ok.error());
            for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
                for (const QString &sql : {u"UPDATE orders SET id = ? WHERE id = ?"_s,
                                           u"UPDATE order_items SET order_id = ? WHERE order_id = ?"_s,
                                           u"UPDATE order_history SET order_id = ? WHERE order_id = ?"_s}) {
                    if (auto ok = run(m_db, sql, {it.value(), it.key()}, "renumber order"); !ok)
                        return fail(ok.error());
                }
            }
        }
        // Negative first, then back: seq is the primary key and must stay unique throughout.
        if (auto ok = run(m_db, u"UPDATE events SET seq = -(seq + ?) WHERE seq >= ?"_s, {shift, fromSeq}, "move events");
            !ok)
            return fail(ok.error());
        if (auto ok = run(m_db, u"UPDATE events SET seq = -seq WHERE seq < 0"_s, {}, "move events"); !ok)
            return fail(ok.error());
        QSqlQuery orderEvents = db::prepared(m_db, u"SELECT seq, data FROM events WHERE seq > ? AND type LIKE 'order.%'"_s);
        orderEvents.addBindValue(appliedSeq);
        if (auto ok = db::exec(orderEvents, "order events"); !ok)
            return fail(ok.error());
        QList<std::pair<qint64, QByteArray>> rewritten;
        while (!ids.isEmpty() && orderEvents.next()) {
            const QJsonObject data = QJsonDocument::fromJson(orderEvents.value(1).toByteArray()).object();
            const QJsonObject renumbered = renumberOrder(data, ids);
            if (renumbered != data)
                rewritten.append({orderEvents.value(0).toLongLong(),
                                  QJsonDocument(renumbered).toJson(QJsonDocument::Compact)});
        }
        orderEvents.finish();
        for (const auto &[seq, data] : std::as_const(rewritten)) {
            if (auto ok = run(m_db, u"UPDATE events SET data = ? WHERE seq = ?"_s, {QString::fromUtf8(data), seq},
                              "renumber order event");
                !ok)
                return fail(ok.error());
        }
    }
    // The journal continues from what central holds for appliedSeq: the moved events (their
    // seq, and maybe their data, changed) chain anew from it, and so does the next event.
    QByteArray head = appliedHash.size() == journal::kHashBytes ? appliedHash : journal::genesis();
    if (auto ok = run(m_db, u"DELETE FROM journal_anchors WHERE seq > ?"_s, {appliedSeq}, "journal anchors"); !ok)
        return fail(ok.error());
    if (auto ok = run(m_db, u"INSERT OR REPLACE INTO journal_anchors (seq, prev_hash) VALUES (?, ?)"_s,
                      {appliedSeq + 1, hashText(head)}, "journal anchor");
        !ok)
        return fail(ok.error());
    auto movedEvents = since(appliedSeq, std::numeric_limits<int>::max());
    if (!movedEvents)
        return fail(movedEvents.error());
    if (auto ok = storeChain(*movedEvents, head); !ok)
        return fail(ok.error());
    if (auto ok = run(m_db, u"UPDATE journal_head SET hash = ? WHERE id = 1"_s, {hashText(head)}, "journal head"); !ok)
        return fail(ok.error());
    // New events continue after central's applied seq, new orders after its highest id.
    if (auto ok = run(m_db, u"UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'events'"_s, {appliedSeq},
                      "continue seq");
        !ok)
        return fail(ok.error());
    if (auto ok = run(m_db, u"INSERT INTO sqlite_sequence (name, seq) SELECT 'events', ? WHERE NOT EXISTS "
                            "(SELECT 1 FROM sqlite_sequence WHERE name = 'events')"_s,
                      {appliedSeq}, "continue seq");
        !ok)
        return fail(ok.error());
    if (auto ok = run(m_db, u"UPDATE store SET order_id_floor = MAX(order_id_floor, ?) WHERE id = 1"_s, {maxOrderId},
                      "order id floor");
        !ok)
        return fail(ok.error());
    if (auto ok = inTransaction(); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return moved;
}

Result<QList<Event>> EventRepository::since(qint64 after, int limit, qint64 tableId,
                                            QList<journal::EncodedEvent> *stored)
{
    QSqlQuery q = db::prepared(m_db, tableId > 0
                                       ? u"SELECT seq, event_id, type, at, table_id, data, schema_version, actor, hash FROM events "
                                         "WHERE seq > ? AND (table_id IS NULL OR table_id = ?) ORDER BY seq LIMIT ?"_s
                                       : u"SELECT seq, event_id, type, at, table_id, data, schema_version, actor, hash FROM events "
                                         "WHERE seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(after);
    if (tableId > 0)
        q.addBindValue(tableId);
    q.addBindValue(limit);
    if (auto ok = db::exec(q, "read events"); !ok)
        return fail(ok.error());
    QList<Event> out;
    if (stored)
        stored->clear();
    while (q.next()) {
        const QByteArray data = q.value(5).toByteArray();
        const QByteArray actor = q.value(7).toByteArray();
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    parseTimestamp(q.value(3).toString()), q.value(4).toLongLong(),
                    stored ? QJsonObject() : QJsonDocument::fromJson(data).object(), q.value(6).toInt(),
                    stored ? QJsonObject() : QJsonDocument::fromJson(actor).object(), hashFromText(q.value(8))});
        if (stored)
            stored->append({data, actor});
    }
    return out;
}

Result<QList<Event>> EventRepository::audit(const AuditFilter &filter)
{
    QString sql = u"SELECT seq, event_id, type, at, table_id, data, schema_version, actor FROM events "
                  "WHERE actor IS NOT NULL AND seq > ?"_s;
    QVariantList values{filter.after};
    if (filter.from.isValid()) {
        sql += u" AND at >= ?"_s;
        values.append(timestampText(filter.from));
    }
    if (filter.to.isValid()) {
        sql += u" AND at < ?"_s;
        values.append(timestampText(filter.to));
    }
    if (!filter.actorKind.isEmpty()) {
        sql += u" AND json_extract(actor, '$.kind') = ?"_s;
        values.append(filter.actorKind);
    }
    if (filter.staffId > 0) {
        sql += u" AND json_extract(actor, '$.staff_id') = ?"_s;
        values.append(filter.staffId);
    }
    if (filter.tableNumber > 0) {
        sql += u" AND json_extract(actor, '$.table_number') = ?"_s;
        values.append(filter.tableNumber);
    }
    sql += u" ORDER BY seq LIMIT ?"_s;
    values.append(filter.limit);
    QSqlQuery q = db::prepared(m_db, sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (auto ok = db::exec(q, "read audit log"); !ok)
        return fail(ok.error());
    QList<Event> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    parseTimestamp(q.value(3).toString()), q.value(4).toLongLong(),
                    QJsonDocument::fromJson(q.value(5).toByteArray()).object(), q.value(6).toInt(),
                    QJsonDocument::fromJson(q.value(7).toByteArray()).object()});
    }
    return out;
}

static Result<qint64> scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q = db::prepared(db, sql);
    if (auto ok = db::exec(q, "event bounds"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> EventRepository::lastSeq()
{
    // sqlite_sequence keeps the high-water mark even when the newest events were pruned.
    return scalar(m_db, u"SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)"_s);
}

Result<qint64> EventRepository::firstSeq()
{
    return scalar(m_db, u"SELECT COALESCE(MIN(seq), 0) FROM events"_s);
}

Result<int> EventRepository::pruneBefore(qint64 keepFrom)
{
    // The oldest kept event keeps a verifiable start: it chains from the newest pruned one.
    QSqlQuery anchor = db::prepared(m_db, u"INSERT OR IGNORE INTO journal_anchors (seq, prev_hash) "
                                          "SELECT (SELECT MIN(seq) FROM events WHERE seq >= ?), hash FROM events "
                                          "WHERE seq < ? AND hash IS NOT NULL AND EXISTS (SELECT 1 FROM events WHERE seq >= ?) "
                                          "ORDER BY seq DESC LIMIT 1"_s);
    for (const QVariant &v : QVariantList{keepFrom, keepFrom, keepFrom})
        anchor.addBindValue(v);
    if (auto ok = db::exec(anchor, "journal anchor"); !ok)
        return fail(ok.error());
    QSqlQuery anchors = db::prepared(m_db, u"DELETE FROM journal_anchors WHERE seq < ?"_s);
    anchors.addBindValue(keepFrom);
    if (auto ok = db::exec(anchors, "prune journal anchors"); !ok)
        return fail(ok.error());
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM events WHERE seq < ?"_s);
    q.addBindValue(keepFrom);
    if (auto ok = db::exec(q, "prune events"); !ok)
        return fail(ok.error());
    return q.numRowsAffected();
}

Status EventRepository::storeChain(QList<Event> &events, QByteArray &head)
{
    QSqlQuery update = db::prepared(m_db, u"UPDATE events SET hash = ? WHERE seq = ?"_s);
    for (Event &event : events) {
        event.hash = journal::chain(head, event);
        head = event.hash;
        update.addBindValue(hashText(event.hash));
        update.addBindValue(event.seq);
        if (auto ok = db::exec(update, "chain event"); !ok)
            return ok;
    }
    return {};
}

Result<qint64> EventRepository::initializeJournal()
{
    db::Transaction tx(m_db);
    QSqlQuery head = db::prepared(m_db, u"SELECT hash FROM journal_head WHERE id = 1"_s);
    if (auto ok = db::exec(head, "journal head"); !ok)
        return fail(ok.error());
    if (!head.next())
        return fail(Error::internal());
    if (!head.value(0).isNull())
        return 0;
    head.finish();
    // Migration 010 on a store with events: hash them as they are now, from the genesis
    // value. Only this once: later, an event without a hash is one whose hash was removed.
    QByteArray previous = journal::genesis();
    qint64 hashed = 0;
    qint64 after = 0;
    for (;;) {
        auto batch = since(after, 1000);
        if (!batch)
            return fail(batch.error());
        if (batch->isEmpty())
            break;
        if (auto ok = storeChain(*batch, previous); !ok)
            return fail(ok.error());
        hashed += batch->size();
        after = batch->last().seq;
    }
    auto first = firstSeq();
    if (!first)
        return fail(first.error());
    if (*first > 1) {
        if (auto ok = run(m_db, u"INSERT OR REPLACE INTO journal_anchors (seq, prev_hash) VALUES (?, ?)"_s,
                          {*first, hashText(journal::genesis())}, "journal anchor");
            !ok)
            return fail(ok.error());
    }
    if (auto ok = run(m_db, u"UPDATE journal_head SET hash = ? WHERE id = 1"_s, {hashText(previous)}, "journal head");
        !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return hashed;
}

Result<JournalCheck> EventRepository::verifyJournal()
{
    QHash<qint64, QByteArray> anchors;
    {
        QSqlQuery q = db::prepared(m_db, u"SELECT seq, prev_hash FROM journal_anchors"_s);
        if (auto ok = db::exec(q, "journal anchors"); !ok)
            return fail(ok.error());
        while (q.next())
            anchors.insert(q.value(0).toLongLong(), hashFromText(q.value(1)));
    }
    JournalCheck check;
    QByteArray previous;
    qint64 previousSeq = 0;
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        auto batch = since(after, 1000);
        if (!batch)
            return fail(batch.error());
        if (batch->isEmpty())
            break;
        for (const Event &event : std::as_const(*batch)) {
            if (check.events == 0)
                check.firstSeq = event.seq;
            ++check.events;
            check.lastSeq = event.seq;
            QByteArray expectedPrevious;
            if (anchors.contains(event.seq))
                expectedPrevious = anchors.value(event.seq);
            else if (previousSeq != 0 && event.seq == previousSeq + 1)
                expectedPrevious = previous;
            else if (previousSeq == 0 && event.seq == 1)
                expectedPrevious = journal::genesis();
            if (check.brokenSeq == 0) {
                if (event.hash.isEmpty()) {
                    check.brokenSeq = event.seq;
                    check.reason = u"the event has no hash"_s;
                } else if (expectedPrevious.isEmpty()) {
                    check.brokenSeq = event.seq;
                    check.reason = u"nothing to chain from: an event before it is missing"_s;
                } else if (!journal::chains(expectedPrevious, event)) {
                    check.brokenSeq = event.seq;
                    check.reason = u"the event does not chain: its content or its hash was changed"_s;
                }
            }
            previous = event.hash;
            previousSeq = event.seq;
        }
        after = batch->last().seq;
    }
    return check;
}

} // namespace tableorder::edge
