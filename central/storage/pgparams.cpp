#include "pgparams.h"

#include "database.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <memory>

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

} // namespace

Status execParams(QSqlDatabase &db, const QByteArray &sql, const QList<QByteArray> &params, const char *what)
{
    PGconn *conn = connectionOf(db);
    if (!conn) {
        qCCritical(lcDb) << what << "not run: not a PostgreSQL connection";
        return fail(Error::internal());
    }
    // QPSQL reads a statement's results in single-row mode and fetches its end (the last,
    // empty result) only when the connection's next Qt statement starts: until then libpq
    // counts the command as in progress and would refuse ours. What is left is that end
    // (callers run this with every Qt statement's rows read), so it is fetched here; QPSQL
    // then finds nothing left to discard.
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE) {
        while (PGresult *left = PQgetResult(conn))
            PQclear(left);
    }
    QList<const char *> values;
    QList<int> lengths;
    values.reserve(params.size());
    lengths.reserve(params.size());
    for (const QByteArray &p : params) {
        values.append(p.isNull() ? nullptr : p.constData());
        lengths.append(int(p.size()));
    }
    QElapsedTimer timer;
    timer.start();
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(conn, sql.constData(), int(params.size()), nullptr, values.constData(), lengths.constData(),
                     nullptr, 0),
        &PQclear);
    db::timed(what, timer);
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

} // namespace tableorder::central::pg
