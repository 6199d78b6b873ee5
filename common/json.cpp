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

namespace {

/// isCanonicalCompact's reader: one pass, no allocation; false at the first byte it is not
/// sure Qt would write back the same.
class CanonicalReader
{
public:
    explicit CanonicalReader(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    bool document() { return object(1) && m_p == m_end; }

private:
    static constexpr int kMaxDepth = 64;

    bool eat(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool literal(std::string_view word)
    {
        if (m_end - m_p < qsizetype(word.size()) || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }
    bool value(int depth)
    {
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{': return object(depth + 1);
        case '[': return array(depth + 1);
        case '"': return string(false);
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return integer();
        }
    }
    /// -?(0|[1-9][0-9]*), at most 15 digits (exact in a double, written back as digits); not -0.
    bool integer()
    {
        const bool negative = eat('-');
        const char *digits = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        const qsizetype count = m_p - digits;
        if (count == 0 || count > 15)
            return false;
        return *digits != '0' || (count == 1 && !negative);
    }
    /// One continuation byte in [low, high].
    bool continuation(uchar low = 0x80, uchar high = 0xBF)
    {
        if (m_p >= m_end || uchar(*m_p) < low || uchar(*m_p) > high)
            return false;
        ++m_p;
        return true;
    }
    bool string(bool key)
    {
        if (!eat('"'))
            return false;
        while (m_p < m_end) {
            const uchar c = uchar(*m_p++);
            if (c == '"')
                return true;
            if (c == '\\') {
                if (key || m_p >= m_end)
                    return false;
                switch (*m_p++) {
                case '"': case '\\': case 'b': case 'f': case 'n': case 'r': case 't':
                    continue;
                default: // \u and \/ : Qt writes those characters otherwise
                    return false;
                }
            }
            if (c >= 0x20 && c < 0x7F)
                continue;
            if (key || c < 0xC2 || c > 0xF4)
                return false; // controls, DEL, stray continuations, overlong or beyond U+10FFFF
            // Well-formed UTF-8 (RFC 3629's table: no overlong forms, no surrogates).
            char32_t code = 0;
            if (c <= 0xDF) {
                if (!continuation())
                    return false;
                code = char32_t(c & 0x1F) << 6 | (uchar(m_p[-1]) & 0x3F);
            } else if (c <= 0xEF) {
                const bool second = c == 0xE0 ? continuation(0xA0) : c == 0xED ? continuation(0x80, 0x9F) : continuation();
                if (!second || !continuation())
                    return false;
                code = char32_t(c & 0x0F) << 12 | char32_t(uchar(m_p[-2]) & 0x3F) << 6 | (uchar(m_p[-1]) & 0x3F);
            } else {
                const bool second = c == 0xF0 ? continuation(0x90) : c == 0xF4 ? continuation(0x80, 0x8F) : continuation();
                if (!second || !continuation() || !continuation())
                    return false;
                code = char32_t(c & 0x07) << 18 | char32_t(uchar(m_p[-3]) & 0x3F) << 12
                     | char32_t(uchar(m_p[-2]) & 0x3F) << 6 | (uchar(m_p[-1]) & 0x3F);
            }
            // U+FEFF (Qt's reader drops it at a string's start) and the noncharacters.
            if (code == 0xFEFF || (code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE)
                return false;
        }
        return false;
    }
    bool object(int depth)
    {
        if (depth > kMaxDepth || !eat('{'))
            return false;
        if (eat('}'))
            return true;
        QByteArrayView previous;
        bool first = true;
        do {
            const char *keyStart = m_p;
            if (!string(true))
                return false;
            const QByteArrayView key(keyStart + 1, m_p - keyStart - 2);
            if (!first && !(previous < key))
                return false; // Qt keeps an object's keys sorted and unique
            previous = key;
            first = false;
            if (!eat(':') || !value(depth))
                return false;
        } while (eat(','));
        return eat('}');
    }
    bool array(int depth)
    {
        if (depth > kMaxDepth || !eat('['))
            return false;
        if (eat(']'))
            return true;
        do {
            if (!value(depth))
                return false;
        } while (eat(','));
        return eat(']');
    }

    const char *m_p;
    const char *m_end;
};

} // namespace

bool isCanonicalCompact(QByteArrayView json)
{
    return CanonicalReader(json).document();
}

QByteArray compact(const QJsonObject &object)
{
    return escapeByteOrderMarks(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray compact(const QJsonArray &array)
{
    return escapeByteOrderMarks(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace tableorder::json
