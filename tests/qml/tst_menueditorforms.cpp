// The menu editor's checks before sending and its words for the edge's refusals, without a
// network (the editor is given a menu as the edge sends it).
#include "apireply.h"
#include "edgeapi.h"
#include "menueditor.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::kitchen;

namespace {

QVariantMap noTranslations()
{
    const QVariantMap empty{{u"name"_s, QString()}, {u"description"_s, QString()}};
    return {{u"en"_s, empty}, {u"zh"_s, empty}, {u"ja"_s, empty}};
}

QVariantMap window(const QVariantList &days, const QString &from, const QString &to)
{
    return {{u"days"_s, days}, {u"from"_s, from}, {u"to"_s, to}};
}

QVariantMap validItem()
{
    return {{u"id"_s, 0}, {u"categoryId"_s, 1}, {u"name"_s, u"콩국수"_s}, {u"description"_s, QString()},
            {u"price"_s, u"12000"_s}, {u"stock"_s, QString()}, {u"available"_s, true},
            {u"allergens"_s, QVariantList()}, {u"tags"_s, QVariantList()}, {u"groupIds"_s, QVariantList()},
            {u"translations"_s, noTranslations()}, {u"hours"_s, QVariantList()}};
}

QVariantMap option(const QString &name, const QString &delta)
{
    return {{u"id"_s, 0}, {u"name"_s, name}, {u"priceDelta"_s, delta}, {u"available"_s, true},
            {u"translations"_s, noTranslations()}};
}

QVariantMap validGroup()
{
    return {{u"id"_s, 0}, {u"name"_s, u"맵기"_s}, {u"minSelect"_s, u"1"_s}, {u"maxSelect"_s, u"1"_s},
            {u"translations"_s, noTranslations()},
            {u"options"_s, QVariantList{option(u"순한맛"_s, u"0"_s), option(u"매운맛"_s, u"500"_s)}}};
}

} // namespace

Q_DECLARE_METATYPE(tableorder::client::ApiReply)

class TestMenuEditorForms : public QObject
{
    Q_OBJECT
    client::EdgeApi m_api;
    MenuEditor m_editor{m_api};

private slots:
    void initTestCase()
    {
        m_editor.load(QJsonObject{{u"currency"_s, u"KRW"_s},
                                  {u"categories"_s, QJsonArray{QJsonObject{{u"id"_s, 1}, {u"name"_s, u"면"_s},
                                                                           {u"display_order"_s, 10},
                                                                           {u"items"_s, QJsonArray()}}}}},
                      {});
    }

    void checkItem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("problem");
        const QString price = u"Enter the price in won, from 0 to 100,000,000."_s;
        QTest::newRow("valid") << u"name"_s << QVariant(u"콩국수"_s) << QString();
        QTest::newRow("price with commas and won") << u"price"_s << QVariant(u"12,000원"_s) << QString();
        QTest::newRow("price in words") << u"price"_s << QVariant(u"만원"_s) << price;
        QTest::newRow("negative price") << u"price"_s << QVariant(u"-1"_s) << price;
        QTest::newRow("price over the limit") << u"price"_s << QVariant(u"100000001"_s) << price;
        QTest::newRow("no price") << u"price"_s << QVariant(QString()) << price;
        QTest::newRow("no Korean name") << u"name"_s << QVariant(u"  "_s)
                                        << u"Enter the menu item's name in Korean."_s;
        QTest::newRow("name of 101") << u"name"_s << QVariant(QString(101, u'가'))
                                     << u"The name is too long (at most 100 characters)."_s;
        QTest::newRow("unknown category") << u"categoryId"_s << QVariant(99) << u"Choose a category."_s;
        QTest::newRow("stock in words") << u"stock"_s << QVariant(u"many"_s)
                                        << u"Stock is a number of portions from 0 to 1,000,000 (empty = unlimited)."_s;
        QTest::newRow("stock zero") << u"stock"_s << QVariant(u"0"_s) << QString();
        QTest::newRow("eleven groups") << u"groupIds"_s << QVariant(QVariantList{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
                                       << u"An item offers at most 10 option groups."_s;
        QTest::newRow("hours past midnight")
                << u"hours"_s << QVariant(QVariantList{window({5}, u"22:00"_s, u"02:00"_s)}) << QString();
        QTest::newRow("hours without days")
                << u"hours"_s << QVariant(QVariantList{window({}, u"11:00"_s, u"14:00"_s)})
                << u"Time window 1: choose at least one day."_s;
        QTest::newRow("hours from == to")
                << u"hours"_s << QVariant(QVariantList{window({1}, u"11:00"_s, u"11:00"_s)})
                << u"Time window 1: the start and end times are the same."_s;
        QTest::newRow("hours 24:00")
                << u"hours"_s << QVariant(QVariantList{window({1}, u"11:00"_s, u"24:00"_s)})
                << u"Time window 1: write the times as HH:MM, for example 11:00."_s;
        QVariantMap longEnglish = noTranslations();
        longEnglish[u"en"_s] = QVariantMap{{u"name"_s, QString(101, u'a')}, {u"description"_s, QString()}};
        QTest::newRow("English name of 101") << u"translations"_s << QVariant(longEnglish)
                                             << u"The English name is too long (at most 100 characters)."_s;
    }

    void checkItem()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QString, problem);
        QVariantMap form = validItem();
        form.insert(key, value);
        QCOMPARE(m_editor.checkItem(form), problem);
        if (!problem.isEmpty()) {
            QCOMPARE(m_editor.saveItem(form), false);
            QCOMPARE(m_editor.error(), problem); // shown, nothing sent
            QVERIFY(!m_editor.busy());
        }
    }

    void checkGroup_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("valid") << u"name"_s << QVariant(u"맵기"_s) << QString();
        QTest::newRow("no name") << u"name"_s << QVariant(QString()) << u"Enter the option group's name in Korean."_s;
        QTest::newRow("min over max") << u"minSelect"_s << QVariant(u"2"_s)
                                      << u"The minimum number of choices is larger than the maximum."_s;
        QTest::newRow("max over the options") << u"maxSelect"_s << QVariant(u"3"_s)
                                              << u"The maximum number of choices (3) is more than the options (2)."_s;
        QTest::newRow("max 0") << u"maxSelect"_s << QVariant(u"0"_s)
                               << u"Enter how many options a guest picks: at least 0, at most 1 or more."_s;
        QTest::newRow("no options") << u"options"_s << QVariant(QVariantList()) << u"A group needs at least one option."_s;
        QTest::newRow("discount") << u"options"_s << QVariant(QVariantList{option(u"작게"_s, u"-500"_s)}) << QString();
        QTest::newRow("option without a name") << u"options"_s << QVariant(QVariantList{option(u""_s, u"0"_s)})
                                               << u"Option 1: enter its name in Korean."_s;
        QTest::newRow("price change in words") << u"options"_s << QVariant(QVariantList{option(u"곱빼기"_s, u"천원"_s)})
                                               << u"Option 1: the price change is a number of won (0, +1000 or -500)."_s;
        QVariantList many;
        for (int i = 0; i < 31; ++i)
            many.append(option(u"옵션 %1"_s.arg(i), u"0"_s));
        QTest::newRow("31 options") << u"options"_s << QVariant(many) << u"A group has at most 30 options."_s;
    }

    void checkGroup()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QString, problem);
        QVariantMap form = validGroup();
        form.insert(key, value);
        QCOMPARE(m_editor.checkGroup(form), problem);
    }

    void refusalsInWords_data()
    {
        QTest::addColumn<client::ApiReply>("reply");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("no answer") << client::ApiReply::fromTransportError(u"Connection refused"_s) << u"item"_s
                                   << u"The store server did not answer; nothing was saved. Check the connection and try again."_s;
        QTest::newRow("category limit")
                << client::ApiReply::fromHttp(409, R"({"error":{"code":"LIMIT_REACHED","message":"a store has at most 7 categories"}})")
                << u"category"_s
                << u"The store already has the most categories it may have (7). Delete one first. (409 LIMIT_REACHED)"_s;
        QTest::newRow("groups per item")
                << client::ApiReply::fromHttp(409, R"({"error":{"code":"LIMIT_REACHED","message":"an item has at most 10 option groups","details":{"limit":10}}})")
                << u"item"_s << u"An item offers at most 10 option groups. (409 LIMIT_REACHED)"_s;
        QTest::newRow("category with items")
                << client::ApiReply::fromHttp(409, R"({"error":{"code":"CONFLICT","message":"category still has 1 items; move or delete them first"}})")
                << u"category"_s << u"This category still has menu items. Move or delete them first. (409 CONFLICT)"_s;
        QTest::newRow("category gone")
                << client::ApiReply::fromHttp(400, R"({"error":{"code":"VALIDATION_FAILED","message":"category_id names no category","details":{"field":"category_id"}}})")
                << u"item"_s
                << u"The category no longer exists (deleted on another screen?). Choose another category. (400 VALIDATION_FAILED)"_s;
        QTest::newRow("managed at HQ")
                << client::ApiReply::fromHttp(409, R"({"error":{"code":"MENU_MANAGED_CENTRALLY","message":"the menu is managed by central"}})")
                << u"item"_s << u"This store's menu is managed at HQ: edit it in the HQ dashboard. (409 MENU_MANAGED_CENTRALLY)"_s;
        QTest::newRow("picture too large")
                << client::ApiReply::fromHttp(413, R"({"error":{"code":"PAYLOAD_TOO_LARGE","message":"request body exceeds 2048 KiB"}})")
                << u"picture"_s << u"The picture is larger than 2 MB. Choose a smaller file. (413 PAYLOAD_TOO_LARGE)"_s;
    }

    void refusalsInWords()
    {
        QFETCH(client::ApiReply, reply);
        QFETCH(QString, kind);
        QFETCH(QString, words);
        QCOMPARE(MenuEditor::describeRefusal(reply, kind), words);
    }

    void formsFromTheMenu()
    {
        const QVariantMap fresh = m_editor.itemForm(0);
        QCOMPARE(fresh.value(u"categoryId"_s).toLongLong(), 1); // the chosen category
        QCOMPARE(fresh.value(u"available"_s).toBool(), true);
        const QVariantMap group = m_editor.groupForm(0);
        QCOMPARE(group.value(u"options"_s).toList().size(), 1); // one empty option to fill in
        QCOMPARE(m_editor.formatPrice(12000), u"₩12,000"_s);
    }
};

QTEST_GUILESS_MAIN(TestMenuEditorForms)
#include "tst_menueditorforms.moc"
