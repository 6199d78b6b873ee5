#include "demo.h"

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

struct DemoItem
{
    const char16_t *name;
    const char16_t *description;
    Money price;
};

struct DemoCategory
{
    const char16_t *name;
    QList<DemoItem> items;
};

const QList<DemoCategory> &demoMenu()
{
    static const QList<DemoCategory> menu = {
            {u"식사", {{u"김치찌개", u"잘 익은 김치와 돼지고기로 끓인 찌개", 9000},
                       {u"된장찌개", u"두부와 애호박을 넣은 구수한 된장찌개", 8500},
                       {u"비빔밥", u"제철 나물과 고추장, 달걀프라이", 9500},
                       {u"돌솥비빔밥", u"뜨거운 돌솥에 누룽지까지", 11000},
                       {u"불고기 정식", u"간장 양념 소불고기와 밥, 반찬", 13000},
                       {u"제육볶음 정식", u"매콤한 돼지고기 볶음과 밥", 11000},
                       {u"순두부찌개", u"해물과 달걀을 넣은 얼큰한 순두부", 9000},
                       {u"갈비탕", u"소갈비를 푹 고아 낸 맑은 국물", 14000}}},
            {u"면", {{u"물냉면", u"살얼음 동동 시원한 육수", 10000},
                     {u"비빔냉면", u"새콤달콤 매콤한 양념", 10000},
                     {u"잔치국수", u"멸치 육수에 말아 낸 소면", 7000},
                     {u"칼국수", u"바지락 육수와 손칼국수", 9000},
                     {u"라면", u"달걀과 파를 넣은 라면", 5000}}},
            {u"안주", {{u"해물파전", u"오징어와 새우가 듬뿍", 16000},
                       {u"김치전", u"바삭하게 부친 김치전", 13000},
                       {u"양념치킨 (반 마리)", u"달콤매콤 양념치킨", 12000},
                       {u"떡볶이", u"쫄깃한 떡과 어묵, 달걀", 8000},
                       {u"두부김치", u"데친 두부와 볶음김치", 14000},
                       {u"골뱅이무침", u"소면을 곁들인 새콤한 골뱅이", 18000},
                       {u"모둠튀김", u"새우, 오징어, 고구마 튀김", 12000}}},
            {u"음료", {{u"콜라", u"355ml", 2000},
                       {u"사이다", u"355ml", 2000},
                       {u"식혜", u"직접 만든 전통 식혜", 3000},
                       {u"소주", u"360ml", 5000},
                       {u"맥주", u"500ml 생맥주", 6000},
                       {u"막걸리", u"750ml 생막걸리", 6000}}},
            {u"디저트", {{u"호떡", u"꿀과 견과류가 든 호떡 2개", 4000},
                         {u"팥빙수", u"단팥과 떡, 연유를 올린 빙수", 9000},
                         {u"약과 아이스크림", u"바닐라 아이스크림과 약과", 6000},
                         {u"수정과", u"계피와 생강으로 우린 차가운 수정과", 3500}}},
    };
    return menu;
}

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
    for (const auto &[user, role] : {std::pair{u"manager"_s, Role::Manager}, std::pair{u"kitchen"_s, Role::Kitchen}}) {
        auto ok = app.auth().addStaff(user, user, role);
        if (!ok && ok.error().code != ErrorCode::AlreadyExists)
            return fail(ok.error());
    }
    int order = 0;
    int seed = 0;
    for (const DemoCategory &category : demoMenu()) {
        auto created = app.menu().createCategory({QString::fromUtf16(category.name), order += 10});
        if (!created)
            return fail(created.error());
        int itemOrder = 0;
        for (const DemoItem &item : category.items) {
            ItemInput input;
            input.categoryId = created->id;
            input.name = QString::fromUtf16(item.name);
            input.description = QString::fromUtf16(item.description);
            input.price = item.price;
            input.displayOrder = itemOrder += 10;
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
Try:
  curl -s http://127.0.0.1:%1/api/v1/menu | head -c 300
)"_s.arg(port);
}

} // namespace tableorder::edge
