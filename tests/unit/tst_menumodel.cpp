#include "menu/hours.h"
#include "menu/linepricing.h"
#include "menu/menumodel.h"

#include <QJsonDocument>
#include <QTimeZone>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::menu;

/// The shared menu model: strict JSON reading, writing, line pricing and hours.
class TestMenuModel : public QObject
{
    Q_OBJECT

private slots:
    void groupInput_data();
    void groupInput();
    void groupRoundTrip();
    void itemFields_data();
    void itemFields();
    void hoursInput_data();
    void hoursInput();
    void pricing_data();
    void pricing();
    void pricingUnavailableOption();
    void pricedOptionsRoundTrip();
    void menuRoundTrip();
    void menuRefusesDivergingSharedGroup();
    void openAt_data();
    void openAt();
    void nextOpening_data();
    void nextOpening();
    void dstGapAndOverlap();
    void boundaries();
};

namespace {

QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonValue parseValue(const QByteArray &text)
{
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

OptionGroup spiciness()
{
    return {1, u"맵기"_s, 1, 1,
            {{11, u"순한맛"_s, 0, true, {}}, {12, u"보통"_s, 0, true, {}}, {13, u"매운맛"_s, 500, true, {}}},
            {}};
}

OptionGroup extras()
{
    return {2, u"추가"_s, 0, 2,
            {{21, u"공기밥 추가"_s, 1000, true, {}}, {22, u"곱빼기"_s, 2000, true, {}}, {23, u"양파 빼기"_s, 0, true, {}}},
            {}};
}

OptionGroup discount()
{
    return {3, u"할인"_s, 0, 1, {{31, u"쿠폰"_s, -9000, true, {}}}, {}};
}

Item ramyeon()
{
    Item item;
    item.id = 7;
    item.categoryId = 1;
    item.name = u"라면"_s;
    item.price = 5000;
    item.optionGroupIds = {1, 2, 3};
    return item;
}

QDateTime seoul(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Asia/Seoul"));
}

} // namespace

void TestMenuModel::groupInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");  // empty: accepted
    QTest::addColumn<QString>("field");

    const QByteArray ok = R"("name":"맵기","min_select":1,"max_select":1,"options":[{"name":"순한맛","price_delta":0},{"name":"매운맛","price_delta":500}])";
    QTest::newRow("accepted") << "{" + ok + "}" << QString() << QString();
    QTest::newRow("with translations") << QByteArray(R"({"name":"맵기","min_select":0,"max_select":1,"translations":{"en":{"name":"Spiciness"},"ja":{"name":"辛さ"}},"options":[{"name":"순한맛","price_delta":0,"translations":{"zh":{"name":"微辣"}}}]})") << QString() << QString();
    QTest::newRow("unknown field") << "{" + ok + R"(,"colour":"red"})" << u"VALIDATION_FAILED"_s << u"colour"_s;
    QTest::newRow("unknown option field") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[{"name":"b","price_delta":0,"cost":1}]})") << u"VALIDATION_FAILED"_s << u"options[0].cost"_s;
    QTest::newRow("unknown language") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"translations":{"fr":{"name":"x"}},"options":[{"name":"b","price_delta":0}]})") << u"VALIDATION_FAILED"_s << u"translations.fr"_s;
    QTest::newRow("option description refused") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[{"name":"b","price_delta":0,"translations":{"en":{"description":"x"}}}]})") << u"VALIDATION_FAILED"_s << u"options[0].translations.en.description"_s;
    QTest::newRow("empty name") << QByteArray(R"({"name":" ","min_select":0,"max_select":1,"options":[{"name":"b","price_delta":0}]})") << u"VALIDATION_FAILED"_s << u"name"_s;
    QTest::newRow("min over max") << QByteArray(R"({"name":"a","min_select":2,"max_select":1,"options":[{"name":"b","price_delta":0},{"name":"c","price_delta":0}]})") << u"VALIDATION_FAILED"_s << u"min_select"_s;
    QTest::newRow("max over options") << QByteArray(R"({"name":"a","min_select":0,"max_select":2,"options":[{"name":"b","price_delta":0}]})") << u"VALIDATION_FAILED"_s << u"max_select"_s;
    QTest::newRow("max zero") << QByteArray(R"({"name":"a","min_select":0,"max_select":0,"options":[{"name":"b","price_delta":0}]})") << u"VALIDATION_FAILED"_s << u"max_select"_s;
    QTest::newRow("no options") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[]})") << u"VALIDATION_FAILED"_s << u"options"_s;
    QTest::newRow("delta not integer") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[{"name":"b","price_delta":1.5}]})") << u"VALIDATION_FAILED"_s << u"options[0].price_delta"_s;
    QTest::newRow("delta too big") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[{"name":"b","price_delta":100000001}]})") << u"VALIDATION_FAILED"_s << u"options[0].price_delta"_s;
    QTest::newRow("negative delta") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[{"name":"b","price_delta":-100000000}]})") << QString() << QString();
    QTest::newRow("same option id twice") << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"options":[{"id":4,"name":"b","price_delta":0},{"id":4,"name":"c","price_delta":0}]})") << u"VALIDATION_FAILED"_s << u"options[1].id"_s;
    QByteArray many = R"({"name":"a","min_select":0,"max_select":1,"options":[)";
    for (int i = 0; i < 31; ++i)
        many += (i ? "," : "") + QByteArray(R"({"name":"o","price_delta":0})");
    QTest::newRow("31 options") << many + "]}" << u"LIMIT_REACHED"_s << u"options"_s;
}

void TestMenuModel::groupInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QJsonObject object = parse(body);
    QVERIFY2(!object.isEmpty(), body.constData());
    auto group = optionGroupFromJson(object, QString());
    if (code.isEmpty()) {
        QVERIFY2(group.has_value(), qPrintable(group ? QString() : group.error().message));
        return;
    }
    QVERIFY(!group);
    QCOMPARE(errorCodeName(group.error().code), code);
    QCOMPARE(group.error().details[u"field"_s].toString(), field);
}

void TestMenuModel::groupRoundTrip()
{
    OptionGroup group = spiciness();
    group.translations.insert(u"en"_s, {u"Spiciness"_s, {}});
    group.options[0].translations.insert(u"ja"_s, {u"甘口"_s, {}});
    group.options[2].available = false;
    const QJsonObject json = toJson(group);
    QCOMPARE(json[u"options"_s].toArray().size(), 3);
    QCOMPARE(json[u"translations"_s][u"en"_s][u"name"_s].toString(), u"Spiciness"_s);
    QCOMPARE(json[u"options"_s][2][u"available"_s].toBool(), false);
    auto back = optionGroupFromJson(json, u"g"_s, true);
    QVERIFY(back);
    QCOMPARE(*back, group);
}

void TestMenuModel::itemFields_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("field");

    QTest::newRow("allergens") << u"allergens"_s << QByteArray(R"(["wheat","soybean","peanut"])") << true << QString();
    QTest::newRow("allergens null") << u"allergens"_s << QByteArray("null") << true << QString();
    QTest::newRow("unknown allergen") << u"allergens"_s << QByteArray(R"(["wheat","gluten"])") << false << u"allergens[1]"_s;
    QTest::newRow("allergen twice") << u"allergens"_s << QByteArray(R"(["egg","egg"])") << false << u"allergens[1]"_s;
    QTest::newRow("allergen number") << u"allergens"_s << QByteArray(R"([1])") << false << u"allergens[0]"_s;
    QTest::newRow("tags") << u"tags"_s << QByteArray(R"(["spicy","best"])") << true << QString();
    QTest::newRow("unknown tag") << u"tags"_s << QByteArray(R"(["halal"])") << false << u"tags[0]"_s;
    QTest::newRow("group ids") << u"option_group_ids"_s << QByteArray("[3,1]") << true << QString();
    QTest::newRow("group id twice") << u"option_group_ids"_s << QByteArray("[3,3]") << false << u"option_group_ids[1]"_s;
    QTest::newRow("group id zero") << u"option_group_ids"_s << QByteArray("[0]") << false << u"option_group_ids[0]"_s;
    QTest::newRow("stock") << u"stock"_s << QByteArray("20") << true << QString();
    QTest::newRow("stock unlimited") << u"stock"_s << QByteArray("null") << true << QString();
    QTest::newRow("stock negative") << u"stock"_s << QByteArray("-1") << false << u"stock"_s;
    QTest::newRow("stock text") << u"stock"_s << QByteArray(R"("20")") << false << u"stock"_s;
    QTest::newRow("translations") << u"translations"_s << QByteArray(R"({"en":{"name":"Ramyeon","description":"Instant noodles"},"zh":{"name":"拉面"}})") << true << QString();
    QTest::newRow("translation name too long") << u"translations"_s << "{\"en\":{\"name\":\"" + QByteArray(101, 'a') + "\"}}" << false << u"translations.en.name"_s;
    QTest::newRow("translation unknown key") << u"translations"_s << QByteArray(R"({"en":{"title":"x"}})") << false << u"translations.en.title"_s;
    QTest::newRow("korean is the base") << u"translations"_s << QByteArray(R"({"ko":{"name":"라면"}})") << false << u"translations.ko"_s;
}

void TestMenuModel::itemFields()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, value);
    QFETCH(bool, accepted);
    QFETCH(QString, field);
    const QJsonValue v = parseValue(value);
    std::optional<Error> error;
    auto keep = [&](const auto &result) {
        if (!result)
            error = result.error();
    };
    if (kind == u"allergens"_s)
        keep(allergensFromJson(v, kind));
    else if (kind == u"tags"_s)
        keep(tagsFromJson(v, kind));
    else if (kind == u"option_group_ids"_s)
        keep(groupIdsFromJson(v, kind));
    else if (kind == u"stock"_s)
        keep(stockFromJson(v, kind));
    else
        keep(translationsFromJson(v, kind));
    QCOMPARE(!error.has_value(), accepted);
    if (error) {
        QCOMPARE(error->code, ErrorCode::ValidationFailed);
        QCOMPARE(error->details[u"field"_s].toString(), field);
    }
}

void TestMenuModel::hoursInput_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("field"); // empty: accepted

    QTest::newRow("lunch") << QByteArray(R"([{"days":[1,2,3,4,5],"from":"11:00","to":"14:00"}])") << QString();
    QTest::newRow("past midnight") << QByteArray(R"([{"days":[5],"from":"22:00","to":"02:00"}])") << QString();
    QTest::newRow("none is always") << QByteArray("[]") << QString();
    QTest::newRow("same time") << QByteArray(R"([{"days":[1],"from":"11:00","to":"11:00"}])") << u"h[0].to"_s;
    QTest::newRow("day 0") << QByteArray(R"([{"days":[0],"from":"11:00","to":"12:00"}])") << u"h[0].days[0]"_s;
    QTest::newRow("day 8") << QByteArray(R"([{"days":[8],"from":"11:00","to":"12:00"}])") << u"h[0].days[0]"_s;
    QTest::newRow("no days") << QByteArray(R"([{"days":[],"from":"11:00","to":"12:00"}])") << u"h[0].days"_s;
    QTest::newRow("day twice") << QByteArray(R"([{"days":[2,2],"from":"11:00","to":"12:00"}])") << u"h[0].days[1]"_s;
    QTest::newRow("24:00") << QByteArray(R"([{"days":[1],"from":"11:00","to":"24:00"}])") << u"h[0].to"_s;
    QTest::newRow("seconds") << QByteArray(R"([{"days":[1],"from":"11:00:00","to":"12:00"}])") << u"h[0].from"_s;
    QTest::newRow("one digit hour") << QByteArray(R"([{"days":[1],"from":"9:00","to":"12:00"}])") << u"h[0].from"_s;
    QTest::newRow("unknown key") << QByteArray(R"([{"days":[1],"from":"09:00","to":"12:00","tz":"UTC"}])") << u"h[0].tz"_s;
}

void TestMenuModel::hoursInput()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, field);
    auto hours = hoursFromJson(parseValue(value), u"h"_s);
    if (field.isEmpty()) {
        QVERIFY2(hours.has_value(), qPrintable(hours ? QString() : hours.error().message));
        QCOMPARE(toJson(*hours), parseValue(value).toArray());
        return;
    }
    QVERIFY(!hours);
    QCOMPARE(hours.error().details[u"field"_s].toString(), field);
}

void TestMenuModel::pricing_data()
{
    QTest::addColumn<QList<qint64>>("options");
    QTest::addColumn<qint64>("unitPrice"); // -1: refused with VALIDATION_FAILED
    QTest::addColumn<QList<qint64>>("order");

    QTest::newRow("required only") << QList<qint64>{11} << qint64(5000) << QList<qint64>{11};
    QTest::newRow("hot plus rice") << QList<qint64>{21, 13} << qint64(6500) << QList<qint64>{13, 21};
    QTest::newRow("two extras") << QList<qint64>{22, 21, 12} << qint64(8000) << QList<qint64>{12, 21, 22};
    QTest::newRow("discount floors at zero") << QList<qint64>{11, 31} << qint64(0) << QList<qint64>{11, 31};
    QTest::newRow("discount with extras") << QList<qint64>{11, 31, 21, 22} << qint64(0) << QList<qint64>{11, 21, 22, 31};
    QTest::newRow("everything and the discount still floors at zero") << QList<qint64>{13, 31, 21, 22} << qint64(0) << QList<qint64>{13, 21, 22, 31};
    QTest::newRow("required missing") << QList<qint64>{21} << qint64(-1) << QList<qint64>{};
    QTest::newRow("nothing chosen") << QList<qint64>{} << qint64(-1) << QList<qint64>{};
    QTest::newRow("two of max one") << QList<qint64>{11, 12} << qint64(-1) << QList<qint64>{};
    QTest::newRow("three of max two") << QList<qint64>{11, 21, 22, 23} << qint64(-1) << QList<qint64>{};
    QTest::newRow("option twice") << QList<qint64>{11, 21, 21} << qint64(-1) << QList<qint64>{};
    QTest::newRow("option of another item") << QList<qint64>{11, 99} << qint64(-1) << QList<qint64>{};
}

void TestMenuModel::pricing()
{
    QFETCH(QList<qint64>, options);
    QFETCH(qint64, unitPrice);
    QFETCH(QList<qint64>, order);
    // 5000 + 500 + 1000 + 2000 - 9000 = -500: a line never costs less than nothing.
    const QList<OptionGroup> groups{spiciness(), extras(), discount()};
    auto line = priceLine(ramyeon(), groups, options, u"items[2].options"_s);
    if (unitPrice < 0) {
        QVERIFY(!line);
        QCOMPARE(line.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(line.error().details[u"field"_s].toString(), u"items[2].options"_s);
        return;
    }
    QVERIFY2(line.has_value(), qPrintable(line ? QString() : line.error().message));
    QCOMPARE(line->unitPrice, unitPrice);
    QList<qint64> ids;
    for (const PricedOption &o : line->options)
        ids.append(o.id);
    QCOMPARE(ids, order);
}

void TestMenuModel::pricingUnavailableOption()
{
    QList<OptionGroup> groups{spiciness(), extras(), discount()};
    groups[1].options[1].available = false; // 곱빼기 is off today
    auto line = priceLine(ramyeon(), groups, {11, 22}, u"items[0].options"_s);
    QVERIFY(!line);
    QCOMPARE(line.error().code, ErrorCode::OptionUnavailable);
    QCOMPARE(line.error().details[u"option_ids"_s].toArray(), QJsonArray{22});
    QCOMPARE(errorStatus(line.error().code), 409);
    // A structural mistake is reported before availability.
    line = priceLine(ramyeon(), groups, {22}, u"items[0].options"_s);
    QVERIFY(!line);
    QCOMPARE(line.error().code, ErrorCode::ValidationFailed);
    // Not choosing it is fine.
    line = priceLine(ramyeon(), groups, {11, 21}, u"items[0].options"_s);
    QVERIFY(line);
    QCOMPARE(line->unitPrice, 6000);
    QCOMPARE(line->options.at(1), (PricedOption{21, u"추가"_s, u"공기밥 추가"_s, 1000}));
}

void TestMenuModel::pricedOptionsRoundTrip()
{
    const QList<PricedOption> options{{13, u"맵기"_s, u"매운맛"_s, 500}, {31, u"할인"_s, u"쿠폰"_s, -9000}};
    auto back = pricedOptionsFromJson(toJson(options), u"o"_s);
    QVERIFY(back);
    QCOMPARE(*back, options);
    QVERIFY(!pricedOptionsFromJson(parseValue(R"([{"id":1,"group":"g","name":"n"}])"), u"o"_s));
}

void TestMenuModel::menuRoundTrip()
{
    Menu menu;
    Category category{1, u"면"_s, 2, u"kitchen"_s, {{u"en"_s, {u"Noodles"_s, {}}}},
                      {{{1, 2, 3, 4, 5}, QTime(11, 0), QTime(14, 0)}}};
    menu.categories = {category};
    Item a = ramyeon();
    a.allergens = {u"soybean"_s, u"wheat"_s}; // in the list's order, as read back
    a.tags = {u"spicy"_s};
    a.translations = {{u"en"_s, {u"Ramyeon"_s, u"Instant noodles"_s}}, {u"zh"_s, {u"拉面"_s, {}}}};
    a.imagePath = u"/images/abc.jpg"_s;
    Item b = ramyeon();
    b.id = 8;
    b.name = u"칼국수"_s;
    b.optionGroupIds = {2};
    b.hours = {{{6, 7}, QTime(22, 0), QTime(2, 0)}};
    menu.items = {a, b};
    menu.groups = {spiciness(), extras(), discount()};
    const QJsonObject json = menuToJson(menu);
    // Stock and sold-out are the store's own: not in what HQ publishes.
    QVERIFY(!json[u"categories"_s][0][u"items"_s][0].toObject().contains(u"stock"_s));
    QVERIFY(!json[u"categories"_s][0][u"items"_s][0].toObject().contains(u"available"_s));
    auto back = menuFromJson(json);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->categories.size(), 1);
    QCOMPARE(back->categories[0].translations, category.translations);
    QCOMPARE(back->categories[0].hours, category.hours);
    QCOMPARE(back->items.size(), 2);
    QCOMPARE(back->items[0].allergens, a.allergens);
    QCOMPARE(back->items[0].translations, a.translations);
    QCOMPARE(back->items[0].optionGroupIds, a.optionGroupIds);
    QCOMPARE(back->items[0].imagePath, a.imagePath);
    QCOMPARE(back->items[1].hours, b.hours);
    // The shared group 2 comes back once.
    QCOMPARE(back->groups.size(), 3);
    QCOMPARE(back->groups, menu.groups);
    QCOMPARE(menuToJson(*back), json);
}

void TestMenuModel::menuRefusesDivergingSharedGroup()
{
    Menu menu;
    menu.categories = {Category{1, u"면"_s}};
    Item a = ramyeon();
    a.optionGroupIds = {2};
    Item b = a;
    b.id = 8;
    menu.items = {a, b};
    menu.groups = {extras()};
    QJsonObject json = menuToJson(menu);
    QJsonArray categories = json[u"categories"_s].toArray();
    QJsonObject c = categories[0].toObject();
    QJsonArray items = c[u"items"_s].toArray();
    QJsonObject item = items[1].toObject();
    QJsonArray groups = item[u"option_groups"_s].toArray();
    QJsonObject g = groups[0].toObject();
    g[u"name"_s] = u"다른 이름"_s;
    groups[0] = g;
    item[u"option_groups"_s] = groups;
    items[1] = item;
    c[u"items"_s] = items;
    categories[0] = c;
    json[u"categories"_s] = categories;
    auto back = menuFromJson(json);
    QVERIFY(!back);
    QCOMPARE(back.error().code, ErrorCode::ValidationFailed);
}

void TestMenuModel::openAt_data()
{
    QTest::addColumn<QByteArray>("hours");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("open");

    const QByteArray lunch = R"([{"days":[1,2,3,4,5],"from":"11:00","to":"14:00"}])";
    // 2026-12-04 is a Friday, 12-05 a Saturday, 12-07 a Monday.
    QTest::newRow("lunch at noon on Friday") << lunch << seoul(2026, 12, 4, 12, 0) << true;
    QTest::newRow("lunch at 11:00 sharp") << lunch << seoul(2026, 12, 4, 11, 0) << true;
    QTest::newRow("lunch at 14:00 sharp is over") << lunch << seoul(2026, 12, 4, 14, 0) << false;
    QTest::newRow("lunch at 10:59") << lunch << seoul(2026, 12, 4, 10, 59) << false;
    QTest::newRow("lunch on Saturday") << lunch << seoul(2026, 12, 5, 12, 0) << false;
    // 12:00 in Seoul is 03:00 UTC: the UTC clock says nothing about the store's hours.
    QTest::newRow("lunch given in UTC") << lunch << QDateTime(QDate(2026, 12, 4), QTime(3, 0), QTimeZone::utc()) << true;
    QTest::newRow("lunch at noon UTC is evening in Seoul") << lunch << QDateTime(QDate(2026, 12, 4), QTime(12, 0), QTimeZone::utc()) << false;
    const QByteArray night = R"([{"days":[5],"from":"22:00","to":"02:00"}])";
    QTest::newRow("Friday night 23:00") << night << seoul(2026, 12, 4, 23, 0) << true;
    QTest::newRow("Saturday 01:59") << night << seoul(2026, 12, 5, 1, 59) << true;
    QTest::newRow("Saturday 02:00") << night << seoul(2026, 12, 5, 2, 0) << false;
    QTest::newRow("Saturday 23:00") << night << seoul(2026, 12, 5, 23, 0) << false;
    QTest::newRow("Friday 01:00 (Thursday not listed)") << night << seoul(2026, 12, 4, 1, 0) << false;
    const QByteArray sunday = R"([{"days":[7],"from":"23:00","to":"01:00"}])";
    QTest::newRow("Sunday night wraps to Monday") << sunday << seoul(2026, 12, 7, 0, 30) << true;
    QTest::newRow("none is always") << QByteArray("[]") << seoul(2026, 12, 5, 3, 0) << true;
}

void TestMenuModel::openAt()
{
    QFETCH(QByteArray, hours);
    QFETCH(QDateTime, at);
    QFETCH(bool, open);
    auto list = hoursFromJson(parseValue(hours), u"h"_s);
    QVERIFY(list);
    QCOMPARE(isOpenAt(*list, at, QTimeZone("Asia/Seoul")), open);
}

void TestMenuModel::nextOpening_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QByteArray>("category");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected"); // invalid: never

    const QByteArray lunch = R"([{"days":[1,2,3,4,5],"from":"11:00","to":"14:00"}])";
    QTest::newRow("open now") << lunch << QByteArray("[]") << seoul(2026, 12, 4, 12, 0) << seoul(2026, 12, 4, 12, 0);
    QTest::newRow("before lunch") << lunch << QByteArray("[]") << seoul(2026, 12, 4, 9, 0) << seoul(2026, 12, 4, 11, 0);
    QTest::newRow("Friday after lunch -> Monday") << lunch << QByteArray("[]") << seoul(2026, 12, 4, 15, 0) << seoul(2026, 12, 7, 11, 0);
    QTest::newRow("category opens later") << lunch << QByteArray(R"([{"days":[1,2,3,4,5,6,7],"from":"12:30","to":"22:00"}])")
                                          << seoul(2026, 12, 4, 9, 0) << seoul(2026, 12, 4, 12, 30);
    QTest::newRow("never together") << lunch << QByteArray(R"([{"days":[6,7],"from":"00:00","to":"23:59"}])")
                                    << seoul(2026, 12, 4, 9, 0) << QDateTime();
    QTest::newRow("late night from Thursday") << QByteArray(R"([{"days":[5],"from":"22:00","to":"02:00"}])") << QByteArray("[]")
                                              << seoul(2026, 12, 3, 23, 0) << seoul(2026, 12, 4, 22, 0);
}

void TestMenuModel::nextOpening()
{
    QFETCH(QByteArray, item);
    QFETCH(QByteArray, category);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    const QList<Hours> hours{*hoursFromJson(parseValue(item), u"i"_s), *hoursFromJson(parseValue(category), u"c"_s)};
    const auto next = menu::nextOpening(hours, after, QTimeZone("Asia/Seoul"));
    QCOMPARE(next.has_value(), expected.isValid());
    if (next) {
        QCOMPARE(*next, expected);
        QCOMPARE(next->timeSpec(), Qt::UTC);
    }
}

void TestMenuModel::dstGapAndOverlap()
{
    // Europe/Berlin: 2026-03-29 02:00 -> 03:00 (Sunday), 2026-10-25 03:00 -> 02:00 (Sunday).
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    const Hours night{{{6}, QTime(22, 0), QTime(4, 0)}};
    // The short night: open through the missing hour, closed at 04:00 summer time.
    QVERIFY(isOpenAt(night, QDateTime(QDate(2026, 3, 29), QTime(3, 30), berlin), berlin));
    QVERIFY(!isOpenAt(night, QDateTime(QDate(2026, 3, 29), QTime(4, 0), berlin), berlin));
    // 6 hours of wall clock are 5 real hours that night: 20:00 UTC to 02:00 UTC.
    QCOMPARE(*menu::nextOpening({night}, QDateTime(QDate(2026, 3, 28), QTime(12, 0), berlin), berlin),
             QDateTime(QDate(2026, 3, 28), QTime(21, 0), QTimeZone::utc()));
    QCOMPARE(*nextBoundary({night}, QDateTime(QDate(2026, 3, 28), QTime(22, 0), berlin), berlin),
             QDateTime(QDate(2026, 3, 29), QTime(2, 0), QTimeZone::utc()));
    // A window that starts in the skipped hour opens when the clock jumps.
    const Hours gap{{{7}, QTime(2, 30), QTime(5, 0)}};
    const auto opens = menu::nextOpening({gap}, QDateTime(QDate(2026, 3, 29), QTime(0, 0), berlin), berlin);
    QVERIFY(opens);
    QVERIFY(isOpenAt(gap, *opens, berlin));
    QVERIFY2(!isOpenAt(gap, opens->addSecs(-60), berlin), qPrintable(opens->toString(Qt::ISODate)));
    QCOMPARE(*opens, QDateTime(QDate(2026, 3, 29), QTime(1, 0), QTimeZone::utc())); // 03:00 CEST
    // The long night: 02:30 happens twice and is open both times.
    const Hours autumn{{{6}, QTime(22, 0), QTime(3, 0)}};
    const QDateTime first(QDate(2026, 10, 25), QTime(0, 30), QTimeZone::utc());  // 02:30 CEST
    const QDateTime second(QDate(2026, 10, 25), QTime(1, 30), QTimeZone::utc()); // 02:30 CET
    QVERIFY(isOpenAt(autumn, first, berlin));
    QVERIFY(isOpenAt(autumn, second, berlin));
    QVERIFY(!isOpenAt(autumn, QDateTime(QDate(2026, 10, 25), QTime(2, 0), QTimeZone::utc()), berlin));
}

void TestMenuModel::boundaries()
{
    const QTimeZone zone("Asia/Seoul");
    const Hours lunch{{{1, 2, 3, 4, 5}, QTime(11, 0), QTime(14, 0)}};
    QCOMPARE(*nextBoundary({lunch}, seoul(2026, 12, 4, 9, 0), zone), seoul(2026, 12, 4, 11, 0).toUTC());
    QCOMPARE(*nextBoundary({lunch}, seoul(2026, 12, 4, 11, 0), zone), seoul(2026, 12, 4, 14, 0).toUTC());
    QCOMPARE(*nextBoundary({lunch}, seoul(2026, 12, 4, 14, 0), zone), seoul(2026, 12, 7, 11, 0).toUTC());
    QVERIFY(!nextBoundary({Hours(), Hours()}, seoul(2026, 12, 4, 14, 0), zone));
}

QTEST_GUILESS_MAIN(TestMenuModel)
#include "tst_menumodel.moc"
