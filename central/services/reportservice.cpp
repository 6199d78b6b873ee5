#include "reportservice.h"

#include "kitchentimes.h"

#include "storage/ingestrepository.h"
#include "storage/moneyrepository.h"
#include "storage/reportrepository.h"

#include <QJsonObject>
#include <QTimeZone>

#include <map>

using namespace Qt::StringLiterals;

namespace tableorder::central {

std::optional<GroupBy> parseGroupBy(QStringView text)
{
    if (text == u"store")
        return GroupBy::Store;
    if (text == u"day")
        return GroupBy::Day;
    if (text == u"hour")
        return GroupBy::Hour;
    if (text == u"item")
        return GroupBy::Item;
    if (text == u"option")
        return GroupBy::Option;
    return std::nullopt;
}

namespace {

Status checkRange(const QDate &from, const QDate &to)
{
    if (!from.isValid() || !to.isValid() || from > to)
        return fail(Error::validation(u"from"_s, u"from and to must be dates (YYYY-MM-DD), from <= to"_s));
    if (from.daysTo(to) > 366)
        return fail(Error::validation(u"to"_s, u"a report covers at most 366 days"_s));
    return {};
}

QJsonObject methodsJson(const QMap<QString, Money> &payments)
{
    QJsonObject out;
    for (auto it = payments.cbegin(); it != payments.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace

QJsonObject toJson(const DayFigures &day)
{
    return {{u"orders"_s, day.orders},
            {u"canceled_orders"_s, day.canceledOrders},
            {u"gross"_s, day.gross},
            {u"voids"_s, day.voids},
            {u"discounts"_s, day.discounts},
            {u"net"_s, day.net()},
            {u"paid"_s, day.paid()},
            {u"payments_by_method"_s, methodsJson(day.payments)}};
}

Result<qint64> ReportService::scope(const HqPrincipal &who, qint64 storeId)
{
    if (who.isAdmin())
        return storeId;
    if (storeId)
        return who.canSee(storeId) ? Result<qint64>(storeId) : fail(Error::notFound(u"store"_s));
    if (who.stores.size() > 1)
        return fail(Error::validation(u"store_id"_s, u"this account sees several stores: choose one with store_id"_s));
    return who.storeId;
}

namespace {
/// A store manager or viewer of several stores asking without store_id: each of their
/// stores in turn, rows concatenated (for reports whose rows are per store).
bool perStore(const HqPrincipal &who, qint64 storeId)
{
    return !who.isAdmin() && storeId == 0 && who.stores.size() > 1;
}

template<typename F>
Result<QJsonArray> concatStores(const HqPrincipal &who, F &&one)
{
    QJsonArray out;
    for (qint64 store : who.stores) {
        auto rows = one(store);
        if (!rows)
            return rows;
        for (const QJsonValue &row : std::as_const(*rows))
            out.append(row);
    }
    return out;
}
} // namespace

Result<QJsonArray> ReportService::days(const HqPrincipal &who, const QDate &from, const QDate &to, qint64 storeId)
{
    if (perStore(who, storeId))
        return concatStores(who, [&](qint64 store) { return days(who, from, to, store); });
    if (auto ok = checkRange(from, to); !ok)
        return fail(ok.error());
    auto store = scope(who, storeId);
    if (!store)
        return fail(store.error());
    auto days = m_money.days(who.orgId, *store, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    if (!days)
        return fail(days.error());
    auto closed = m_money.closedDays(who.orgId, *store);
    if (!closed)
        return fail(closed.error());
    QJsonArray rows;
    for (const DayFigures &day : std::as_const(*days)) {
        QJsonObject row = toJson(day);
        row.insert(u"store_id"_s, day.storeId);
        row.insert(u"store_name"_s, day.storeName);
        row.insert(u"business_date"_s, day.businessDate);
        row.insert(u"closed"_s, closed->contains({day.storeId, day.businessDate}));
        rows.append(row);
    }
    return rows;
}

Result<QJsonObject> ReportService::kitchenTimes(const HqPrincipal &who, const QString &from, const QString &to,
                                                const QString &by, qint64 storeId)
{
    auto query = kitchen::parseQuery(from, to, by, QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
    if (!query)
        return fail(query.error());
    auto store = scope(who, storeId);
    if (!store)
        return fail(store.error());
    auto lines = m_reports.kitchenLines(who.orgId, *store, query->from, query->to);
    if (!lines)
        return fail(lines.error());
    // Per store, with the store's samples only; the figures are the edge's (one function).
    QMap<qint64, QList<kitchen::LineSample>> samples;
    QMap<qint64, QString> names;
    for (const KitchenLine &line : std::as_const(*lines)) {
        int hour = -1;
        if (query->byHour) {
            const QTimeZone zone(line.timezone.toUtf8());
            hour = line.orderCreatedAt.toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).time().hour();
        }
        samples[line.storeId].append({line.businessDate, hour, line.menuItemId, line.name, line.station,
                                      line.orderCreatedAt.msecsTo(line.doneAt)});
        names.insert(line.storeId, line.storeName);
    }
    QJsonArray items;
    QJsonArray stations;
    for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
        const QJsonObject report = kitchen::report(*it);
        for (const auto &[rows, out] : {std::pair{u"items"_s, &items}, std::pair{u"stations"_s, &stations}}) {
            for (const QJsonValue &value : report.value(rows).toArray()) {
                QJsonObject row = value.toObject();
                row.insert(u"store_id"_s, it.key());
                row.insert(u"store_name"_s, names.value(it.key()));
                out->append(row);
            }
        }
    }
    return QJsonObject{{u"from"_s, query->from}, {u"to"_s, query->to},
                       {u"by"_s, query->byHour ? u"hour"_s : u"day"_s}, {u"items"_s, items}, {u"stations"_s, stations}};
}

Result<QJsonArray> ReportService::reconciliation(const HqPrincipal &who, qint64 storeId)
{
    if (perStore(who, storeId))
        return concatStores(who, [&](qint64 store) { return reconciliation(who, store); });
    auto store = scope(who, storeId);
    if (!store)
        return fail(store.error());
    auto reported = m_ingest.reconciliation(who.orgId, *store);
    if (!reported)
        return fail(reported.error());
    auto closed = m_money.closedDays(who.orgId, *store);
    if (!closed)
        return fail(closed.error());
    auto days = m_money.days(who.orgId, *store, {}, {});
    if (!days)
        return fail(days.error());
    QMap<std::pair<qint64, QString>, const DayFigures *> figures;
    for (const DayFigures &day : std::as_const(*days))
        figures.insert({day.storeId, day.businessDate}, &day);
    QMap<std::pair<qint64, QString>, const ReconciliationRow *> totals;
    for (const ReconciliationRow &row : std::as_const(*reported))
        totals.insert({row.storeId, row.businessDate}, &row);
    // Every day the store reported totals for or closed, newest first.
    QList<std::pair<qint64, QString>> keys = totals.keys();
    for (auto it = closed->cbegin(); it != closed->cend(); ++it) {
        if (!totals.contains(it.key()))
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QHash<qint64, QString> names;
    for (const DayFigures &day : std::as_const(*days))
        names.insert(day.storeId, day.storeName);
    for (const ReconciliationRow &row : std::as_const(*reported))
        names.insert(row.storeId, row.storeName);

    QJsonArray out;
    for (const auto &key : std::as_const(keys)) {
        DayFigures hq;
        hq.storeId = key.first;
        hq.businessDate = key.second;
        for (const QString &method : {u"cash"_s, u"card"_s, u"transfer"_s, u"other"_s})
            hq.payments.insert(method, 0);
        if (const DayFigures *found = figures.value(key))
            hq = *found;
        QJsonObject row{{u"store_id"_s, key.first},
                        {u"store_name"_s, names.value(key.first)},
                        {u"business_date"_s, key.second},
                        {u"hq"_s, toJson(hq)}};
        bool matches = true;
        if (const ReconciliationRow *r = totals.value(key)) {
            const bool totalsMatch = r->edgeOrders == r->centralOrders && r->edgeTotal == r->centralTotal;
            matches = totalsMatch;
            row.insert(u"edge_orders"_s, r->edgeOrders);
            row.insert(u"edge_total"_s, r->edgeTotal);
            row.insert(u"central_orders"_s, r->centralOrders);
            row.insert(u"central_total"_s, r->centralTotal);
            row.insert(u"totals_match"_s, totalsMatch);
        } else {
            for (const char *field : {"edge_orders", "edge_total", "central_orders", "central_total", "totals_match"})
                row.insert(QLatin1StringView(field), QJsonValue::Null);
        }
        QJsonArray differences;
        if (auto z = closed->constFind(key); z != closed->cend()) {
            const QJsonObject &report = *z;
            auto compare = [&](const QString &field, qint64 store, qint64 ours) {
                if (store != ours)
                    differences.append(QJsonObject{{u"field"_s, field}, {u"store"_s, store}, {u"hq"_s, ours}});
            };
            compare(u"orders"_s, report.value(u"orders"_s).toInteger(), hq.orders + hq.canceledOrders);
            compare(u"gross"_s, report.value(u"gross"_s).toInteger(), hq.gross);
            compare(u"voids"_s, report.value(u"voids"_s).toInteger(), hq.voids);
            compare(u"discounts"_s, report.value(u"discounts"_s).toInteger(), hq.discounts);
            compare(u"net"_s, report.value(u"net"_s).toInteger(), hq.net());
            compare(u"paid"_s, report.value(u"paid"_s).toInteger(), hq.paid());
            const QJsonObject methods = report.value(u"payments_by_method"_s).toObject();
            QStringList methodNames = hq.payments.keys();
            for (const QString &method : methods.keys()) {
                if (!methodNames.contains(method))
                    methodNames.append(method);
            }
            for (const QString &method : std::as_const(methodNames))
                compare(u"payments_by_method."_s + method, methods.value(method).toInteger(), hq.payments.value(method));
            row.insert(u"z_report"_s, report);
            row.insert(u"z_matches"_s, differences.isEmpty());
            matches = matches && differences.isEmpty();
        } else {
            row.insert(u"z_report"_s, QJsonValue::Null);
            row.insert(u"z_matches"_s, QJsonValue::Null);
        }
        row.insert(u"differences"_s, differences);
        row.insert(u"matches"_s, matches);
        out.append(row);
    }
    return out;
}

Result<QJsonArray> ReportService::audit(const HqPrincipal &who, const AuditRequest &request)
{
    if (perStore(who, request.storeId)) {
        auto all = concatStores(who, [&](qint64 store) {
            AuditRequest one = request;
            one.storeId = store;
            return audit(who, one);
        });
        if (!all)
            return all;
        QList<QJsonValue> rows(all->begin(), all->end());
        std::stable_sort(rows.begin(), rows.end(), [](const QJsonValue &a, const QJsonValue &b) {
            return a[u"at"_s].toString() > b[u"at"_s].toString();
        });
        QJsonArray out;
        for (qsizetype i = 0; i < rows.size() && i < request.limit; ++i)
            out.append(rows.at(i));
        return out;
    }
    auto store = scope(who, request.storeId);
    if (!store)
        return fail(store.error());
    AuditQuery query;
    query.orgId = who.orgId;
    query.storeId = *store;
    query.from = request.from.isValid() ? timestampText(request.from) : QString();
    query.to = request.to.isValid() ? timestampText(request.to) : QString();
    query.staffId = request.staffId;
    query.limit = request.limit;
    auto entries = m_money.audit(query);
    if (!entries)
        return fail(entries.error());
    QJsonArray out;
    for (const AuditEntry &e : std::as_const(*entries))
        out.append(QJsonObject{{u"store_id"_s, e.storeId},
                               {u"store_name"_s, e.storeName},
                               {u"seq"_s, e.seq},
                               {u"type"_s, e.type},
                               {u"at"_s, e.at},
                               {u"actor"_s, QJsonObject{{u"kind"_s, u"staff"_s},
                                                        {u"staff_id"_s, e.staffId},
                                                        {u"name"_s, e.staffName},
                                                        {u"role"_s, e.staffRole}}},
                               {u"data"_s, e.data}});
    return out;
}

Result<QJsonArray> ReportService::sales(const HqPrincipal &who, const QDate &from, const QDate &to,
                                        GroupBy groupBy, qint64 storeId)
{
    if (groupBy == GroupBy::Store && perStore(who, storeId))
        return concatStores(who, [&](qint64 store) { return sales(who, from, to, groupBy, store); });
    if (auto ok = checkRange(from, to); !ok)
        return fail(ok.error());
    const auto store = scope(who, storeId);
    if (!store)
        return fail(store.error());
    storeId = *store;
    const QString fromText = from.toString(Qt::ISODate);
    const QString toText = to.toString(Qt::ISODate);
    QJsonArray rows;
    if (groupBy == GroupBy::Item) {
        auto items = m_reports.items(who.orgId, storeId, fromText, toText);
        if (!items)
            return fail(items.error());
        for (const ItemTotal &item : *items)
            rows.append(QJsonObject{{u"key"_s, item.name}, {u"orders"_s, item.orders},
                                    {u"quantity"_s, item.quantity}, {u"total"_s, item.total}});
        return rows;
    }
    if (groupBy == GroupBy::Option) {
        auto options = m_reports.options(who.orgId, storeId, fromText, toText);
        if (!options)
            return fail(options.error());
        for (const OptionTotal &o : *options)
            rows.append(QJsonObject{{u"key"_s, u"%1: %2"_s.arg(o.group, o.name)}, {u"option_id"_s, o.optionId},
                                    {u"group"_s, o.group}, {u"option"_s, o.name}, {u"orders"_s, o.orders},
                                    {u"quantity"_s, o.quantity}, {u"sales"_s, o.sales}, {u"total"_s, o.lineTotal}});
        return rows;
    }
    auto orders = m_reports.orders(who.orgId, storeId, fromText, toText);
    if (!orders)
        return fail(orders.error());
    struct Bucket
    {
        QString label;
        qint64 storeId = 0;
        qint64 orders = 0;
        Money total = 0;
        qint64 prepSeconds = 0;
        qint64 completed = 0;
    };
    std::map<QString, Bucket> buckets;
    QHash<QString, QTimeZone> zones;
    for (const ReportOrder &o : *orders) {
        QString key;
        switch (groupBy) {
        case GroupBy::Store: key = QString::number(o.storeId); break;
        case GroupBy::Day: key = o.businessDate; break;
        case GroupBy::Hour: {
            auto zone = zones.constFind(o.timezone);
            if (zone == zones.cend())
                zone = zones.insert(o.timezone, QTimeZone(o.timezone.toUtf8()));
            key = u"%1"_s.arg(o.createdAt.toTimeZone(*zone).time().hour(), 2, 10, QChar(u'0'));
            break;
        }
        case GroupBy::Item:
        case GroupBy::Option: break;
        }
        Bucket &b = buckets[key];
        b.label = groupBy == GroupBy::Store ? o.storeName : key;
        b.storeId = o.storeId;
        ++b.orders;
        b.total += o.total;
        if (o.completedAt.isValid()) {
            b.prepSeconds += o.createdAt.secsTo(o.completedAt);
            ++b.completed;
        }
    }
    // Store and day rows carry the stores' money too (their days summed).
    QHash<QString, DayFigures> money;
    if (groupBy == GroupBy::Store || groupBy == GroupBy::Day) {
        auto days = m_money.days(who.orgId, storeId, fromText, toText);
        if (!days)
            return fail(days.error());
        for (const DayFigures &day : std::as_const(*days)) {
            const QString key = groupBy == GroupBy::Store ? QString::number(day.storeId) : day.businessDate;
            DayFigures &sum = money[key];
            sum.orders += day.orders;
            sum.canceledOrders += day.canceledOrders;
            sum.gross += day.gross;
            sum.voids += day.voids;
            sum.discounts += day.discounts;
            for (auto it = day.payments.cbegin(); it != day.payments.cend(); ++it)
                sum.payments[it.key()] += it.value();
            if (!buckets.contains(key)) {
                // A day of only canceled orders: still a row, with its voids.
                Bucket &b = buckets[key];
                b.label = groupBy == GroupBy::Store ? day.storeName : key;
                b.storeId = day.storeId;
            }
        }
    }
    for (const auto &[key, b] : buckets) {
        QJsonObject row{{u"key"_s, b.label}, {u"orders"_s, b.orders}, {u"total"_s, b.total},
                        {u"avg_prep_seconds"_s, b.completed ? QJsonValue(double(b.prepSeconds) / b.completed)
                                                            : QJsonValue(QJsonValue::Null)}};
        if (groupBy == GroupBy::Store)
            row.insert(u"store_id"_s, b.storeId);
        if (groupBy == GroupBy::Store || groupBy == GroupBy::Day) {
            DayFigures sum = money.value(key);
            for (const QString &method : {u"cash"_s, u"card"_s, u"transfer"_s, u"other"_s})
                sum.payments.insert(method, sum.payments.value(method));
            const QJsonObject figures = toJson(sum);
            for (const QString &field : {u"gross"_s, u"voids"_s, u"discounts"_s, u"net"_s, u"paid"_s,
                                         u"payments_by_method"_s, u"canceled_orders"_s})
                row.insert(field, figures.value(field));
        }
        rows.append(row);
    }
    return rows;
}

} // namespace tableorder::central
