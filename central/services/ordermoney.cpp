#include "ordermoney.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

// A JSON number is a double: one that is not whole, not finite or outside [min, max] is
// refused before any conversion to an integer (which would silently turn 1e30 into 0).
Result<qint64> whole(const QJsonValue &value, const QString &field, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return fail(Error::validation(field, u"%1 must be a number"_s.arg(field)));
    const double v = value.toDouble();
    if (!std::isfinite(v) || std::floor(v) != v)
        return fail(Error::validation(field, u"%1 must be a whole number"_s.arg(field)));
    if (v < double(min))
        return fail(Error::validation(field, u"%1 is %2, below %3"_s.arg(field, QString::number(v, 'g', 17)).arg(min)));
    if (v > double(max))
        return fail(Error::validation(field, u"%1 is %2, above the limit of %3"_s.arg(field, QString::number(v, 'g', 17)).arg(max)));
    return qint64(v);
}

Result<QString> text(const QJsonValue &value, const QString &field, qsizetype maxChars, bool required)
{
    if ((value.isUndefined() || value.isNull()) && !required)
        return QString();
    if (!value.isString())
        return fail(Error::validation(field, u"%1 must be a string"_s.arg(field)));
    const QString s = value.toString();
    if (required && s.isEmpty())
        return fail(Error::validation(field, u"%1 must not be empty"_s.arg(field)));
    if (s.size() > maxChars && s.toUcs4().size() > maxChars)
        return fail(Error::validation(field, u"%1 is longer than %2 characters"_s.arg(field).arg(maxChars)));
    return s;
}

// Checks a line's options and note; returns what the options' deltas add up to.
Result<qint64> checkLineOptions(const QJsonObject &line, const QString &at)
{
    auto note = text(line.value(u"note"_s), at + u"note"_s, kMaxLineNote, false);
    if (!note)
        return fail(note.error());
    qint64 deltas = 0;
    const QJsonValue options = line.value(u"options"_s);
    if (options.isUndefined() || options.isNull())
        return deltas;
    if (!options.isArray())
        return fail(Error::validation(at + u"options"_s, u"%1options must be an array"_s.arg(at)));
    const QJsonArray list = options.toArray();
    if (list.size() > kMaxLineOptions)
        return fail(Error::validation(at + u"options"_s, u"%1options has more than %2 options"_s.arg(at).arg(kMaxLineOptions)));
    QList<qint64> seen;
    for (qsizetype k = 0; k < list.size(); ++k) {
        const QString field = u"%1options[%2]."_s.arg(at).arg(k);
        if (!list.at(k).isObject())
            return fail(Error::validation(field.chopped(1), u"%1 must be an object"_s.arg(field.chopped(1))));
        const QJsonObject o = list.at(k).toObject();
        auto id = whole(o.value(u"id"_s), field + u"id"_s, 1, std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        auto group = text(o.value(u"group"_s), field + u"group"_s, menu::maxNameLength, true);
        if (!group)
            return fail(group.error());
        auto name = text(o.value(u"name"_s), field + u"name"_s, menu::maxNameLength, true);
        if (!name)
            return fail(name.error());
        auto delta = whole(o.value(u"price_delta"_s), field + u"price_delta"_s, -kMaxOptionDelta, kMaxOptionDelta);
        if (!delta)
            return fail(delta.error());
        if (seen.contains(*id))
            return fail(Error::validation(at + u"options"_s, u"%1options names option %2 twice"_s.arg(at).arg(*id)));
        seen.append(*id);
        deltas += *delta; // at most 300 x 1e8: no overflow
    }
    return deltas;
}

} // namespace

Status checkOrderMoney(const QJsonObject &order)
{
    auto total = whole(order.value(u"total"_s), u"total"_s, 0, kMaxOrderMoney);
    if (!total)
        return fail(total.error());
    const QJsonValue items = order.value(u"items"_s);
    if (!items.isArray() || items.toArray().isEmpty())
        return fail(Error::validation(u"items"_s, u"an order needs at least one line"_s));
    qint64 sum = 0;
    const QJsonArray lines = items.toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        const QString at = u"items[%1]."_s.arg(i);
        auto price = whole(line.value(u"unit_price"_s), at + u"unit_price"_s, 0, kMaxOrderMoney);
        if (!price)
            return fail(price.error());
        auto deltas = checkLineOptions(line, at);
        if (!deltas)
            return fail(deltas.error());
        const QJsonValue baseValue = line.value(u"base_price"_s);
        if (!baseValue.isUndefined() && !baseValue.isNull()) {
            // The store says what it priced the line from: the price must be exactly that.
            auto base = whole(baseValue, at + u"base_price"_s, 0, kMaxOrderMoney);
            if (!base)
                return fail(base.error());
            const qint64 expected = std::max<qint64>(0, *base + *deltas); // |deltas| <= 3e10
            if (*price != expected)
                return fail(Error::validation(at + u"unit_price"_s,
                                              u"%1unit_price %2 is not base_price %3 with its options (%4): it does not "
                                              "match its options"_s
                                                  .arg(at).arg(*price).arg(*base).arg(expected)));
        } else if (*price < *deltas) {
            // An edge from before base_price: unit_price = max(0, base + deltas) with base >= 0,
            // so it is never below the deltas; that is all central can check.
            return fail(Error::validation(at + u"unit_price"_s,
                                          u"%1unit_price %2 is below the %3 its options add: it does not match its options"_s
                                              .arg(at).arg(*price).arg(*deltas)));
        }
        auto quantity = whole(line.value(u"quantity"_s), at + u"quantity"_s, 1, kMaxLineQuantity);
        if (!quantity)
            return fail(quantity.error());
        auto lineTotal = whole(line.value(u"line_total"_s), at + u"line_total"_s, 0, kMaxOrderMoney);
        if (!lineTotal)
            return fail(lineTotal.error());
        // Both factors are bounded (1e8 * 1e4), so the product cannot overflow.
        if (*price * *quantity != *lineTotal)
            return fail(Error::validation(at + u"line_total"_s, u"%1line_total %2 is not unit_price %3 x quantity %4"_s
                                                                      .arg(at).arg(*lineTotal).arg(*price).arg(*quantity)));
        sum += *lineTotal; // at most 1e8 per line and a batch is bounded: no overflow
        if (sum > kMaxOrderMoney)
            return fail(Error::validation(u"items"_s, u"the lines add up to more than the limit of %1"_s.arg(kMaxOrderMoney)));
    }
    if (sum != *total)
        return fail(Error::validation(u"total"_s, u"total %1 is not the sum of its lines (%2)"_s.arg(*total).arg(sum)));
    return {};
}

} // namespace tableorder::central
