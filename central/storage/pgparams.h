#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

namespace tableorder::central::pg {

/// Runs `sql` ($1, $2, ... placeholders) on a PostgreSQL connection's own libpq handle, in
/// whatever transaction the connection has open, with `params` sent as text parameters
/// (a null QByteArray is SQL NULL). QPSQL instead inlines every bound value into an
/// `EXECUTE` as an escaped literal that the server lexes as SQL: for sync's array parameters
/// (a group's event JSON, hundreds of kilobytes) that copy, escape and lex cost more than the
/// inserts. Failures map as db::exec's do (lock or statement timeout: 503 UNAVAILABLE; full
/// disk: STORAGE_FULL; else INTERNAL); the log names `what` and PostgreSQL's primary
/// message, never the SQL's values. Slow statements reach the slow-query observer.
[[nodiscard]] Status execParams(QSqlDatabase &db, const QByteArray &sql, const QList<QByteArray> &params,
                                const char *what);

} // namespace tableorder::central::pg
