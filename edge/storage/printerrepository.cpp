#include "printerrepository.h"

#include "database.h"
#include "domain.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

const QString printerColumns = u"id, name, host, port, paper_mm, encoding, stations, status, status_at"_s;

QString stationsText(const QStringList &stations)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(stations)).toJson(QJsonDocument::Compact));
}

QStringList stationsFrom(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QVariant timeText(const QDateTime &time)
{
    return time.isValid() ? QVariant(timestampText(time)) : QVariant(QMetaType::fromType<QString>());
}

Printer printerFrom(const QSqlQuery &q)
{
    Printer p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.host = q.value(2).toString();
    p.port = q.value(3).toInt();
    p.paperMm = q.value(4).toInt();
    p.encoding = q.value(5).toString();
    p.stations = stationsFrom(q.value(6).toString());
    p.status = q.value(7).toString();
    p.statusAt = parseTimestamp(q.value(8).toString());
    return p;
}

} // namespace

PrinterRepository::PrinterRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<Printer>> PrinterRepository::printers()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + printerColumns + u" FROM printers ORDER BY id"_s);
    if (auto ok = db::exec(q, "list printers"); !ok)
        return fail(ok.error());
    QList<Printer> out;
    while (q.next())
        out.append(printerFrom(q));
    return out;
}

Result<std::optional<Printer>> PrinterRepository::printer(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + printerColumns + u" FROM printers WHERE id = ?"_s);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read printer"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<Printer>();
    return std::optional<Printer>(printerFrom(q));
}

Result<qint64> PrinterRepository::insertPrinter(const Printer &p)
{
    const QString now = timestampText(QDateTime::currentDateTimeUtc());
    return db::insertReturningId(m_db,
                                 u"INSERT INTO printers (name, host, port, paper_mm, encoding, stations, status, "
                                 "created_at, stations_since) VALUES (?, ?, ?, ?, ?, ?, 'unknown', ?, ?)"_s,
                                 {p.name, p.host, p.port, p.paperMm, p.encoding, stationsText(p.stations), now, now},
                                 "insert printer");
}

Status PrinterRepository::updatePrinter(const Printer &p)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE printers SET name = ?, host = ?, port = ?, paper_mm = ?, "
                                      "encoding = ?, stations = ?, "
                                      "stations_since = CASE WHEN stations = ? THEN stations_since ELSE ? END WHERE id = ?"_s);
    const QString stations = stationsText(p.stations);
    for (const QVariant &v : QVariantList{p.name, p.host, p.port, p.paperMm, p.encoding, stations, stations,
                                          timestampText(QDateTime::currentDateTimeUtc()), p.id})
        q.addBindValue(v);
    return db::exec(q, "update printer");
}

Status PrinterRepository::deletePrinter(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM printers WHERE id = ?"_s);
    q.addBindValue(id);
    return db::exec(q, "delete printer");
}

Status PrinterRepository::setStatus(qint64 id, const QString &status, const QDateTime &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE printers SET status = ?, status_at = ? WHERE id = ?"_s);
    q.addBindValue(status);
    q.addBindValue(timestampText(at));
    q.addBindValue(id);
    return db::exec(q, "set printer status");
}

Result<QList<StationMode>> PrinterRepository::stationModes()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT station, mode, fallback_seconds FROM station_modes ORDER BY station"_s);
    if (auto ok = db::exec(q, "list station modes"); !ok)
        return fail(ok.error());
    QList<StationMode> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()});
    return out;
}

Status PrinterRepository::setStationMode(const StationMode &mode)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO station_modes (station, mode, fallback_seconds, since) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT (station) DO UPDATE SET mode = excluded.mode, "
                                      "fallback_seconds = excluded.fallback_seconds, "
                                      "since = CASE WHEN station_modes.mode = excluded.mode "
                                      "OR (station_modes.mode IN ('printer', 'both') AND excluded.mode IN ('printer', 'both')) "
                                      "THEN station_modes.since ELSE excluded.since END"_s);
    q.addBindValue(mode.station);
    q.addBindValue(mode.mode);
    q.addBindValue(mode.fallbackSeconds);
    q.addBindValue(timestampText(QDateTime::currentDateTimeUtc()));
    return db::exec(q, "set station mode");
}

Result<QStringList> PrinterRepository::menuStations()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT DISTINCT station FROM menu_categories ORDER BY station"_s);
    if (auto ok = db::exec(q, "list menu stations"); !ok)
        return fail(ok.error());
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<std::optional<qint64>> PrinterRepository::insertJob(const PrintJob &job)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO print_jobs (printer_id, order_id, station, kind, payload, status, "
                                      "order_created_at, created_at) VALUES (?, ?, COALESCE(?, ''), ?, ?, 'queued', ?, ?) "
                                      "ON CONFLICT DO NOTHING RETURNING id"_s);
    q.addBindValue(job.printerId);
    q.addBindValue(job.orderId > 0 ? QVariant(job.orderId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(job.station);
    q.addBindValue(job.kind);
    q.addBindValue(job.payload);
    q.addBindValue(timeText(job.orderCreatedAt));
    q.addBindValue(timestampText(job.createdAt));
    if (auto ok = db::exec(q, "insert print job"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<QList<PrinterRepository::MissingTicket>> PrinterRepository::missingTickets()
{
    QSqlQuery q = db::prepared(
            m_db,
            u"SELECT o.id, s.station, s.mode, o.created_at FROM orders o "
            "JOIN (SELECT DISTINCT order_id, station FROM order_items) i ON i.order_id = o.id "
            "JOIN station_modes s ON s.station = i.station "
            "WHERE o.status IN ('pending', 'preparing') AND ("
            "  (s.mode IN ('printer', 'both') AND EXISTS ("
            "     SELECT 1 FROM printers p, json_each(p.stations) ps WHERE ps.value = s.station "
            "     AND o.created_at >= p.stations_since AND o.created_at >= s.since "
            "     AND NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.order_id = o.id AND j.station = s.station "
            "                     AND j.printer_id = p.id AND j.kind IN ('order', 'fallback'))))"
            "  OR (s.mode = 'fallback' AND o.status = 'pending' AND o.kitchen_acked_at IS NULL "
            "      AND o.created_at >= s.since AND NOT EXISTS ("
            "     SELECT 1 FROM print_jobs j WHERE j.order_id = o.id AND j.station = s.station "
            "     AND j.kind = 'fallback'))) "
            "ORDER BY o.id, s.station"_s);
    if (auto ok = db::exec(q, "list orders missing their tickets"); !ok)
        return fail(ok.error());
    QList<MissingTicket> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    parseTimestamp(q.value(3).toString())});
    return out;
}

Result<QList<PrintJob>> PrinterRepository::selectJobs(const QString &where, const QVariantList &values,
                                                      bool payload, const char *what)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, printer_id, order_id, station, kind, status, attempts, last_error, "
                                      "order_created_at, created_at, printed_at"_s
                                             + (payload ? u", payload"_s : QString()) + u" FROM print_jobs "_s + where);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto ok = db::exec(q, what); !ok)
        return fail(ok.error());
    QList<PrintJob> out;
    while (q.next()) {
        PrintJob j;
        j.id = q.value(0).toLongLong();
        j.printerId = q.value(1).toLongLong();
        j.orderId = q.value(2).toLongLong();
        j.station = q.value(3).toString();
        j.kind = q.value(4).toString();
        j.status = q.value(5).toString();
        j.attempts = q.value(6).toInt();
        j.lastError = q.value(7).toString();
        j.orderCreatedAt = parseTimestamp(q.value(8).toString());
        j.createdAt = parseTimestamp(q.value(9).toString());
        j.printedAt = parseTimestamp(q.value(10).toString());
        if (payload)
            j.payload = q.value(11).toByteArray();
        out.append(j);
    }
    return out;
}

Result<std::optional<PrintJob>> PrinterRepository::nextJob(qint64 printerId, qint64 afterId)
{
    auto jobs = selectJobs(u"WHERE status = 'queued' AND printer_id = ? AND id > ? ORDER BY id LIMIT 1"_s,
                           {printerId, afterId}, true, "next print job");
    if (!jobs)
        return fail(jobs.error());
    if (jobs->isEmpty())
        return std::optional<PrintJob>();
    return std::optional<PrintJob>(jobs->first());
}

Result<QList<PrintJob>> PrinterRepository::jobs(const QString &status, int limit)
{
    if (status.isEmpty())
        return selectJobs(u"ORDER BY id DESC LIMIT ?"_s, {limit}, false, "list print jobs");
    return selectJobs(u"WHERE status = ? ORDER BY id DESC LIMIT ?"_s, {status, limit}, false, "list print jobs");
}

Status PrinterRepository::markPrinted(qint64 id, const QDateTime &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE print_jobs SET status = 'printed', printed_at = ?, "
                                      "attempts = attempts + 1 WHERE id = ?"_s);
    q.addBindValue(timestampText(at));
    q.addBindValue(id);
    return db::exec(q, "mark job printed");
}

Status PrinterRepository::markAttempt(qint64 id, const QString &error)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE print_jobs SET attempts = attempts + 1, last_error = ? WHERE id = ?"_s);
    q.addBindValue(error);
    q.addBindValue(id);
    return db::exec(q, "mark job attempt");
}

Status PrinterRepository::failQueuedOf(qint64 printerId, const QString &why)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE print_jobs SET status = 'failed', last_error = ? "
                                      "WHERE printer_id = ? AND status = 'queued'"_s);
    q.addBindValue(why);
    q.addBindValue(printerId);
    return db::exec(q, "fail print jobs");
}

Result<QHash<qint64, qint64>> PrinterRepository::queuedCounts()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT printer_id, COUNT(*) FROM print_jobs WHERE status = 'queued' "
                                      "GROUP BY printer_id"_s);
    if (auto ok = db::exec(q, "count print jobs"); !ok)
        return fail(ok.error());
    QHash<qint64, qint64> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return out;
}

} // namespace tableorder::edge
