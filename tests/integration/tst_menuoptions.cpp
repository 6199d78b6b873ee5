// Issue 12 on a real edge: option groups, priced lines with options and notes, allergens,
// translations, stock taken by orders (also in one burst), and hours in the store's time zone.
#include "sseclient.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimeZone>
#include <QUuid>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

QJsonObject line(qint64 item, int quantity, const QList<qint64> &options = {}, const QString &note = {})
{
    QJsonObject out{{u"menu_item_id"_s, item}, {u"quantity"_s, quantity}};
    QJsonArray ids;
    for (qint64 id : options)
        ids.append(id);
    if (!options.isEmpty())
        out.insert(u"options"_s, ids);
    if (!note.isNull())
        out.insert(u"note"_s, note);
    return out;
}

QJsonObject order(const QList<QJsonObject> &lines, const QString &clientId = newClientOrderId())
{
    QJsonArray items;
    for (const QJsonObject &l : lines)
        items.append(l);
    return {{u"client_order_id"_s, clientId}, {u"items"_s, items}};
}

QJsonObject findItem(const QJsonObject &menu, qint64 id)
{
    for (const QJsonObject &item : menuItems(menu)) {
        if (item.value(u"id"_s).toInteger() == id)
            return item;
    }
    return {};
}

/// Sets the store's time zone in its database (the edge reads it at start).
bool setStoreTimeZone(const QString &path, const QString &zone)
{
    const QString connection = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE store SET timezone = ? WHERE id = 1"_s);
            q.addBindValue(zone);
            ok = q.exec();
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

class TestMenuOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void menuCarriesTheModel();
    void linePricing_data();
    void linePricing();
    void switchedOffOptionIsRefused();
    void optionsAndNotesKeepLinesApartAndAreIdempotent();
    void editsAreCheckedAndRefusedWhole_data();
    void editsAreCheckedAndRefusedWhole();
    void groupEditsKeepAndRemoveOptions();
    void stockNeverGoesBelowZeroInABurst();
    void stockRefusesMoreThanIsLeft();
    void hoursFollowTheStoreTimeZoneAcrossMidnight();

private:
    QString token(const QString &who) const { return m_tokens.value(who); }
    qint64 createGroup(const QJsonObject &body);
    QList<qint64> optionIds(qint64 group);

    EdgeProcess m_edge;
    HttpClient m_http;
    QHash<QString, QString> m_tokens;
    QList<QJsonObject> m_items;
    qint64 m_stew = 0;     // 김치찌개 with 맵기 (required) and 추가 (up to 2)
    qint64 m_spicy = 0;    // group 맵기
    qint64 m_extras = 0;   // group 추가
    QJsonObject m_groups;  // group id -> group JSON
};

void TestMenuOptions::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int table : {1, 2, 3, 4})
        m_tokens.insert(u"table%1"_s.arg(table), m_http.tableLogin(table));
    m_tokens.insert(u"kitchen"_s, m_http.staffLogin(u"kitchen"_s, u"kitchen"_s));
    m_tokens.insert(u"manager"_s, m_http.staffLogin(u"manager"_s, u"manager"_s));
    for (const QString &t : std::as_const(m_tokens))
        QVERIFY(!t.isEmpty());
    m_items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QVERIFY(m_items.size() >= 20);
    m_stew = m_items.at(0).value(u"id"_s).toInteger();

    m_spicy = createGroup(QJsonDocument::fromJson(R"({"name":"맵기","min_select":1,"max_select":1,
        "translations":{"en":{"name":"Spiciness"},"ja":{"name":"辛さ"}},
        "options":[{"name":"순한맛","price_delta":0,"translations":{"en":{"name":"Mild"}}},
                   {"name":"보통","price_delta":0},{"name":"매운맛","price_delta":500}]})").object());
    m_extras = createGroup(QJsonDocument::fromJson(R"({"name":"추가","min_select":0,"max_select":2,
        "options":[{"name":"공기밥 추가","price_delta":1000},{"name":"곱빼기","price_delta":2000},
                   {"name":"쿠폰 할인","price_delta":-20000}]})").object());
    QVERIFY(m_spicy > 0 && m_extras > 0);
    const HttpResult edited = m_http.put(u"/api/v1/menu/items/%1"_s.arg(m_stew),
                                         QJsonDocument::fromJson(QStringLiteral(R"({"option_group_ids":[%1,%2],
        "allergens":["pork","soybean"],"tags":["spicy","best"],
        "translations":{"en":{"name":"Kimchi stew","description":"With pork"},"zh":{"name":"泡菜汤"},"ja":{"name":"キムチチゲ"}}})")
                                                                         .arg(m_spicy).arg(m_extras).toUtf8()).object(),
                                         token(u"manager"_s));
    VERIFY_STATUS(edited, 200);
    QCOMPARE(edited.json().value(u"option_groups"_s).toArray().size(), 2);
}

qint64 TestMenuOptions::createGroup(const QJsonObject &body)
{
    const HttpResult created = m_http.post(u"/api/v1/menu/option-groups"_s, body, token(u"manager"_s));
    if (created.status != 201) {
        qWarning("creating a group: %s", qPrintable(created.describe()));
        return 0;
    }
    const QJsonObject group = created.json();
    m_groups.insert(QString::number(group.value(u"id"_s).toInteger()), group);
    return group.value(u"id"_s).toInteger();
}

QList<qint64> TestMenuOptions::optionIds(qint64 group)
{
    QList<qint64> out;
    for (const QJsonValue &o : m_groups.value(QString::number(group)).toObject().value(u"options"_s).toArray())
        out.append(o.toObject().value(u"id"_s).toInteger());
    return out;
}

void TestMenuOptions::menuCarriesTheModel()
{
    const HttpResult menu = m_http.get(u"/api/v1/menu"_s, token(u"table1"_s));
    VERIFY_STATUS(menu, 200);
    const QJsonObject body = menu.json();
    QCOMPARE(body.value(u"languages"_s).toArray(), (QJsonArray{u"ko"_s, u"en"_s, u"zh"_s, u"ja"_s}));
    QCOMPARE(body.value(u"time_zone"_s).toString(), u"Asia/Seoul"_s);
    QVERIFY(menu.header("etag").startsWith("\"menu-"));
    const QJsonObject stew = findItem(body, m_stew);
    QCOMPARE(stew.value(u"allergens"_s).toArray(), (QJsonArray{u"soybean"_s, u"pork"_s}));
    QCOMPARE(stew.value(u"tags"_s).toArray(), (QJsonArray{u"spicy"_s, u"best"_s}));
    QCOMPARE(stew.value(u"translations"_s)[u"en"_s][u"name"_s].toString(), u"Kimchi stew"_s);
    QCOMPARE(stew.value(u"translations"_s)[u"ja"_s][u"name"_s].toString(), u"キムチチゲ"_s);
    QVERIFY(stew.value(u"stock"_s).isNull());
    QCOMPARE(stew.value(u"available_now"_s).toBool(), true);
    QVERIFY(stew.value(u"next_available_at"_s).isNull());
    const QJsonArray groups = stew.value(u"option_groups"_s).toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups[0][u"name"_s].toString(), u"맵기"_s);
    QCOMPARE(groups[0][u"min_select"_s].toInt(), 1);
    QCOMPARE(groups[0][u"translations"_s][u"en"_s][u"name"_s].toString(), u"Spiciness"_s);
    QCOMPARE(groups[0][u"options"_s].toArray().size(), 3);
    QCOMPARE(groups[0][u"options"_s][2][u"price_delta"_s].toInt(), 500);
    QCOMPARE(groups[1][u"options"_s][2][u"price_delta"_s].toInt(), -20000);
    // Items without groups carry the fields too, empty.
    const QJsonObject plain = findItem(body, m_items.at(3).value(u"id"_s).toInteger());
    QCOMPARE(plain.value(u"option_groups"_s).toArray().size(), 0);
    QVERIFY(plain.value(u"available_hours"_s).isArray());
}

void TestMenuOptions::linePricing_data()
{
    QTest::addColumn<QList<int>>("spicy");  // indexes into the 맵기 options
    QTest::addColumn<QList<int>>("extras"); // indexes into the 추가 options
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("unitPrice"); // for 201
    QTest::addColumn<QString>("code");     // for refusals

    // 김치찌개 is 9,000 in the demo menu.
    QTest::newRow("mild") << QList<int>{0} << QList<int>{} << 201 << qint64(9000) << QString();
    QTest::newRow("hot with rice") << QList<int>{2} << QList<int>{0} << 201 << qint64(10500) << QString();
    QTest::newRow("hot, rice, large") << QList<int>{2} << QList<int>{1, 0} << 201 << qint64(12500) << QString();
    QTest::newRow("coupon floors at zero") << QList<int>{0} << QList<int>{2} << 201 << qint64(0) << QString();
    QTest::newRow("required group missing") << QList<int>{} << QList<int>{0} << 400 << qint64(0) << u"VALIDATION_FAILED"_s;
    QTest::newRow("two of one") << QList<int>{0, 1} << QList<int>{} << 400 << qint64(0) << u"VALIDATION_FAILED"_s;
    QTest::newRow("three of two") << QList<int>{0} << QList<int>{0, 1, 2} << 400 << qint64(0) << u"VALIDATION_FAILED"_s;
    QTest::newRow("option twice") << QList<int>{0, 0} << QList<int>{} << 400 << qint64(0) << u"VALIDATION_FAILED"_s;
}

void TestMenuOptions::linePricing()
{
    QFETCH(QList<int>, spicy);
    QFETCH(QList<int>, extras);
    QFETCH(int, status);
    QFETCH(qint64, unitPrice);
    QFETCH(QString, code);
    QList<qint64> chosen;
    for (int i : spicy)
        chosen.append(optionIds(m_spicy).at(i));
    for (int i : extras)
        chosen.append(optionIds(m_extras).at(i));
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult placed = m_http.post(u"/api/v1/orders"_s,
                                          order({line(m_items.at(3).value(u"id"_s).toInteger(), 1),
                                                 line(m_stew, 2, chosen, u"양파 빼 주세요"_s)}),
                                          token(u"table1"_s));
    if (status != 201) {
        VERIFY_ERROR_FIELD(placed, status, code, u"items[1].options"_s);
        QCOMPARE(databaseState(m_edge.databasePath()), before);
        return;
    }
    VERIFY_STATUS(placed, 201);
    const QJsonObject created = placed.json();
    const QJsonObject stewLine = created.value(u"items"_s)[1].toObject();
    QCOMPARE(stewLine.value(u"unit_price"_s).toInteger(), unitPrice);
    QCOMPARE(stewLine.value(u"line_total"_s).toInteger(), unitPrice * 2);
    QCOMPARE(stewLine.value(u"note"_s).toString(), u"양파 빼 주세요"_s);
    // What it was priced from (HQ checks unit_price against it to the won).
    QCOMPARE(stewLine.value(u"base_price"_s).toInteger(), 9000);
    QCOMPARE(stewLine.value(u"options"_s).toArray().size(), chosen.size());
    QCOMPARE(stewLine.value(u"options"_s)[0][u"group"_s].toString(), u"맵기"_s);
    QCOMPARE(created.value(u"items"_s)[0][u"note"_s].toString(), QString());
    QCOMPARE(created.value(u"items"_s)[0][u"options"_s].toArray().size(), 0);
    QCOMPARE(created.value(u"total"_s).toInteger(),
             unitPrice * 2 + created.value(u"items"_s)[0][u"line_total"_s].toInteger());
    // The kitchen reads the same line back.
    const HttpResult read = m_http.get(u"/api/v1/orders/%1"_s.arg(created.value(u"id"_s).toInteger()),
                                       token(u"kitchen"_s));
    VERIFY_STATUS(read, 200);
    QCOMPARE(read.json().value(u"items"_s)[1].toObject(), stewLine);
}

void TestMenuOptions::switchedOffOptionIsRefused()
{
    const qint64 large = optionIds(m_extras).at(1);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, order({line(m_items.at(3).value(u"id"_s).toInteger(), 1)}),
                              token(u"table2"_s)),
                  201);
    SseClient tablet;
    tablet.open(m_edge.port(), {token(u"table2"_s)});
    QVERIFY(tablet.waitForOpen());
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/options/%1/availability"_s.arg(large), {{u"available"_s, false}},
                               token(u"kitchen"_s)),
                  200);
    const auto event = tablet.waitForEvent([](const StreamEvent &e) { return e.type == u"menu.option_availability_changed"_s; });
    QVERIFY(event);
    QCOMPARE(event->data().value(u"option"_s)[u"id"_s].toInteger(), large);
    QCOMPARE(event->data().value(u"option"_s)[u"available"_s].toBool(), false);
    const QJsonObject stew = findItem(m_http.get(u"/api/v1/menu"_s).json(), m_stew);
    QCOMPARE(stew.value(u"option_groups"_s)[1][u"options"_s][1][u"available"_s].toBool(), false);

    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult refused = m_http.post(u"/api/v1/orders"_s, order({line(m_stew, 1, {optionIds(m_spicy).at(0), large})}),
                                           token(u"table2"_s));
    VERIFY_ERROR(refused, 409, u"OPTION_UNAVAILABLE"_s);
    QCOMPARE(refused.json().value(u"error"_s)[u"details"_s][u"option_ids"_s].toArray(), QJsonArray{large});
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    // A table may not switch options.
    VERIFY_ERROR(m_http.patch(u"/api/v1/menu/options/%1/availability"_s.arg(large), {{u"available"_s, true}},
                              token(u"table2"_s)),
                 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.patch(u"/api/v1/menu/options/999999/availability"_s, {{u"available"_s, true}},
                              token(u"kitchen"_s)),
                 404, u"NOT_FOUND"_s);
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/options/%1/availability"_s.arg(large), {{u"available"_s, true}},
                               token(u"manager"_s)),
                  200);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, order({line(m_stew, 1, {optionIds(m_spicy).at(0), large})}),
                              token(u"table2"_s)),
                  201);
}

void TestMenuOptions::optionsAndNotesKeepLinesApartAndAreIdempotent()
{
    const QList<qint64> spicy = optionIds(m_spicy);
    const QList<qint64> extras = optionIds(m_extras);
    const QString clientId = newClientOrderId();
    const QJsonObject body = order({line(m_stew, 1, {spicy.at(0)}, u"아이 먹어요"_s),
                                    line(m_stew, 1, {spicy.at(2), extras.at(0)}),
                                    line(m_stew, 1, {spicy.at(2), extras.at(0)}, u"양파 빼기"_s)},
                                   clientId);
    const HttpResult first = m_http.post(u"/api/v1/orders"_s, body, token(u"table3"_s));
    VERIFY_STATUS(first, 201);
    const QJsonArray lines = first.json().value(u"items"_s).toArray();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0][u"unit_price"_s].toInteger(), 9000);
    QCOMPARE(lines[1][u"unit_price"_s].toInteger(), 10500);
    QCOMPARE(lines[2][u"note"_s].toString(), u"양파 빼기"_s);

    // The same request again (options in another order) is the same order.
    QJsonObject reordered = body;
    QJsonArray items = reordered.value(u"items"_s).toArray();
    QJsonObject second = items[1].toObject();
    second[u"options"_s] = QJsonArray{extras.at(0), spicy.at(2)};
    items[1] = second;
    reordered[u"items"_s] = items;
    const HttpResult repeat = m_http.post(u"/api/v1/orders"_s, reordered, token(u"table3"_s));
    VERIFY_STATUS(repeat, 200);
    QCOMPARE(repeat.json().value(u"id"_s), first.json().value(u"id"_s));

    // Another note or other options under the same client_order_id is another order: refused.
    const QStringList before = databaseState(m_edge.databasePath());
    QJsonObject otherNote = body;
    items = otherNote.value(u"items"_s).toArray();
    QJsonObject changed = items[0].toObject();
    changed[u"note"_s] = u"아이 안 먹어요"_s;
    items[0] = changed;
    otherNote[u"items"_s] = items;
    VERIFY_ERROR(m_http.post(u"/api/v1/orders"_s, otherNote, token(u"table3"_s)), 422, u"IDEMPOTENCY_KEY_REUSED"_s);
    QJsonObject otherOptions = body;
    items = otherOptions.value(u"items"_s).toArray();
    changed = items[0].toObject();
    changed[u"options"_s] = QJsonArray{spicy.at(1)};
    items[0] = changed;
    otherOptions[u"items"_s] = items;
    VERIFY_ERROR(m_http.post(u"/api/v1/orders"_s, otherOptions, token(u"table3"_s)), 422, u"IDEMPOTENCY_KEY_REUSED"_s);
    // A note over 140 characters, or not a string.
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/orders"_s, order({line(m_stew, 1, {spicy.at(0)}, QString(141, u'가'))}),
                                   token(u"table3"_s)),
                       400, u"VALIDATION_FAILED"_s, u"items[0].note"_s);
    QJsonObject numberNote = order({line(m_stew, 1, {spicy.at(0)})});
    items = numberNote.value(u"items"_s).toArray();
    changed = items[0].toObject();
    changed[u"note"_s] = 5;
    items[0] = changed;
    numberNote[u"items"_s] = items;
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/orders"_s, numberNote, token(u"table3"_s)), 400, u"VALIDATION_FAILED"_s,
                       u"items[0].note"_s);
    // An option of another item's group.
    const qint64 lonely = createGroup(QJsonDocument::fromJson(R"({"name":"사이즈","min_select":0,"max_select":1,
        "options":[{"name":"L","price_delta":500}]})").object());
    QVERIFY(lonely > 0);
    const QStringList beforeForeign = databaseState(m_edge.databasePath());
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/orders"_s, order({line(m_stew, 1, {spicy.at(0), optionIds(lonely).at(0)})}),
                                   token(u"table3"_s)),
                       400, u"VALIDATION_FAILED"_s, u"items[0].options"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), beforeForeign);
    Q_UNUSED(before);
}

void TestMenuOptions::editsAreCheckedAndRefusedWhole_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QByteArray many = R"({"name":"많음","min_select":0,"max_select":1,"options":[)";
    for (int i = 0; i < 31; ++i)
        many += (i ? "," : "") + QByteArray(R"({"name":"o","price_delta":0})");
    QTest::newRow("31 options") << u"POST /api/v1/menu/option-groups"_s << many + "]}" << 409 << u"LIMIT_REACHED"_s << QString();
    QTest::newRow("min over options") << u"POST /api/v1/menu/option-groups"_s
                                      << QByteArray(R"({"name":"a","min_select":2,"max_select":2,"options":[{"name":"b","price_delta":0}]})")
                                      << 400 << u"VALIDATION_FAILED"_s << u"max_select"_s;
    QTest::newRow("unknown group field") << u"POST /api/v1/menu/option-groups"_s
                                         << QByteArray(R"({"name":"a","min_select":0,"max_select":1,"required":true,"options":[{"name":"b","price_delta":0}]})")
                                         << 400 << u"VALIDATION_FAILED"_s << u"required"_s;
    QTest::newRow("11 groups on an item") << u"PUT /api/v1/menu/items/STEW"_s
                                          << QByteArray(R"({"option_group_ids":[1,2,3,4,5,6,7,8,9,10,11]})") << 409
                                          << u"LIMIT_REACHED"_s << QString();
    QTest::newRow("unknown group on an item") << u"PUT /api/v1/menu/items/STEW"_s << QByteArray(R"({"option_group_ids":[999]})")
                                              << 400 << u"VALIDATION_FAILED"_s << u"option_group_ids[0]"_s;
    QTest::newRow("unknown allergen") << u"PUT /api/v1/menu/items/STEW"_s << QByteArray(R"({"allergens":["gluten"]})")
                                      << 400 << u"VALIDATION_FAILED"_s << u"allergens[0]"_s;
    QTest::newRow("unknown tag") << u"PUT /api/v1/menu/items/STEW"_s << QByteArray(R"({"tags":["halal"]})") << 400
                                 << u"VALIDATION_FAILED"_s << u"tags[0]"_s;
    QTest::newRow("french") << u"PUT /api/v1/menu/items/STEW"_s << QByteArray(R"({"translations":{"fr":{"name":"x"}}})")
                            << 400 << u"VALIDATION_FAILED"_s << u"translations.fr"_s;
    QTest::newRow("negative stock") << u"PUT /api/v1/menu/items/STEW"_s << QByteArray(R"({"stock":-1})") << 400
                                    << u"VALIDATION_FAILED"_s << u"stock"_s;
    QTest::newRow("hours from == to") << u"PUT /api/v1/menu/items/STEW"_s
                                      << QByteArray(R"({"available_hours":[{"days":[1],"from":"11:00","to":"11:00"}]})")
                                      << 400 << u"VALIDATION_FAILED"_s << u"available_hours[0].to"_s;
    QTest::newRow("category hours day 8") << u"PUT /api/v1/menu/categories/1"_s
                                          << QByteArray(R"({"available_hours":[{"days":[8],"from":"11:00","to":"12:00"}]})")
                                          << 400 << u"VALIDATION_FAILED"_s << u"available_hours[0].days[0]"_s;
    QTest::newRow("stock by PATCH as text") << u"PATCH /api/v1/menu/items/STEW/stock"_s << QByteArray(R"({"stock":"5"})")
                                            << 400 << u"VALIDATION_FAILED"_s << u"stock"_s;
    QTest::newRow("stock by PATCH missing") << u"PATCH /api/v1/menu/items/STEW/stock"_s << QByteArray(R"({})") << 400
                                            << u"VALIDATION_FAILED"_s << u"stock"_s;
    QTest::newRow("option moved from another group") << u"PUT /api/v1/menu/option-groups/SPICY"_s
                                                     << QByteArray(R"({"name":"맵기","min_select":1,"max_select":1,"options":[{"id":999999,"name":"x","price_delta":0}]})")
                                                     << 400 << u"VALIDATION_FAILED"_s << u"options[0].id"_s;
}

void TestMenuOptions::editsAreCheckedAndRefusedWhole()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    path.replace(u"STEW"_s, QString::number(m_stew)).replace(u"SPICY"_s, QString::number(m_spicy));
    const QString method = path.section(u' ', 0, 0);
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult result = m_http.send(method.toLatin1(), path.section(u' ', 1), body, token(u"manager"_s),
                                          {{"Content-Type", "application/json"}});
    if (field.isEmpty())
        VERIFY_ERROR(result, status, code);
    else
        VERIFY_ERROR_FIELD(result, status, code, field);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestMenuOptions::groupEditsKeepAndRemoveOptions()
{
    const qint64 size = createGroup(QJsonDocument::fromJson(R"({"name":"크기","min_select":1,"max_select":1,
        "options":[{"name":"S","price_delta":0},{"name":"M","price_delta":500},{"name":"L","price_delta":1000}]})").object());
    QVERIFY(size > 0);
    const QList<qint64> ids = optionIds(size);
    // Keep M (renamed), drop S and L, add XL.
    const HttpResult updated = m_http.put(
            u"/api/v1/menu/option-groups/%1"_s.arg(size),
            QJsonDocument::fromJson(QStringLiteral(R"({"name":"크기","min_select":1,"max_select":1,
                "translations":{"en":{"name":"Size"}},
                "options":[{"id":%1,"name":"보통","price_delta":600},{"name":"XL","price_delta":2000}]})")
                                            .arg(ids.at(1)).toUtf8()).object(),
            token(u"manager"_s));
    VERIFY_STATUS(updated, 200);
    const QJsonArray options = updated.json().value(u"options"_s).toArray();
    QCOMPARE(options.size(), 2);
    QCOMPARE(options[0][u"id"_s].toInteger(), ids.at(1));
    QCOMPARE(options[0][u"price_delta"_s].toInt(), 600);
    QVERIFY(!ids.contains(options[1][u"id"_s].toInteger()));
    const HttpResult listed = m_http.get(u"/api/v1/menu/option-groups"_s, token(u"manager"_s));
    VERIFY_STATUS(listed, 200);
    bool found = false;
    for (const QJsonValue &g : listed.json().value(u"groups"_s).toArray()) {
        if (g[u"id"_s].toInteger() == size) {
            found = true;
            QCOMPARE(g[u"translations"_s][u"en"_s][u"name"_s].toString(), u"Size"_s);
            QCOMPARE(g[u"options"_s].toArray().size(), 2);
        }
    }
    QVERIFY(found);
    VERIFY_ERROR(m_http.get(u"/api/v1/menu/option-groups"_s, token(u"kitchen"_s)), 403, u"FORBIDDEN"_s);
    // A deleted group is detached from the items that listed it.
    const qint64 drink = m_items.at(m_items.size() - 5).value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.put(u"/api/v1/menu/items/%1"_s.arg(drink), {{u"option_group_ids"_s, QJsonArray{size}}},
                             token(u"manager"_s)),
                  200);
    QCOMPARE(findItem(m_http.get(u"/api/v1/menu"_s).json(), drink).value(u"option_groups"_s).toArray().size(), 1);
    VERIFY_STATUS(m_http.del(u"/api/v1/menu/option-groups/%1"_s.arg(size), token(u"manager"_s)), 204);
    QCOMPARE(findItem(m_http.get(u"/api/v1/menu"_s).json(), drink).value(u"option_groups"_s).toArray().size(), 0);
    VERIFY_ERROR(m_http.del(u"/api/v1/menu/option-groups/%1"_s.arg(size), token(u"manager"_s)), 404, u"NOT_FOUND"_s);
}

void TestMenuOptions::stockNeverGoesBelowZeroInABurst()
{
    // Today's special: 5 portions left, 12 tablets want one or two at the same moment.
    const qint64 special = m_items.at(4).value(u"id"_s).toInteger();
    const HttpResult set = m_http.patch(u"/api/v1/menu/items/%1/stock"_s.arg(special), {{u"stock"_s, 5}},
                                        token(u"manager"_s));
    VERIFY_STATUS(set, 200);
    QCOMPARE(set.json().value(u"stock"_s).toInt(), 5);
    // A tablet whose guests are seated (a table's stream belongs to its current party).
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, order({line(m_items.at(3).value(u"id"_s).toInteger(), 1)}),
                              token(u"table2"_s)),
                  201);
    SseClient tablet;
    tablet.open(m_edge.port(), {token(u"table2"_s)});
    QVERIFY(tablet.waitForOpen());
    QVERIFY(tablet.waitForEvent([](const StreamEvent &e) { return e.type == u"snapshot"_s; }));

    QList<QByteArray> requests;
    for (int i = 0; i < 12; ++i) {
        const QJsonObject body = order({line(special, 1 + i % 2)});
        requests.append(rawOrderRequest(token(u"table%1"_s.arg(1 + i % 4)), QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    const QList<HttpResult> responses = sendAsOneBurst(m_edge, requests);
    int sold = 0;
    int refused = 0;
    for (const HttpResult &r : responses) {
        if (r.status == 201) {
            sold += r.json().value(u"items"_s)[0][u"quantity"_s].toInt();
            continue;
        }
        const QString code = r.json().value(u"error"_s)[u"code"_s].toString();
        QVERIFY2(r.status == 409 && (code == u"OUT_OF_STOCK"_s || code == u"ITEM_UNAVAILABLE"_s), qPrintable(r.describe()));
        if (code == u"ITEM_UNAVAILABLE"_s)
            QCOMPARE(r.json().value(u"error"_s)[u"details"_s][u"reason"_s].toString(), u"sold_out"_s);
        else
            QVERIFY(r.json().value(u"error"_s)[u"details"_s][u"remaining"_s].toInt() > 0);
        ++refused;
    }
    QCOMPARE(sold + 0, 5);
    QVERIFY(refused > 0);
    const QJsonObject item = findItem(m_http.get(u"/api/v1/menu"_s).json(), special);
    QCOMPARE(item.value(u"stock"_s).toInt(), 0);
    QCOMPARE(item.value(u"available"_s).toBool(), false);
    // Every tablet hears that it sold out, live.
    const auto soldOutEvent = [special](const StreamEvent &e) {
        return e.type == u"menu.item_availability_changed"_s
                && e.data().value(u"item"_s)[u"id"_s].toInteger() == special
                && e.data().value(u"item"_s)[u"stock"_s].toInt(-1) == 0;
    };
    const auto event = tablet.waitForEvent(soldOutEvent);
    QVERIFY2(event, qPrintable(u"no menu.item_availability_changed with stock 0 (%1 events)"_s.arg(tablet.events().size())));
    QCOMPARE(event->data().value(u"item"_s)[u"available"_s].toBool(), false);
    // Sold out now: one more is refused and nothing changes.
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult more = m_http.post(u"/api/v1/orders"_s, order({line(special, 1)}), token(u"table1"_s));
    VERIFY_ERROR(more, 409, u"ITEM_UNAVAILABLE"_s);
    QCOMPARE(more.json().value(u"error"_s)[u"details"_s][u"reason"_s].toString(), u"sold_out"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    // Clearing the count makes it unlimited again.
    const HttpResult cleared = m_http.patch(u"/api/v1/menu/items/%1/stock"_s.arg(special),
                                            {{u"stock"_s, QJsonValue(QJsonValue::Null)}}, token(u"manager"_s));
    VERIFY_STATUS(cleared, 200);
    QVERIFY(cleared.json().value(u"stock"_s).isNull());
    QCOMPARE(cleared.json().value(u"available"_s).toBool(), true);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, order({line(special, 3)}), token(u"table1"_s)), 201);
}

void TestMenuOptions::stockRefusesMoreThanIsLeft()
{
    const qint64 item = m_items.at(5).value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/%1/stock"_s.arg(item), {{u"stock"_s, 3}}, token(u"manager"_s)), 200);
    VERIFY_ERROR(m_http.patch(u"/api/v1/menu/items/%1/stock"_s.arg(item), {{u"stock"_s, 3}}, token(u"kitchen"_s)),
                 403, u"FORBIDDEN"_s);
    const QStringList before = databaseState(m_edge.databasePath());
    // Two lines of the same item count together.
    const HttpResult refused = m_http.post(u"/api/v1/orders"_s, order({line(item, 2), line(item, 2, {}, u"덜 맵게"_s)}),
                                           token(u"table2"_s));
    VERIFY_ERROR(refused, 409, u"OUT_OF_STOCK"_s);
    QCOMPARE(refused.json().value(u"error"_s)[u"details"_s][u"menu_item_id"_s].toInteger(), item);
    QCOMPARE(refused.json().value(u"error"_s)[u"details"_s][u"remaining"_s].toInt(), 3);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    SseClient tablet; // table2's guests are seated (earlier tests ordered there)
    tablet.open(m_edge.port(), {token(u"table2"_s)});
    QVERIFY(tablet.waitForOpen());
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, order({line(item, 2), line(item, 1, {}, u"덜 맵게"_s)}),
                              token(u"table2"_s)),
                  201);
    QCOMPARE(findItem(m_http.get(u"/api/v1/menu"_s).json(), item).value(u"stock"_s).toInt(), 0);
    // The tablet greys it out live.
    const auto live = tablet.waitForEvent([item](const StreamEvent &e) {
        return e.type == u"menu.item_availability_changed"_s && e.data().value(u"item"_s)[u"id"_s].toInteger() == item;
    });
    QVERIFY(live);
    QCOMPARE(live->data().value(u"item"_s)[u"stock"_s].toInt(-1), 0);
    QCOMPARE(live->data().value(u"item"_s)[u"available"_s].toBool(), false);
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/%1/stock"_s.arg(item), {{u"stock"_s, QJsonValue(QJsonValue::Null)}},
                               token(u"manager"_s)),
                  200);
}

void TestMenuOptions::hoursFollowTheStoreTimeZoneAcrossMidnight()
{
    // A store whose clock shows 00:xx now: a fixed-offset zone chosen for this moment.
    const QDateTime utcNow = QDateTime::currentDateTimeUtc();
    const int hour = utcNow.time().hour();
    const int offset = hour <= 12 ? -hour : 24 - hour; // hours east of UTC, -12..+11
    const QString zoneId = offset == 0 ? u"Etc/GMT"_s
                                       : offset > 0 ? u"Etc/GMT-%1"_s.arg(offset) : u"Etc/GMT+%1"_s.arg(-offset);
    const QTimeZone zone(zoneId.toLatin1());
    QVERIFY2(zone.isValid(), qPrintable(zoneId));
    EdgeProcess edge;
    VERIFY_STARTED(edge);
    QVERIFY(edge.terminate());
    QVERIFY(setStoreTimeZone(edge.databasePath(), zoneId));
    VERIFY_STARTED(edge);
    HttpClient http;
    http.setPort(edge.port());
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    const QString table = http.tableLogin(1);
    const QDateTime local = QDateTime::currentDateTimeUtc().toTimeZone(zone);
    QVERIFY2(local.time().hour() <= 1, qPrintable(local.toString(Qt::ISODate)));
    const int today = local.date().dayOfWeek();
    const int yesterday = today == 1 ? 7 : today - 1;
    const QList<QJsonObject> items = menuItems(http.get(u"/api/v1/menu"_s).json());
    const qint64 lateNight = items.at(10).value(u"id"_s).toInteger();  // opened yesterday 22:00, open until 03:00
    const qint64 tonight = items.at(11).value(u"id"_s).toInteger();    // opens today 22:00
    const auto window = [](int day) {
        return QJsonArray{QJsonObject{{u"days"_s, QJsonArray{day}}, {u"from"_s, u"22:00"_s}, {u"to"_s, u"03:00"_s}}};
    };
    VERIFY_STATUS(http.put(u"/api/v1/menu/items/%1"_s.arg(lateNight), {{u"available_hours"_s, window(yesterday)}}, manager), 200);
    VERIFY_STATUS(http.put(u"/api/v1/menu/items/%1"_s.arg(tonight), {{u"available_hours"_s, window(today)}}, manager), 200);

    const QJsonObject menu = http.get(u"/api/v1/menu"_s, table).json();
    QCOMPARE(menu.value(u"time_zone"_s).toString(), zoneId);
    const QJsonObject open = findItem(menu, lateNight);
    QCOMPARE(open.value(u"available_now"_s).toBool(), true);
    QVERIFY(open.value(u"next_available_at"_s).isNull());
    const QJsonObject closed = findItem(menu, tonight);
    QCOMPARE(closed.value(u"available_now"_s).toBool(), false);
    const QDateTime opens = QDateTime(local.date(), QTime(22, 0), zone).toUTC();
    QCOMPARE(closed.value(u"next_available_at"_s).toString(), opens.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s));
    QCOMPARE(closed.value(u"available"_s).toBool(), true); // not sold out: just not now

    VERIFY_STATUS(http.post(u"/api/v1/orders"_s, order({line(lateNight, 1)}), table), 201);
    const QStringList before = databaseState(edge.databasePath());
    const HttpResult refused = http.post(u"/api/v1/orders"_s, order({line(tonight, 1)}), table);
    VERIFY_ERROR(refused, 409, u"ITEM_UNAVAILABLE"_s);
    QCOMPARE(refused.json().value(u"error"_s)[u"details"_s][u"reason"_s].toString(), u"hours"_s);
    QCOMPARE(refused.json().value(u"error"_s)[u"details"_s][u"menu_item_ids"_s].toArray(), QJsonArray{tonight});
    QCOMPARE(databaseState(edge.databasePath()), before);

    // Category hours count too: the whole category closed until tonight.
    const qint64 category = open.value(u"category_id"_s).toInteger();
    VERIFY_STATUS(http.put(u"/api/v1/menu/categories/%1"_s.arg(category), {{u"available_hours"_s, window(today)}}, manager),
                  200);
    const QJsonObject after = http.get(u"/api/v1/menu"_s, table).json();
    QCOMPARE(findItem(after, lateNight).value(u"available_now"_s).toBool(), false);
    VERIFY_ERROR(http.post(u"/api/v1/orders"_s, order({line(lateNight, 1)}), table), 409, u"ITEM_UNAVAILABLE"_s);
}

QTEST_GUILESS_MAIN(TestMenuOptions)
#include "tst_menuoptions.moc"
