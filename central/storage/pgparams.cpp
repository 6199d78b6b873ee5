#include "pgparams.h"

#include "database.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <QtEndian>

#include <atomic>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace tableorder::central::pg {

namespace {

PGconn *connectionOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // QPSQL registers the handle as PGconn's struct name.
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

/// The connection, ready for a statement of ours: QPSQL reads a statement's results in
/// single-row mode and fetches its end (the last, empty result) only when the connection's
/// next Qt statement starts; until then libpq counts the command as in progress and would
/// refuse ours. What is left is that end (callers run with every Qt statement's rows read),
/// so it is fetched here; QPSQL then finds nothing left to discard.
PGconn *idleConnection(const QSqlDatabase &db, const char *what)
{
    PGconn *conn = connectionOf(db);
    if (!conn) {
        qCCritical(lcDb) << what << "not run: not a PostgreSQL connection";
        return nullptr;
    }
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE) {
        while (PGresult *left = PQgetResult(conn))
            PQclear(left);
    }
    return conn;
}

/// A statement's outcome as db::exec gives it.
Status outcome(PGconn *conn, PGresult *raw, const char *what)
{
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(raw, &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return {};
    const char *state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const char *primary = result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const QString message = QString::fromUtf8(primary ? primary : PQerrorMessage(conn)).trimmed();
    qCCritical(lcDb) << what << "failed:" << message;
    return fail(db::storageError(
        QSqlError(u"QPSQL: unable to execute"_s, message, QSqlError::StatementError, QString::fromLatin1(state))));
}

/// libpq's view of the parameters.
struct Arguments
{
    explicit Arguments(const QList<Param> &params)
    {
        for (const Param &p : params) {
            types.append(p.binary ? Oid(p.type) : Oid(0));
            values.append(p.bytes.isNull() ? nullptr : p.bytes.constData());
            lengths.append(int(p.bytes.size()));
            formats.append(p.binary ? 1 : 0);
        }
    }
    QList<Oid> types;
    QList<const char *> values;
    QList<int> lengths;
    QList<int> formats;
};

} // namespace

PreparedStatement::PreparedStatement(QByteArray sql)
    : m_sql(std::move(sql))
{
    static std::atomic<int> next = 0;
    m_name = "tableorder_bulk_" + QByteArray::number(++next);
}

Status PreparedStatement::exec(QSqlDatabase &db, const QList<Param> &params, const char *what)
{
    PGconn *conn = idleConnection(db, what);
    if (!conn)
        return fail(Error::internal());
    const Arguments args(params);
    if (m_preparedOn != conn || m_backend != PQbackendPID(conn)) {
        // Prepared statements outlive a rolled-back transaction: once per connection.
        if (auto ok = outcome(conn, PQprepare(conn, m_name.constData(), m_sql.constData(), int(params.size()),
                                              args.types.constData()),
                              what);
            !ok)
            return ok;
        m_preparedOn = conn;
        m_backend = PQbackendPID(conn);
    }
    QElapsedTimer timer;
    timer.start();
    PGresult *result = PQexecPrepared(conn, m_name.constData(), int(params.size()), args.values.constData(),
                                      args.lengths.constData(), args.formats.constData(), 0);
    db::timed(what, timer);
    return outcome(conn, result, what);
}

namespace {

// pg_type OIDs (src/include/catalog/pg_type.dat): the elements, then their arrays.
constexpr quint32 kInt8 = 20, kInt4 = 23, kText = 25;
constexpr quint32 kInt8Array = 1016, kInt4Array = 1007, kTextArray = 1009;

void appendInt32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

ArrayBuilder::ArrayBuilder(Element element, qsizetype count, qsizetype textBytes)
    : m_element(element)
{
    const qsizetype each = element == Element::BigInt ? 12 : element == Element::Integer ? 8 : 4;
    m_bytes.reserve(20 + count * each + textBytes);
    // ndim, has-null flag (set in take()), element type; then the one dimension: its length and
    // lower bound.
    appendInt32(m_bytes, 1);
    appendInt32(m_bytes, 0);
    appendInt32(m_bytes, element == Element::BigInt ? kInt8 : element == Element::Integer ? kInt4 : kText);
    appendInt32(m_bytes, quint32(count));
    appendInt32(m_bytes, 1);
}

void ArrayBuilder::appendNull()
{
    appendInt32(m_bytes, quint32(-1));
    m_hasNull = true;
}

void ArrayBuilder::append(qint64 value)
{
    Q_ASSERT(m_element != Element::Text);
    if (m_element == Element::BigInt) {
        appendInt32(m_bytes, 8);
        char bytes[8];
        qToBigEndian(value, bytes);
        m_bytes.append(bytes, 8);
    } else {
        appendInt32(m_bytes, 4);
        appendInt32(m_bytes, quint32(qint32(value)));
    }
}

void ArrayBuilder::append(QByteArrayView utf8)
{
    Q_ASSERT(m_element == Element::Text);
    appendInt32(m_bytes, quint32(utf8.size()));
    m_bytes.append(utf8.data(), utf8.size());
}

Param ArrayBuilder::take()
{
    if (m_hasNull)
        qToBigEndian(quint32(1), m_bytes.data() + 4);
    const quint32 type = m_element == Element::BigInt ? kInt8Array : m_element == Element::Integer ? kInt4Array : kTextArray;
    return { std::exchange(m_bytes, {}), type, true };
}

} // namespace tableorder::central::pg
