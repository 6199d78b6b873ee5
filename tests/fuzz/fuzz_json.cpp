// The strict JSON parser every request body goes through (common/json.*), with the field
// readers the routes use on what it accepts, and the JSON string writer of the hot
// responses.

#include "fuzzcheck.h"
#include "json.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace tableorder;

namespace {

void readFields(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        if (auto i = json::requireInt(object, key, -1000, 1000))
            FUZZ_CHECK(*i >= -1000 && *i <= 1000 && object.value(key).toDouble() == double(*i));
        if (auto s = json::requireString(object, key, 1, 36))
            FUZZ_CHECK(s->size() >= 1 && s->size() <= 36);
        if (auto s = json::requireString(object, key, 0, 200, false))
            FUZZ_CHECK(*s == object.value(key).toString());
        if (auto s = json::optionalString(object, key, 10, u"fallback"_s))
            FUZZ_CHECK(s->size() <= 10 || *s == u"fallback"_s);
        if (auto b = json::requireBool(object, key))
            FUZZ_CHECK(object.value(key).isBool());
        if (auto array = json::requireArray(object, key)) {
            for (const QJsonValue &value : std::as_const(*array)) {
                if (auto i = json::intValue(value, key, std::numeric_limits<qint64>::min(),
                                            std::numeric_limits<qint64>::max()))
                    FUZZ_CHECK(value.toDouble() == double(*i));
            }
        }
    }
    if (auto ok = json::allowOnly(object, {u"items"_s, u"note"_s}); ok)
        FUZZ_CHECK(object.size() <= 2);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Not copied: a read past the input's end is one past the fuzzer's buffer.
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    if (auto object = json::parseObject(body)) {
        readFields(*object);
        // What was accepted is an object that reads back the same from its compact form.
        auto again = json::parseObject(json::compact(*object));
        FUZZ_CHECK(again && *again == *object);
    }

    // What isCanonicalCompact() accepts, Qt reads and writes back byte for byte (central
    // hashes and stores an edge's event JSON as received when it does).
    if (json::isCanonicalCompact(body)) {
        const QJsonDocument read = QJsonDocument::fromJson(body);
        FUZZ_CHECK(read.isObject());
        FUZZ_CHECK(QJsonDocument(read.object()).toJson(QJsonDocument::Compact) == body);
    }

    // The input as text: appendString() writes a JSON string that reads back as that text.
    const QString text = QString::fromUtf8(body);
    QByteArray written = "{\"s\":";
    json::appendString(written, text);
    written += '}';
    auto parsed = json::parseObject(written);
    FUZZ_CHECK(parsed && parsed->value(u"s"_s).toString() == text);
    return 0;
}
