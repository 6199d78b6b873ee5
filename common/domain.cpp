#include "domain.h"

#include "json.h"

#include <QJsonArray>
#include <QTimeZone>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace tableorder {

QString orderStatusName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending: return u"pending"_s;
    case OrderStatus::Preparing: return u"preparing"_s;
    case OrderStatus::Completed: return u"completed"_s;
    case OrderStatus::Canceled: return u"canceled"_s;
    case OrderStatus::Served: return u"served"_s;
    }
    return {};
}

std::optional<OrderStatus> parseOrderStatus(QStringView name)
{
    for (auto status : {OrderStatus::Pending, OrderStatus::Preparing, OrderStatus::Completed,
                        OrderStatus::Canceled, OrderStatus::Served}) {
        if (name == orderStatusName(status))
            return status;
    }
    return std::nullopt;
}

bool isAllowedTransition(OrderStatus from, OrderStatus to)
{
    switch (to) {
    case OrderStatus::Preparing: return from == OrderStatus::Pending;
    case OrderStatus::Completed: return from == OrderStatus::Preparing;
    case OrderStatus::Canceled: return from == OrderStatus::Pending || from == OrderStatus::Preparing;
    case OrderStatus::Served: return from == OrderStatus::Completed;
    case OrderStatus::Pending: return false;
    }
    return false;
}

bool isActive(OrderStatus status)
{
    return status == OrderStatus::Pending || status == OrderStatus::Preparing;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Table: return u"table"_s;
    case Role::Kitchen: return u"kitchen"_s;
    case Role::Manager: return u"manager"_s;
    case Role::Staff: return u"staff"_s;
    }
    return {};
}

std::optional<Role> parseRole(QStringView name)
{
    for (auto role : {Role::Table, Role::Kitchen, Role::Manager, Role::Staff}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

QString timestampText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // Formatted by hand: QDateTime::toString(Qt::ISODateWithMs) was 3.5% of an order's CPU
    // (four timestamps per order). Same text: "2026-11-21T17:13:25.954Z".
    using namespace std::chrono;
    const sys_time<milliseconds> at{milliseconds{time.toMSecsSinceEpoch()}};
    const auto day = floor<days>(at);
    const year_month_day date{day};
    const hh_mm_ss clock{at - day};
    char text[40];
    const int length = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                                     int(date.year()), unsigned(date.month()), unsigned(date.day()),
                                     int(clock.hours().count()), int(clock.minutes().count()),
                                     int(clock.seconds().count()), int(clock.subseconds().count()));
    return QString::fromLatin1(text, length);
}

QJsonValue timestampJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(timestampText(time)) : QJsonValue(QJsonValue::Null);
}

QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    // The form timestampText() writes, read by hand (five per order in every order list;
    // QDateTime::fromString was most of a staff poll's row reading). Anything else goes
    // through Qt.
    if (text.size() == 24 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T'
        && text.at(13) == u':' && text.at(16) == u':' && text.at(19) == u'.' && text.at(23) == u'Z') {
        bool ok = true;
        auto field = [&](int from, int length) {
            int value = 0;
            for (int i = from; i < from + length; ++i) {
                const char16_t c = text.at(i).unicode();
                ok = ok && c >= u'0' && c <= u'9';
                value = value * 10 + (c - u'0');
            }
            return value;
        };
        using namespace std::chrono;
        const year_month_day date{year{field(0, 4)}, month(unsigned(field(5, 2))), day(unsigned(field(8, 2)))};
        const int h = field(11, 2), m = field(14, 2), sec = field(17, 2), ms = field(20, 3);
        if (ok && date.ok() && h < 24 && m < 60 && sec < 60) {
            const auto at = sys_days{date} + hours{h} + minutes{m} + seconds{sec} + milliseconds{ms};
            return QDateTime::fromMSecsSinceEpoch(at.time_since_epoch().count(), QTimeZone::utc());
        }
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

QJsonObject toJson(const OrderLine &line)
{
    QJsonObject object{{u"menu_item_id"_s, line.menuItemId},
                       {u"name"_s, line.name},
                       {u"unit_price"_s, line.unitPrice},
                       {u"quantity"_s, line.quantity},
                       {u"line_total"_s, line.lineTotal},
                       {u"options"_s, menu::toJson(line.options)},
                       {u"note"_s, line.note}};
    if (line.basePrice)
        object.insert(u"base_price"_s, *line.basePrice);
    if (!line.station.isEmpty())
        object.insert(u"station"_s, line.station);
    if (line.id > 0)
        object.insert(u"id"_s, line.id);
    object.insert(u"done_at"_s, timestampJson(line.doneAt));
    return object;
}

QJsonObject toJson(const Order &order)
{
    QJsonArray items;
    for (const OrderLine &line : order.items)
        items.append(toJson(line));
    return {{u"id"_s, order.id},
            {u"number"_s, order.number},
            {u"business_date"_s, order.businessDate},
            {u"table_id"_s, order.tableId},
            {u"table_number"_s, order.tableNumber},
            {u"session_id"_s, order.sessionId},
            {u"status"_s, orderStatusName(order.status)},
            {u"items"_s, items},
            {u"total"_s, order.total},
            {u"note"_s, order.note},
            {u"client_order_id"_s, order.clientOrderId},
            {u"created_at"_s, timestampJson(order.createdAt)},
            {u"updated_at"_s, timestampJson(order.updatedAt)},
            {u"preparing_at"_s, timestampJson(order.preparingAt)},
            {u"completed_at"_s, timestampJson(order.completedAt)},
            {u"canceled_at"_s, timestampJson(order.canceledAt)},
            {u"served_at"_s, timestampJson(order.servedAt)},
            {u"kitchen_acked_at"_s, timestampJson(order.kitchenAckedAt)}};
}

void appendJson(QByteArray &out, const Order &order)
{
    auto key = [&out](const char *name) {
        out += '"';
        out += name;
        out += "\":";
    };
    auto number = [&](const char *name, qint64 value) {
        key(name);
        out += QByteArray::number(value);
        out += ',';
    };
    auto string = [&](const char *name, QStringView value) {
        key(name);
        json::appendString(out, value);
        out += ',';
    };
    auto timestamp = [&](const char *name, const QDateTime &value) {
        key(name);
        if (value.isValid())
            json::appendString(out, timestampText(value));
        else
            out += "null";
        out += ',';
    };
    out += '{';
    number("id", order.id);
    number("number", order.number);
    string("business_date", order.businessDate);
    number("table_id", order.tableId);
    number("table_number", order.tableNumber);
    number("session_id", order.sessionId);
    string("status", orderStatusName(order.status));
    key("items");
    out += '[';
    for (qsizetype i = 0; i < order.items.size(); ++i) {
        const OrderLine &line = order.items.at(i);
        if (i > 0)
            out += ',';
        out += '{';
        number("menu_item_id", line.menuItemId);
        string("name", line.name);
        number("unit_price", line.unitPrice);
        number("quantity", line.quantity);
        number("line_total", line.lineTotal);
        key("options");
        out += '[';
        for (qsizetype k = 0; k < line.options.size(); ++k) {
            const menu::PricedOption &option = line.options.at(k);
            if (k > 0)
                out += ',';
            out += '{';
            number("id", option.id);
            string("group", option.group);
            string("name", option.name);
            number("price_delta", option.priceDelta);
            out.chop(1);
            out += '}';
        }
        out += "],";
        string("note", line.note);
        if (line.basePrice)
            number("base_price", *line.basePrice);
        if (!line.station.isEmpty())
            string("station", line.station);
        if (line.id > 0)
            number("id", line.id);
        timestamp("done_at", line.doneAt);
        out.chop(1); // the last comma
        out += '}';
    }
    out += "],";
    number("total", order.total);
    string("note", order.note);
    string("client_order_id", order.clientOrderId);
    timestamp("created_at", order.createdAt);
    timestamp("updated_at", order.updatedAt);
    timestamp("preparing_at", order.preparingAt);
    timestamp("completed_at", order.completedAt);
    timestamp("canceled_at", order.canceledAt);
    timestamp("served_at", order.servedAt);
    timestamp("kitchen_acked_at", order.kitchenAckedAt);
    out.chop(1); // the last comma
    out += '}';
}

Result<Order> orderFromJson(const QJsonObject &o)
{
    for (const QString &field : {u"id"_s, u"number"_s, u"total"_s, u"table_number"_s}) {
        if (!o.value(field).isDouble())
            return fail(Error::validation(field, u"order.%1 must be a number"_s.arg(field)));
    }
    for (const QString &field : {u"status"_s, u"business_date"_s, u"created_at"_s}) {
        if (!o.value(field).isString())
            return fail(Error::validation(field, u"order.%1 must be a string"_s.arg(field)));
    }
    const auto status = parseOrderStatus(o.value(u"status"_s).toString());
    if (!status)
        return fail(Error::validation(u"status"_s, u"unknown order status"_s));
    Order order;
    order.id = o.value(u"id"_s).toInteger();
    order.number = int(o.value(u"number"_s).toInteger());
    order.businessDate = o.value(u"business_date"_s).toString();
    order.sessionId = o.value(u"session_id"_s).toInteger();
    order.tableId = o.value(u"table_id"_s).toInteger();
    order.tableNumber = int(o.value(u"table_number"_s).toInteger());
    order.status = *status;
    order.total = o.value(u"total"_s).toInteger();
    order.note = o.value(u"note"_s).toString();
    order.clientOrderId = o.value(u"client_order_id"_s).toString();
    order.createdAt = parseTimestamp(o.value(u"created_at"_s).toString());
    order.updatedAt = parseTimestamp(o.value(u"updated_at"_s).toString());
    order.preparingAt = parseTimestamp(o.value(u"preparing_at"_s).toString());
    order.completedAt = parseTimestamp(o.value(u"completed_at"_s).toString());
    order.canceledAt = parseTimestamp(o.value(u"canceled_at"_s).toString());
    order.servedAt = parseTimestamp(o.value(u"served_at"_s).toString());
    order.kitchenAckedAt = parseTimestamp(o.value(u"kitchen_acked_at"_s).toString());
    Money sum = 0;
    for (const QJsonValue &value : o.value(u"items"_s).toArray()) {
        const QJsonObject line = value.toObject();
        OrderLine l{line.value(u"menu_item_id"_s).toInteger(), line.value(u"name"_s).toString(),
                    line.value(u"unit_price"_s).toInteger(), int(line.value(u"quantity"_s).toInteger()),
                    line.value(u"line_total"_s).toInteger(), line.value(u"station"_s).toString()};
        // Lines from before options existed carry neither field.
        auto options = menu::pricedOptionsFromJson(line.value(u"options"_s), u"items.options"_s);
        if (!options)
            return fail(options.error());
        l.options = *options;
        l.note = line.value(u"note"_s).toString();
        // Absent on lines of older edges (central's checkOrderMoney checked it when present).
        if (line.value(u"base_price"_s).isDouble())
            l.basePrice = line.value(u"base_price"_s).toInteger();
        // Both absent on lines of edges from before line done times.
        l.id = line.value(u"id"_s).toInteger();
        l.doneAt = parseTimestamp(line.value(u"done_at"_s).toString());
        // Checked arithmetic: the numbers come from a store's upload, and a line total or sum
        // beyond 64 bits was signed overflow (tests/fuzz/corpus/sync_upload/order_huge_price).
        Money lineTotal = 0;
        if (l.quantity <= 0 || __builtin_mul_overflow(l.unitPrice, Money(l.quantity), &lineTotal)
            || l.lineTotal != lineTotal || __builtin_add_overflow(sum, lineTotal, &sum))
            return fail(Error::validation(u"items"_s, u"order line totals do not add up"_s));
        order.items.append(l);
    }
    if (order.items.isEmpty() || sum != order.total || !order.createdAt.isValid())
        return fail(Error::validation(u"total"_s, u"order total does not match its lines"_s));
    return order;
}

QJsonObject toJson(const StaffCall &call)
{
    auto actor = [](const QJsonObject &who) { return who.isEmpty() ? QJsonValue() : QJsonValue(who); };
    return {{u"id"_s, call.id},
            {u"table_id"_s, call.tableId},
            {u"table_number"_s, call.tableNumber},
            {u"session_id"_s, call.sessionId},
            {u"reason"_s, call.reason},
            {u"note"_s, call.note},
            {u"status"_s, call.status},
            {u"created_at"_s, timestampJson(call.createdAt)},
            {u"acknowledged_at"_s, timestampJson(call.acknowledgedAt)},
            {u"acknowledged_by"_s, actor(call.acknowledgedBy)},
            {u"done_at"_s, timestampJson(call.doneAt)},
            {u"done_by"_s, actor(call.doneBy)},
            {u"overdue"_s, call.overdueAt.isValid()}};
}

} // namespace tableorder
