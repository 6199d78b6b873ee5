#pragma once

#include "error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSqlDatabase>

namespace tableorder::central::pg {

/// One parameter of a PreparedStatement: its bytes (a null QByteArray is SQL NULL), as text
/// unless `binary`, in which case `type` is its type's OID.
struct Param
{
    QByteArray bytes;
    unsigned type = 0;
    bool binary = false;
};

/// A statement ($1, $2, ... placeholders) run on a PostgreSQL connection's own libpq handle,
/// in whatever transaction the connection has open, its values sent as parameters. QPSQL
/// instead inlines every bound value into an `EXECUTE` as an escaped literal that the server
/// lexes as SQL: for sync's array parameters (a group's event JSON, hundreds of kilobytes)
/// that copy, escape and lex cost more than the inserts. Prepared once per connection
/// (PQprepare, then PQexecPrepared): PostgreSQL parses it once and, after its first runs,
/// keeps a generic plan (run unnamed, each run was planned with its parameters' values, and
/// planning the events insert with a group's arrays took 8 ms a run). Failures map as
/// db::exec's do (lock or statement timeout: 503 UNAVAILABLE; full disk: STORAGE_FULL; else
/// INTERNAL); the log names `what` and PostgreSQL's primary message, never the values. Slow
/// runs reach the slow-query observer. Run it with every Qt statement's rows on the
/// connection read.
class PreparedStatement
{
public:
    explicit PreparedStatement(QByteArray sql);
    [[nodiscard]] Status exec(QSqlDatabase &db, const QList<Param> &params, const char *what);

private:
    QByteArray m_sql;
    QByteArray m_name; // unique in the process
    void *m_preparedOn = nullptr; // the connection (PGconn) it is prepared on, and its backend
    int m_backend = 0;
};

/// A one-dimensional array parameter in PostgreSQL's binary form (what the server's
/// array_send writes and array_recv reads): values are copied as they are, nothing is
/// escaped here or parsed as text there.
class ArrayBuilder
{
public:
    enum class Element { BigInt, Integer, Text };
    /// `count` elements will follow; `textBytes` is a hint for a text array's size.
    ArrayBuilder(Element element, qsizetype count, qsizetype textBytes = 0);
    void appendNull();
    void append(qint64 value);      // BigInt, Integer
    void append(QByteArrayView utf8); // Text
    /// The array as a binary parameter (typed bigint[], integer[] or text[]).
    [[nodiscard]] Param take();

private:
    Element m_element;
    QByteArray m_bytes;
    bool m_hasNull = false;
};

} // namespace tableorder::central::pg
