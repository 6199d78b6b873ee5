#include "demo.h"

#include "services/guestservice.h"

#include "demomenu.h"
#include "edgeapp.h"
#include "imageprocessor.h"
#include "services/authservice.h"
#include "services/menuservice.h"
#include "services/orderservice.h"
#include "services/tableservice.h"
#include "services/visitservice.h"
#include "storage/storerepository.h"

#include <QEventLoop>
#include <QUuid>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

/// Places an order as the table's tablet would; waits for its group commit.
Result<QJsonObject> placeDemoOrder(EdgeApp &app, const TableInfo &table, const QList<std::pair<qint64, int>> &lines)
{
    Principal tablet;
    tablet.role = Role::Table;
    tablet.tableId = table.id;
    tablet.tableNumber = table.number;
    tablet.subject = u"table:%1"_s.arg(table.id);
    OrderInput input;
    input.clientOrderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const auto &[item, quantity] : lines)
        input.items.append({item, quantity, {}, {}});
    std::optional<Result<PlacedOrder>> placed;
    QEventLoop loop;
    app.orders().placeLater(tablet, input, [&](const Result<PlacedOrder> &result) {
        placed = result;
        loop.quit();
    });
    if (!placed)
        loop.exec();
    if (!*placed)
        return fail(placed->error());
    return (*placed)->json;
}

/// Two paid visits (one with a void and a discount) and three open ones.
Status seedDemoVisits(EdgeApp &app)
{
    auto tables = app.tables().overview();
    if (!tables)
        return fail(tables.error());
    auto menu = app.menu().snapshot();
    if (!menu)
        return fail(menu.error());
    QList<qint64> plain; // items a tablet can order without choosing options, at any hour
    for (const MenuItem &item : (*menu)->items) {
        if (item.optionGroupIds.isEmpty() && item.hours.isEmpty() && item.isAvailable() && !item.stock
            && (*menu)->categories.value(item.categoryId).hours.isEmpty())
            plain.append(item.id);
    }
    std::sort(plain.begin(), plain.end());
    if (plain.size() < 6 || tables->size() < 7)
        return {};
    Principal manager;
    manager.role = Role::Manager;
    manager.name = u"manager"_s;
    manager.subject = u"staff:demo"_s;
    auto pay = [&](const TableInfo &table, const QString &method, Money amount) -> Status {
        auto paid = app.visits().pay(manager, table.id,
                                     {QUuid::createUuid().toString(QUuid::WithoutBraces), method, amount});
        if (!paid)
            return fail(paid.error());
        return {};
    };
    auto due = [&](const TableInfo &table) -> Result<Money> {
        auto bill = app.visits().billOfTable(table.id);
        if (!bill)
            return fail(bill.error());
        return bill->due;
    };
    // Table 3: paid by card.
    if (auto ok = placeDemoOrder(app, tables->at(2), {{plain.at(0), 2}, {plain.at(3), 1}}); !ok)
        return fail(ok.error());
    if (auto d = due(tables->at(2)); !d || !pay(tables->at(2), u"card"_s, *d))
        return fail(Error::internal());
    // Table 5: a wrong dish voided, 10 % off for the wait, paid half cash, half card.
    auto order = placeDemoOrder(app, tables->at(4), {{plain.at(1), 1}, {plain.at(2), 1}, {plain.at(4), 2}});
    if (!order)
        return fail(order.error());
    auto bill = app.visits().billOfTable(tables->at(4).id);
    if (!bill || bill->lines.size() < 2)
        return fail(Error::internal());
    if (auto ok = app.visits().voidLines(manager, order->value(u"id"_s).toInteger(), {bill->lines.at(1).lineId},
                                         u"주문 실수 (wrong dish)"_s);
        !ok)
        return fail(ok.error());
    if (auto ok = app.visits().addDiscount(manager, tables->at(4).id, u"percent"_s, 10, u"오래 기다리심 (long wait)"_s); !ok)
        return fail(ok.error());
    if (auto d = due(tables->at(4)); !d || !pay(tables->at(4), u"cash"_s, *d / 2)
        || !pay(tables->at(4), u"card"_s, *d - *d / 2))
        return fail(Error::internal());
    // Tables 1, 4 and 7 are still eating; table 1 paid part of it.
    for (int index : {0, 3, 6}) {
        if (auto ok = placeDemoOrder(app, tables->at(index), {{plain.at(index % plain.size()), 2}, {plain.at(5), 1}}); !ok)
            return fail(ok.error());
    }
    auto tableOneDue = due(tables->at(0));
    if (!tableOneDue)
        return fail(tableOneDue.error());
    if (auto ok = pay(tables->at(0), u"cash"_s, std::min<Money>(10000, *tableOneDue - 1)); !ok)
        return ok;
    qInfo("demo visits added: tables 3 and 5 paid, tables 1, 4 and 7 open");
    return {};
}

} // namespace

Status seedDemo(EdgeApp &app)
{
    auto tables = app.tables().overview();
    if (!tables)
        return fail(tables.error());
    auto menu = app.menu().snapshot();
    if (!menu)
        return fail(menu.error());
    if (!tables->isEmpty() || !(*menu)->items.isEmpty()) {
        qInfo("store already has data; demo data not added");
        return {};
    }
    if (auto ok = app.store().setName(u"한식당 데모점 (tableorder demo)"_s); !ok)
        return ok;
    // The demo tables have no tablets showing visit codes: their printed codes alone order.
    if (auto ok = app.guests().setSelfOpen(true); !ok)
        return ok;
    for (int number = 1; number <= 12; ++number) {
        if (auto ok = app.tables().create(number, u"0000"_s); !ok)
            return fail(ok.error());
    }
    for (const auto &[user, role] : {std::pair{u"manager"_s, Role::Manager}, std::pair{u"kitchen"_s, Role::Kitchen},
                                     std::pair{u"staff"_s, Role::Staff}}) {
        auto ok = app.auth().addStaff(user, user, role);
        if (!ok && ok.error().code != ErrorCode::AlreadyExists)
            return fail(ok.error());
    }
    QHash<QString, qint64> groups;
    for (const DemoOptionGroup &group : demoOptionGroups()) {
        auto created = app.menu().createGroup(group.group);
        if (!created)
            return fail(created.error());
        groups.insert(group.key, created->id);
    }
    int order = 0;
    int seed = 0;
    for (const DemoCategory &category : demoMenu()) {
        auto created = app.menu().createCategory({category.name, order += 10, category.station,
                                                  category.translations(), std::nullopt});
        if (!created)
            return fail(created.error());
        int itemOrder = 0;
        for (const DemoItem &item : category.items) {
            ItemInput input;
            input.categoryId = created->id;
            input.name = item.name;
            input.description = item.description;
            input.price = item.price;
            input.displayOrder = itemOrder += 10;
            QList<qint64> groupIds;
            for (const QString &key : item.groups)
                groupIds.append(groups.value(key));
            input.optionGroupIds = groupIds;
            input.allergens = item.allergens;
            input.tags = item.tags;
            input.translations = item.translations();
            input.hours = item.hours;
            input.stock = item.stock;
            auto madeItem = app.menu().createItem(input);
            if (!madeItem)
                return fail(madeItem.error());
            auto picture = ImageProcessor::demoPicture(++seed);
            if (!picture)
                return fail(picture.error());
            if (auto ok = app.menu().setImageNow(madeItem->id, *picture); !ok)
                return fail(ok.error());
        }
    }
    if (app.config().demoVisits)
        return seedDemoVisits(app);
    return {};
}

QString demoBanner(quint16 port)
{
    return uR"(
tableorder edge demo store is running.
  API:        http://127.0.0.1:%1/api/v1/menu
  Health:     http://127.0.0.1:%1/readyz   Metrics: http://127.0.0.1:%1/metrics
  Tables:     1-12, password 0000   (POST /api/v1/auth/table-login)
  Manager:    manager / manager     (POST /api/v1/auth/staff-login)
  Kitchen:    kitchen / kitchen
  Floor:      staff / staff
Try:
  curl -s http://127.0.0.1:%1/api/v1/menu | head -c 300
)"_s.arg(port);
}

} // namespace tableorder::edge
