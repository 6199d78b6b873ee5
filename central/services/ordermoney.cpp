#include "ordermoney.h"

#include <QJsonArray>

#include <cmath>

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
