#include "kitchenevents.h"

#include "domain.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tableorder::central::kitchenevents {

namespace {
constexpr qint64 kMaxId = qint64(1) << 53; // JSON numbers are exact up to here
constexpr int kMaxLines = 500;

Result<qint64> positiveId(const QJsonValue &value, const QString &field)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > double(kMaxId) || number != double(qint64(number)))
        return fail(Error::validation(field, field + u" must be a positive integer"_s));
    return qint64(number);
}

Result<QList<qint64>> ids(const QJsonObject &data)
{
    const QJsonArray array = data.value(u"item_ids"_s).toArray();
    if (array.isEmpty() || array.size() > kMaxLines)
        return fail(Error::validation(u"item_ids"_s, u"item_ids must list 1 to 500 lines"_s));
    QList<qint64> out;
    for (const QJsonValue &value : array) {
        auto id = positiveId(value, u"item_ids"_s);
        if (!id)
            return fail(id.error());
        out.append(*id);
    }
    return out;
}

QDateTime time(const QJsonObject &data, const QString &field)
{
    return data.value(field).isString() ? parseTimestamp(data.value(field).toString()) : QDateTime();
}
} // namespace

bool isKitchenEvent(const Event &event)
{
    return event.type == QLatin1StringView(events::OrderLinesDone)
            || event.type == QLatin1StringView(events::OrderRecalled);
}

Result<QList<LineDone>> linesDone(const Event &event)
{
    const QJsonObject &data = event.data;
    auto orderId = positiveId(data.value(u"order_id"_s), u"order_id"_s);
    if (!orderId)
        return fail(orderId.error());
    auto itemIds = ids(data);
    if (!itemIds)
        return fail(itemIds.error());
    const QDateTime doneAt = time(data, u"done_at"_s);
    const QDateTime createdAt = time(data, u"order_created_at"_s);
    if (!doneAt.isValid() || !createdAt.isValid())
        return fail(Error::validation(u"done_at"_s, u"done_at and order_created_at must be timestamps"_s));
    const QString businessDate = data.value(u"business_date"_s).toString();
    if (businessDate.size() != 10 || !QDate::fromString(businessDate, Qt::ISODate).isValid())
        return fail(Error::validation(u"business_date"_s, u"business_date must be a date (YYYY-MM-DD)"_s));
    QList<LineDone> out;
    for (const QJsonValue &value : data.value(u"lines"_s).toArray()) {
        const QJsonObject line = value.toObject();
        auto id = positiveId(line.value(u"id"_s), u"lines.id"_s);
        if (!id)
            return fail(id.error());
        auto item = positiveId(line.value(u"menu_item_id"_s), u"lines.menu_item_id"_s);
        if (!item)
            return fail(item.error());
        const QString name = line.value(u"name"_s).toString();
        const QString station = line.value(u"station"_s).toString();
        if (name.isEmpty() || name.size() > 200 || station.isEmpty() || station.size() > 32)
            return fail(Error::validation(u"lines"_s, u"each line needs a name and a station"_s));
        if (!itemIds->contains(*id))
            return fail(Error::validation(u"lines"_s, u"a line that item_ids does not list"_s));
        out.append({*id, *orderId, businessDate, createdAt, *item, name, station, doneAt});
    }
    if (out.size() != itemIds->size())
        return fail(Error::validation(u"lines"_s, u"lines must describe each of item_ids once"_s));
    return out;
}

Result<QList<qint64>> recalled(const Event &event)
{
    if (auto orderId = positiveId(event.data.value(u"order_id"_s), u"order_id"_s); !orderId)
        return fail(orderId.error());
    return ids(event.data);
}

Status check(const Event &event)
{
    if (event.type == QLatin1StringView(events::OrderLinesDone)) {
        if (auto lines = linesDone(event); !lines)
            return fail(lines.error());
    } else if (event.type == QLatin1StringView(events::OrderRecalled)) {
        if (auto lines = recalled(event); !lines)
            return fail(lines.error());
    }
    return {};
}

} // namespace tableorder::central::kitchenevents
