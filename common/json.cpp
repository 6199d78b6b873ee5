#include "json.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tableorder::json {

namespace {

// What Qt's JSON reader would read differently from the JSON grammar, found before it parses
// ("one reading", found by fuzz_json): raw control characters (Qt keeps them in strings; JSON
// requires them escaped) are refused; a raw U+FEFF (Qt drops it at a string's start as a byte
// order mark) is refused outside strings and, inside one, escaped before Qt reads it, so the
// text keeps it as the grammar says (browsers' JSON.stringify writes it raw). Also the depth
// of [ and { outside strings: QJsonDocument accepts nesting up to its own limit, far more than
// any client of ours needs.
struct Scan
{
    int maxDepth = 0;
    bool rawByteOrderMark = false; // inside a string
    QString problem;
};

Scan scan(const QByteArray &body)
{
    Scan result;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            result.problem = u"raw control character at offset %1 (escape it as \\u00XX)"_s.arg(i);
            return result;
        }
        if (c == '\xef' && QByteArrayView(body).sliced(i).startsWith("\xef\xbb\xbf")) {
            if (!inString || escaped) {
                result.problem = u"byte order mark (U+FEFF) outside a string or after a backslash "
                                 u"at offset %1"_s.arg(i);
                return result;
            }
            result.rawByteOrderMark = true;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            result.maxDepth = std::max(result.maxDepth, ++depth);
        else if (c == '}' || c == ']')
            --depth;
    }
    return result;
}

constexpr qint64 maxExactDouble = qint64(1) << 53;

} // namespace

Result<QJsonObject> parseObject(const QByteArray &body, int maxDepth)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(body);
    if (decoder.hasError())
        return fail(Error::validation(u"body"_s, u"request body is not valid UTF-8"_s));
    const Scan scanned = scan(body);
    if (!scanned.problem.isEmpty())
        return fail(Error::validation(u"body"_s, scanned.problem));
    if (scanned.maxDepth > maxDepth)
        return fail(Error::validation(u"body"_s,
                                      u"JSON nesting deeper than %1 levels"_s.arg(maxDepth)));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(
            scanned.rawByteOrderMark ? QByteArray(body).replace("\xef\xbb\xbf", "\\ufeff") : body,
            &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::validation(
                u"body"_s,
                u"malformed JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString())));
    if (!document.isObject())
        return fail(Error::validation(u"body"_s, u"request body must be a JSON object"_s));
    return document.object();
}

Result<qint64> intValue(const QJsonValue &value, const QString &field, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return fail(Error::validation(field, u"%1 must be an integer"_s.arg(field)));
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > double(maxExactDouble))
        return fail(Error::validation(field, u"%1 must be an integer"_s.arg(field)));
    const auto i = static_cast<qint64>(d);
    if (i < min || i > max)
        return fail(Error::validation(field,
                                      u"%1 must be between %2 and %3"_s.arg(field).arg(min).arg(max)));
    return i;
}

Result<qint64> requireInt(const QJsonObject &object, const QString &field, qint64 min, qint64 max)
{
    if (!object.contains(field))
        return fail(Error::validation(field, u"%1 is required"_s.arg(field)));
    return intValue(object.value(field), field, min, max);
}

Result<QString> requireString(const QJsonObject &object, const QString &field,
                              qsizetype minLength, qsizetype maxLength, bool trim)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return fail(Error::validation(field, u"%1 is required"_s.arg(field)));
    if (!value.isString())
        return fail(Error::validation(field, u"%1 must be a string"_s.arg(field)));
    const QString text = trim ? value.toString().trimmed() : value.toString();
    if (text.size() < minLength || text.size() > maxLength)
        return fail(Error::validation(
                field,
                u"%1 must be %2 to %3 characters"_s.arg(field).arg(minLength).arg(maxLength)));
    return text;
}

Result<QString> optionalString(const QJsonObject &object, const QString &field,
                               qsizetype maxLength, const QString &fallback)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    return requireString(object, field, 0, maxLength);
}

Result<bool> requireBool(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return fail(Error::validation(field, u"%1 is required"_s.arg(field)));
    if (!value.isBool())
        return fail(Error::validation(field, u"%1 must be true or false"_s.arg(field)));
    return value.toBool();
}

Result<QJsonArray> requireArray(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return fail(Error::validation(field, u"%1 is required"_s.arg(field)));
    if (!value.isArray())
        return fail(Error::validation(field, u"%1 must be an array"_s.arg(field)));
    return value.toArray();
}

Status allowOnly(const QJsonObject &object, std::initializer_list<QString> fields)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(fields.begin(), fields.end(), it.key()) == fields.end())
            return fail(Error::validation(it.key(), u"unknown field %1"_s.arg(it.key())));
    }
    return {};
}

void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        // U+FEFF written raw at a string's start is dropped by Qt's JSON reader as a byte
        // order mark (found by fuzz_json): escaped, it reads back as the same text.
        if (c == '\xef' && QByteArrayView(utf8).sliced(i).startsWith("\xef\xbb\xbf")) {
            out += "\\ufeff";
            i += 2;
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

namespace {

// Qt writes U+FEFF raw; escaped, it reads back as the same text (see scan()). Outside strings
// Qt's compact form is ASCII, so every such sequence is inside a string.
QByteArray escapeByteOrderMarks(QByteArray json)
{
    if (json.contains("\xef\xbb\xbf"))
        json.replace("\xef\xbb\xbf", "\\ufeff");
    return json;
}

} // namespace

QByteArray compact(const QJsonObject &object)
{
    return escapeByteOrderMarks(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray compact(const QJsonArray &array)
{
    return escapeByteOrderMarks(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace tableorder::json
