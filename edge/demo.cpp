#include "demo.h"

#include "demomenu.h"
#include "edgeapp.h"
#include "services/authservice.h"
#include "services/menuservice.h"
#include "services/tableservice.h"
#include "storage/storerepository.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QLoggingCategory>
#include <QPainter>
#include <QRadialGradient>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

/// A plate seen from above, coloured per dish: the demo needs pictures, not photographs.
QByteArray demoPicture(int seed)
{
    QImage image(640, 480, QImage::Format_RGB32);
    const QColor table = QColor::fromHsv((seed * 37) % 360, 40, 90);
    const QColor food = QColor::fromHsv((seed * 71 + 15) % 360, 170, 220);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 640, 480);
    background.setColorAt(0, table.lighter(130));
    background.setColorAt(1, table);
    painter.fillRect(image.rect(), background);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 50));
    painter.drawEllipse(QPointF(330, 250), 200, 200);
    painter.setBrush(QColor(250, 250, 245));
    painter.drawEllipse(QPointF(320, 240), 200, 200);
    QRadialGradient dish(QPointF(300, 220), 150);
    dish.setColorAt(0, food.lighter(140));
    dish.setColorAt(1, food.darker(120));
    painter.setBrush(dish);
    painter.drawEllipse(QPointF(320, 240), 140, 140);
    painter.setBrush(food.lighter(170));
    for (int i = 0; i < 6; ++i)
        painter.drawEllipse(QPointF(260 + ((seed + i * 29) % 120), 190 + ((seed * 3 + i * 41) % 110)), 14, 10);
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
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
            if (auto ok = app.menu().setImageNow(madeItem->id, demoPicture(++seed)); !ok)
                return fail(ok.error());
        }
    }
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
