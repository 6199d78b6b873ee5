#include "edgejson.h"

#include "json.h"
#include "menu/menumodel.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Result<OrderInput> orderInputFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"client_order_id"_s, u"items"_s, u"note"_s}); !ok)
        return fail(ok.error());
    OrderInput input;
    auto clientId = json::requireString(*object, u"client_order_id"_s, 36, 36);
    if (!clientId)
        return fail(Error::validation(u"client_order_id"_s, u"client_order_id must be a UUID"_s));
    input.clientOrderId = *clientId;
    auto items = json::requireArray(*object, u"items"_s);
    if (!items)
        return fail(items.error());
    if (items->isEmpty())
        return fail(Error::validation(u"items"_s, u"an order needs at least one item"_s));
    if (items->size() > 50)
        return fail(Error::validation(u"items"_s, u"an order has at most 50 lines"_s));
    for (qsizetype i = 0; i < items->size(); ++i) {
        const QString field = u"items[%1]"_s.arg(i);
        if (!items->at(i).isObject())
            return fail(Error::validation(field, field + u" must be an object"_s));
        const QJsonObject line = items->at(i).toObject();
        if (auto ok = json::allowOnly(line, {u"menu_item_id"_s, u"quantity"_s, u"options"_s, u"note"_s}); !ok)
            return fail(Error::validation(field + u'.' + ok.error().details[u"field"_s].toString(),
                                          ok.error().message));
        if (!line.contains(u"menu_item_id"_s))
            return fail(Error::validation(field + u".menu_item_id"_s, u"menu_item_id is required"_s));
        auto id = json::intValue(line.value(u"menu_item_id"_s), field + u".menu_item_id"_s, 1,
                                 std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        if (!line.contains(u"quantity"_s))
            return fail(Error::validation(field + u".quantity"_s, u"quantity is required"_s));
        auto quantity = json::intValue(line.value(u"quantity"_s), field + u".quantity"_s, 1, 100);
        if (!quantity)
            return fail(quantity.error());
        OrderLineInput parsed{*id, int(*quantity)};
        if (line.contains(u"options"_s) && !line.value(u"options"_s).isNull()) {
            const QString optionsField = field + u".options"_s;
            const QJsonValue options = line.value(u"options"_s);
            if (!options.isArray())
                return fail(Error::validation(optionsField, optionsField + u" must be an array of option ids"_s));
            const QJsonArray list = options.toArray();
            // Past 10 groups of 30 options a line cannot be valid; stop reading early.
            if (list.size() > menu::maxGroupsPerItem * menu::maxOptionsPerGroup)
                return fail(Error::validation(optionsField, optionsField + u" has too many options"_s));
            for (qsizetype k = 0; k < list.size(); ++k) {
                auto option = json::intValue(list.at(k), optionsField, 1, std::numeric_limits<qint32>::max());
                if (!option)
                    return fail(option.error());
                parsed.options.append(*option);
            }
        }
        if (line.contains(u"note"_s) && !line.value(u"note"_s).isNull()) {
            const QJsonValue note = line.value(u"note"_s);
            const QString noteField = field + u".note"_s;
            if (!note.isString() || note.toString().trimmed().size() > menu::maxLineNoteLength)
                return fail(Error::validation(noteField, u"%1 must be a string of at most %2 characters"_s.arg(
                                                                 noteField).arg(menu::maxLineNoteLength)));
            parsed.note = note.toString().trimmed();
        }
        input.items.append(parsed);
    }
    auto note = json::optionalString(*object, u"note"_s, 200);
    if (!note)
        return fail(note.error());
    input.note = *note;
    return input;
}

namespace {

template<typename T>
Status optionalField(const QJsonObject &object, const QString &field, std::optional<T> &out,
                     auto &&read)
{
    if (!object.contains(field))
        return {};
    auto value = read();
    if (!value)
        return fail(value.error());
    out = T(*value);
    return {};
}

} // namespace

Result<menu::OptionGroup> optionGroupInputFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    return menu::optionGroupFromJson(*object, QString());
}

Result<QList<qint64>> idOrderFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"ids"_s}); !ok)
        return fail(ok.error());
    auto ids = json::requireArray(*object, u"ids"_s);
    if (!ids)
        return fail(ids.error());
    if (ids->size() > 1000)
        return fail(Error::validation(u"ids"_s, u"ids lists at most 1000 ids"_s));
    QList<qint64> out;
    for (qsizetype i = 0; i < ids->size(); ++i) {
        const QString field = u"ids[%1]"_s.arg(i);
        auto id = json::intValue(ids->at(i), field, 1, std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        if (out.contains(*id))
            return fail(Error::validation(field, u"id %1 is listed twice"_s.arg(*id)));
        out.append(*id);
    }
    return out;
}

Result<std::pair<QString, QString>> callInputFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"reason"_s, u"note"_s}); !ok)
        return fail(ok.error());
    auto reason = json::requireString(*object, u"reason"_s, 1, 32);
    if (!reason)
        return fail(reason.error());
    auto note = json::optionalString(*object, u"note"_s, calls::maxNoteLength);
    if (!note)
        return fail(note.error());
    return std::pair{*reason, *note};
}

Result<std::optional<qint64>> stockInputFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"stock"_s}); !ok)
        return fail(ok.error());
    return menu::stockFromJson(object->value(u"stock"_s), u"stock"_s);
}

Result<CategoryInput> categoryInputFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"name"_s, u"display_order"_s, u"station"_s, u"translations"_s,
                                            u"available_hours"_s});
        !ok)
        return fail(ok.error());
    CategoryInput input;
    Status ok = optionalField(*object, u"name"_s, input.name,
                              [&] { return json::requireString(*object, u"name"_s, 1, 100); });
    if (ok)
        ok = optionalField(*object, u"display_order"_s, input.displayOrder, [&] {
            return json::requireInt(*object, u"display_order"_s, -1'000'000, 1'000'000);
        });
    if (ok)
        ok = optionalField(*object, u"station"_s, input.station,
                           [&] { return json::requireString(*object, u"station"_s, 1, 32); });
    if (ok)
        ok = optionalField(*object, u"translations"_s, input.translations, [&] {
            return menu::translationsFromJson(object->value(u"translations"_s), u"translations"_s);
        });
    if (ok)
        ok = optionalField(*object, u"available_hours"_s, input.hours, [&] {
            return menu::hoursFromJson(object->value(u"available_hours"_s), u"available_hours"_s);
        });
    if (!ok)
        return fail(ok.error());
    return input;
}

Result<ItemInput> itemInputFromJson(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"category_id"_s, u"name"_s, u"description"_s, u"price"_s,
                                            u"available"_s, u"display_order"_s, u"option_group_ids"_s,
                                            u"allergens"_s, u"tags"_s, u"translations"_s,
                                            u"available_hours"_s, u"stock"_s});
        !ok)
        return fail(ok.error());
    ItemInput in;
    const QJsonObject &o = *object;
    Status ok = optionalField(o, u"category_id"_s, in.categoryId,
                              [&] { return json::requireInt(o, u"category_id"_s, 1, std::numeric_limits<qint32>::max()); });
    if (ok)
        ok = optionalField(o, u"name"_s, in.name, [&] { return json::requireString(o, u"name"_s, 1, 100); });
    if (ok)
        ok = optionalField(o, u"description"_s, in.description,
                           [&] { return json::optionalString(o, u"description"_s, 500); });
    if (ok)
        ok = optionalField(o, u"price"_s, in.price,
                           [&] { return json::requireInt(o, u"price"_s, 0, 100'000'000); });
    if (ok)
        ok = optionalField(o, u"available"_s, in.available, [&] { return json::requireBool(o, u"available"_s); });
    if (ok)
        ok = optionalField(o, u"display_order"_s, in.displayOrder,
                           [&] { return json::requireInt(o, u"display_order"_s, -1'000'000, 1'000'000); });
    if (ok)
        ok = optionalField(o, u"option_group_ids"_s, in.optionGroupIds,
                           [&] { return menu::groupIdsFromJson(o.value(u"option_group_ids"_s), u"option_group_ids"_s); });
    if (ok)
        ok = optionalField(o, u"allergens"_s, in.allergens,
                           [&] { return menu::allergensFromJson(o.value(u"allergens"_s), u"allergens"_s); });
    if (ok)
        ok = optionalField(o, u"tags"_s, in.tags, [&] { return menu::tagsFromJson(o.value(u"tags"_s), u"tags"_s); });
    if (ok)
        ok = optionalField(o, u"translations"_s, in.translations, [&] {
            return menu::translationsFromJson(o.value(u"translations"_s), u"translations"_s);
        });
    if (ok)
        ok = optionalField(o, u"available_hours"_s, in.hours,
                           [&] { return menu::hoursFromJson(o.value(u"available_hours"_s), u"available_hours"_s); });
    if (ok)
        ok = optionalField(o, u"stock"_s, in.stock, [&] { return menu::stockFromJson(o.value(u"stock"_s), u"stock"_s); });
    if (!ok)
        return fail(ok.error());
    return in;
}

namespace {

Result<QDateTime> timeFromQuery(const QString &text, const QString &field, const QTimeZone &zone,
                                bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), zone).toUTC();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return fail(Error::validation(field, field + u" must be a date (YYYY-MM-DD) or an ISO-8601 time"_s));
    return time.toUTC();
}

} // namespace

Result<std::pair<QDateTime, QDateTime>> timeRangeFromQuery(const http::HttpRequest &request,
                                                           const QTimeZone &zone)
{
    auto from = timeFromQuery(request.query(u"from"_s), u"from"_s, zone, false);
    if (!from)
        return fail(from.error());
    auto to = timeFromQuery(request.query(u"to"_s), u"to"_s, zone, true);
    if (!to)
        return fail(to.error());
    if (from->isValid() && to->isValid() && *from > *to)
        return fail(Error::validation(u"from"_s, u"from must not be after to"_s));
    return std::pair{*from, *to};
}

Result<std::pair<int, int>> pageFromQuery(const http::HttpRequest &request, int defaultLimit, int maxLimit)
{
    int limit = defaultLimit;
    int offset = 0;
    if (request.hasQuery(u"limit"_s)) {
        bool ok = false;
        limit = request.query(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > maxLimit)
            return fail(Error::validation(u"limit"_s, u"limit must be from 1 to %1"_s.arg(maxLimit)));
    }
    if (request.hasQuery(u"offset"_s)) {
        bool ok = false;
        offset = request.query(u"offset"_s).toInt(&ok);
        if (!ok || offset < 0)
            return fail(Error::validation(u"offset"_s, u"offset must be a non-negative integer"_s));
    }
    return std::pair{limit, offset};
}

Result<QStringList> stationsFromQuery(const QString &text)
{
    QStringList stations;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (!MenuService::isValidStation(name))
            return fail(Error::validation(u"stations"_s, u"stations must be station names separated by commas; %1 is not one"_s.arg(name)));
        if (!stations.contains(name))
            stations.append(name);
    }
    return stations;
}

Result<OrderFilter> orderFilterFromQuery(const http::HttpRequest &request, const QTimeZone &zone)
{
    OrderFilter filter;
    const QString statuses = request.query(u"status"_s);
    if (!statuses.isEmpty()) {
        for (const QString &name : statuses.split(u',', Qt::SkipEmptyParts)) {
            auto status = parseOrderStatus(name.trimmed());
            if (!status)
                return fail(Error::validation(u"status"_s, u"unknown status %1"_s.arg(name)));
            filter.statuses.append(*status);
        }
    }
    auto stations = stationsFromQuery(request.query(u"stations"_s));
    if (!stations)
        return fail(stations.error());
    filter.stations = *stations;
    auto range = timeRangeFromQuery(request, zone);
    if (!range)
        return fail(range.error());
    std::tie(filter.from, filter.to) = *range;
    auto page = pageFromQuery(request, 200, 1000);
    if (!page)
        return fail(page.error());
    filter.limit = page->first;
    filter.offset = page->second;
    return filter;
}

} // namespace tableorder::edge
