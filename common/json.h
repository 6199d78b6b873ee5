#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace tableorder::json {

/// Parses a request body that must be one JSON object: valid UTF-8, nesting at most
/// maxDepth, no duplicate-free guarantees beyond Qt's (last key wins).
[[nodiscard]] Result<QJsonObject> parseObject(const QByteArray &body, int maxDepth = 16);

/// Integer field that must be a JSON number with an exact integer value in [min, max]
/// (rejects 1.5, "1", null, true and values beyond 2^53).
[[nodiscard]] Result<qint64> requireInt(const QJsonObject &object, const QString &field,
                                        qint64 min, qint64 max);
[[nodiscard]] Result<qint64> intValue(const QJsonValue &value, const QString &field, qint64 min,
                                      qint64 max);
/// String field: present, a string, length in [minLength, maxLength]; trimmed unless
/// told otherwise (passwords are taken as typed).
[[nodiscard]] Result<QString> requireString(const QJsonObject &object, const QString &field,
                                            qsizetype minLength, qsizetype maxLength,
                                            bool trim = true);
/// Optional string: absent or null gives the fallback; otherwise as requireString.
[[nodiscard]] Result<QString> optionalString(const QJsonObject &object, const QString &field,
                                             qsizetype maxLength, const QString &fallback = {});
[[nodiscard]] Result<bool> requireBool(const QJsonObject &object, const QString &field);
[[nodiscard]] Result<QJsonArray> requireArray(const QJsonObject &object, const QString &field);

/// Rejects fields the endpoint does not know, so a typo is an error rather than ignored.
[[nodiscard]] Status allowOnly(const QJsonObject &object, std::initializer_list<QString> fields);

QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);

/// True when `json` is a JSON object exactly as QJsonDocument::toJson(Compact) writes the
/// object QJsonDocument::fromJson reads from it, so that the bytes can stand for the object
/// (hashed, stored) without serializing it again. Conservative: compact text, ASCII keys in
/// strictly increasing order (so no duplicates), integers of at most 15 digits, strings of
/// printable ASCII, the escapes \" \\ \b \f \n \r \t and well-formed UTF-8 without a BOM
/// or noncharacters, nesting at most 64. Anything else answers false: the caller serializes.
[[nodiscard]] bool isCanonicalCompact(QByteArrayView json);

/// Appends `text` as a JSON string (quoted, escaped per RFC 8259, UTF-8), for the few hot
/// responses written directly instead of through QJsonObject.
void appendString(QByteArray &out, QStringView text);

} // namespace tableorder::json
