// The manager's menu editor in the staff app, headless at 1280x800 against a real edge: a
// whole dish (category, item, option group, translations, allergens, tags, hours, stock) is
// built by tapping and typing, and GET /api/v1/menu shows exactly that; a save the edge
// refuses shows the refusal in Korean and changes nothing; deleting asks first. Also writes
// the editor's screenshot for the docs.
#include "edgeprocess.h"
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "menueditor.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {

QJsonObject findNamed(const QJsonArray &list, const QString &name)
{
    for (const QJsonValue &v : list)
        if (v.toObject().value(u"name"_s).toString() == name)
            return v.toObject();
    return {};
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestMenuEditor : public QObject
{
    Q_OBJECT

    // Demo store with 6 categories; one more is allowed, so the second new one is refused.
    EdgeProcess m_edge{EdgeProcess::Options{.environment = {{u"TABLEORDER_LIMITS_MAX_CATEGORIES"_s, u"7"_s}}}};
    HttpClient m_http;
    QString m_token;
    QTemporaryDir m_dir;
    std::unique_ptr<kitchen::KitchenApp> m_app;
    std::unique_ptr<UiDriver> m_ui;
    qint64 m_groupId = 0;
    qint64 m_categoryId = 0;
    qint64 m_itemId = 0;

    kitchen::MenuEditor &editor() { return *m_app->controller().editor(); }
    QJsonObject menu() { return m_http.get(u"/api/v1/menu"_s).json(); }
    /// The menu without what the clock moves (available_now, next_available_at), so a
    /// comparison "nothing changed" cannot flip when an hours window opens mid-test.
    QJsonObject storedMenu()
    {
        QJsonObject out = menu();
        QJsonArray categories;
        for (const QJsonValue &c : out.value(u"categories"_s).toArray()) {
            QJsonObject category = c.toObject();
            category.remove(u"available_now"_s);
            category.remove(u"next_available_at"_s);
            QJsonArray items;
            for (const QJsonValue &i : category.value(u"items"_s).toArray()) {
                QJsonObject item = i.toObject();
                item.remove(u"available_now"_s);
                item.remove(u"next_available_at"_s);
                items.append(item);
            }
            category.insert(u"items"_s, items);
            categories.append(category);
        }
        out.insert(u"categories"_s, categories);
        return out;
    }
    QJsonObject categoryNamed(const QString &name)
    {
        return findNamed(menu().value(u"categories"_s).toArray(), name);
    }

    /// Taps Save and waits for the edge's answer to be shown (a notice or an error).
    bool saveAndWait()
    {
        if (!m_ui->tap(u"formSave"_s))
            return false;
        return QTest::qWaitFor([&] { return !editor().busy() && (!editor().notice().isEmpty() || !editor().error().isEmpty()); },
                               10000);
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_token = m_http.staffLogin(u"manager"_s, u"manager"_s);

        ui::AppOptions options;
        options.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_edge.port()));
        options.settingsFile = m_dir.filePath(u"kitchen.ini"_s);
        options.windowed = true;
        options.width = 1280; // the manager's tablet, landscape
        options.height = 800;
        options.mute = true;
        m_app = std::make_unique<kitchen::KitchenApp>(options);
        QVERIFY(m_app->show());
        m_ui = std::make_unique<UiDriver>(m_app->window());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));

        QVERIFY(m_ui->type(u"loginUser"_s, u"manager"_s));
        QVERIFY(m_ui->type(u"loginPassword"_s, u"manager"_s));
        QVERIFY(m_ui->tap(u"loginSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"page-editor"_s), 5000);
        QCOMPARE(m_app->controller().language(), u"ko"_s);
        QVERIFY(m_ui->tap(u"page-editor"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"menuEditorPage"_s), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(editor().loaded(), 5000);
        QCOMPARE(editor().categories().size(), menu().value(u"categories"_s).toArray().size());
    }

    void buildsADishThroughTheUi()
    {
        // An option group: 맵기, required, one of two; the hot one is off today.
        QVERIFY(m_ui->tap(u"editorTab-groups"_s));
        QTRY_VERIFY(m_ui->find(u"newGroupButton"_s));
        QVERIFY(m_ui->tap(u"newGroupButton"_s));
        QTRY_VERIFY(m_ui->find(u"formMinSelect"_s));
        QVERIFY(m_ui->type(u"formName"_s, u"국물 맵기"_s));
        QVERIFY(m_ui->type(u"formMinSelect"_s, u"1"_s));
        QVERIFY(m_ui->type(u"formMaxSelect"_s, u"1"_s));
        QVERIFY(m_ui->type(u"trGroupName-en"_s, u"Broth heat"_s));
        QVERIFY(m_ui->type(u"optionName-0"_s, u"순한맛"_s));
        QVERIFY(m_ui->type(u"trOption0Name-en"_s, u"Mild"_s));
        QVERIFY(m_ui->scrollAndTap(u"addOptionButton"_s));
        QTRY_VERIFY(m_ui->find(u"optionName-1"_s));
        QVERIFY(m_ui->type(u"optionName-1"_s, u"아주 매운맛"_s));
        QVERIFY(m_ui->type(u"optionDelta-1"_s, u"500"_s));
        QVERIFY(m_ui->type(u"trOption1Name-ja"_s, u"激辛"_s));
        QVERIFY(m_ui->scrollAndTap(u"optionAvailable-1"_s));
        QVERIFY(saveAndWait());
        QVERIFY2(editor().error().isEmpty(), qPrintable(editor().error()));
        const QJsonArray groups = m_http.get(u"/api/v1/menu/option-groups"_s, m_token).json().value(u"groups"_s).toArray();
        const QJsonObject group = findNamed(groups, u"국물 맵기"_s);
        QVERIFY(!group.isEmpty());
        m_groupId = group.value(u"id"_s).toInteger();

        // A category with its translations.
        QVERIFY(m_ui->tap(u"editorTab-menu"_s));
        QTRY_VERIFY(m_ui->find(u"newCategoryButton"_s));
        QVERIFY(m_ui->tap(u"newCategoryButton"_s));
        QTRY_VERIFY(m_ui->find(u"trCategoryName-en"_s));
        QVERIFY(m_ui->type(u"formName"_s, u"여름 메뉴"_s));
        QVERIFY(m_ui->type(u"trCategoryName-en"_s, u"Summer"_s));
        QVERIFY(m_ui->type(u"trCategoryName-ja"_s, u"夏メニュー"_s));
        QVERIFY(m_ui->scrollAndTap(u"addHoursButton"_s)); // Mon-Fri 11:00-14:00
        QTRY_VERIFY(m_ui->find(u"hoursTo-0"_s));
        QVERIFY(m_ui->scrollAndTap(u"hoursDay-0-1"_s)); // not Monday
        QVERIFY(m_ui->scrollAndTap(u"hoursDay-0-7"_s)); // but Sunday
        QVERIFY(m_ui->type(u"hoursFrom-0"_s, u"22:00"_s));
        QVERIFY(m_ui->type(u"hoursTo-0"_s, u"02:00"_s)); // past midnight
        QVERIFY(saveAndWait());
        QVERIFY2(editor().error().isEmpty(), qPrintable(editor().error()));
        QTRY_VERIFY(!categoryNamed(u"여름 메뉴"_s).isEmpty());
        m_categoryId = categoryNamed(u"여름 메뉴"_s).value(u"id"_s).toInteger();
        QTRY_COMPARE(editor().selectedCategoryId(), m_categoryId);
        QTRY_VERIFY(m_ui->find(u"categoryRow-%1"_s.arg(m_categoryId)));

        // An item in it with everything.
        QVERIFY(m_ui->tap(u"newItemButton"_s));
        QTRY_VERIFY(m_ui->find(u"formPrice"_s));
        QVERIFY(m_ui->type(u"formName"_s, u"콩국수"_s));
        QVERIFY(m_ui->type(u"formPrice"_s, u"12,000"_s));
        QVERIFY(m_ui->type(u"formDescription"_s, u"진한 콩국물에 소면"_s));
        QVERIFY(m_ui->type(u"formStock"_s, u"20"_s));
        QVERIFY(m_ui->scrollAndTap(u"formGroup-%1"_s.arg(m_groupId)));
        QVERIFY(m_ui->scrollAndTap(u"formAllergen-wheat"_s));
        QVERIFY(m_ui->scrollAndTap(u"formAllergen-soybean"_s));
        QVERIFY(m_ui->scrollAndTap(u"formTag-new"_s));
        QVERIFY(m_ui->scrollAndTap(u"addHoursButton"_s)); // Mon-Fri 11:00-14:00
        QTRY_VERIFY(m_ui->find(u"hoursFrom-0"_s));
        QVERIFY(m_ui->scrollAndTap(u"hoursDay-0-6"_s)); // and Saturday
        QVERIFY(m_ui->type(u"hoursFrom-0"_s, u"11:30"_s));
        QVERIFY(m_ui->type(u"trItemName-en"_s, u"Cold soy milk noodles"_s));
        QVERIFY(m_ui->type(u"trItemDescription-en"_s, u"Thin noodles in a rich soy broth"_s));
        QVERIFY(m_ui->type(u"trItemName-zh"_s, u"豆浆冷面"_s));
        QVERIFY(m_ui->type(u"trItemName-ja"_s, u"コングクス"_s));
        QVERIFY(saveAndWait());
        QVERIFY2(editor().error().isEmpty(), qPrintable(editor().error()));

        // The edge has exactly what was typed.
        const QJsonObject category = categoryNamed(u"여름 메뉴"_s);
        QCOMPARE(compact(category.value(u"translations"_s)),
                 QByteArray(R"({"en":{"name":"Summer"},"ja":{"name":"夏メニュー"}})"));
        QCOMPARE(compact(category.value(u"available_hours"_s)),
                 QByteArray(R"([{"days":[2,3,4,5,7],"from":"22:00","to":"02:00"}])"));
        const QJsonArray items = category.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject item = items.first().toObject();
        m_itemId = item.value(u"id"_s).toInteger();
        QCOMPARE(item.value(u"name"_s).toString(), u"콩국수"_s);
        QCOMPARE(item.value(u"description"_s).toString(), u"진한 콩국물에 소면"_s);
        QCOMPARE(item.value(u"price"_s).toInteger(), 12000);
        QCOMPARE(item.value(u"stock"_s).toInteger(), 20);
        QCOMPARE(item.value(u"available"_s).toBool(), true);
        QCOMPARE(compact(item.value(u"allergens"_s)), QByteArray(R"(["soybean","wheat"])"));
        QCOMPARE(compact(item.value(u"tags"_s)), QByteArray(R"(["new"])"));
        QCOMPARE(compact(item.value(u"available_hours"_s)),
                 QByteArray(R"([{"days":[1,2,3,4,5,6],"from":"11:30","to":"14:00"}])"));
        QCOMPARE(compact(item.value(u"translations"_s)),
                 QByteArray(R"({"en":{"description":"Thin noodles in a rich soy broth","name":"Cold soy milk noodles"},)"
                            R"("ja":{"name":"コングクス"},"zh":{"name":"豆浆冷面"}})"));
        const QJsonArray itemGroups = item.value(u"option_groups"_s).toArray();
        QCOMPARE(itemGroups.size(), 1);
        QJsonObject g = itemGroups.first().toObject();
        QCOMPARE(g.value(u"name"_s).toString(), u"국물 맵기"_s);
        QCOMPARE(g.value(u"min_select"_s).toInt(), 1);
        QCOMPARE(g.value(u"max_select"_s).toInt(), 1);
        QCOMPARE(compact(g.value(u"translations"_s)), QByteArray(R"({"en":{"name":"Broth heat"}})"));
        const QJsonArray options = g.value(u"options"_s).toArray();
        QCOMPARE(options.size(), 2);
        QCOMPARE(options.at(0).toObject().value(u"name"_s).toString(), u"순한맛"_s);
        QCOMPARE(options.at(0).toObject().value(u"price_delta"_s).toInteger(), 0);
        QCOMPARE(options.at(0).toObject().value(u"available"_s).toBool(), true);
        QCOMPARE(compact(options.at(0).toObject().value(u"translations"_s)), QByteArray(R"({"en":{"name":"Mild"}})"));
        QCOMPARE(options.at(1).toObject().value(u"name"_s).toString(), u"아주 매운맛"_s);
        QCOMPARE(options.at(1).toObject().value(u"price_delta"_s).toInteger(), 500);
        QCOMPARE(options.at(1).toObject().value(u"available"_s).toBool(), false);
        QCOMPARE(compact(options.at(1).toObject().value(u"translations"_s)), QByteArray(R"({"ja":{"name":"激辛"}})"));

        // The list shows it as the rest of the app writes won.
        QTRY_VERIFY(m_ui->find(u"itemRow-%1"_s.arg(m_itemId)));
        const QVariantMap row = editor().categoryItems().first().toMap();
        QCOMPARE(row.value(u"priceText"_s).toString(), u"₩12,000"_s);
    }

    void stockAndSoldOutFromTheForm()
    {
        QVERIFY(m_ui->tap(u"itemRow-%1"_s.arg(m_itemId)));
        QTRY_COMPARE(m_ui->find(u"formStock"_s)->property("text").toString(), u"20"_s);
        QVERIFY(m_ui->scrollAndTap(u"formStockClear"_s)); // unlimited again
        QVERIFY(m_ui->scrollAndTap(u"formAvailable"_s));  // sold out
        QVERIFY(saveAndWait());
        QVERIFY2(editor().error().isEmpty(), qPrintable(editor().error()));
        QJsonObject item = categoryNamed(u"여름 메뉴"_s).value(u"items"_s).toArray().first().toObject();
        QVERIFY(item.value(u"stock"_s).isNull());
        QCOMPARE(item.value(u"available"_s).toBool(), false);

        QTRY_VERIFY(m_ui->find(u"formStock"_s));
        QVERIFY(m_ui->type(u"formStock"_s, u"3"_s));
        QVERIFY(m_ui->scrollAndTap(u"formAvailable"_s)); // on sale again
        QVERIFY(saveAndWait());
        item = categoryNamed(u"여름 메뉴"_s).value(u"items"_s).toArray().first().toObject();
        QCOMPARE(item.value(u"stock"_s).toInteger(), 3);
        QCOMPARE(item.value(u"available"_s).toBool(), true);
    }

    void pictureFromAFile()
    {
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(QColor(222, 196, 140));
        const QString path = m_dir.filePath(u"kongguksu.png"_s);
        QVERIFY(image.save(path));
        QVERIFY(m_ui->tap(u"itemRow-%1"_s.arg(m_itemId)));
        QTRY_VERIFY(m_ui->find(u"formPicture"_s));
        QVERIFY(m_ui->find(u"formPicture"_s)->isEnabled()); // a saved item takes a picture
        // What the file dialog hands over when the manager picks the file.
        editor().uploadPicture(m_itemId, QUrl::fromLocalFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(!editor().busy() && !editor().notice().isEmpty(), 15000);
        QVERIFY2(editor().error().isEmpty(), qPrintable(editor().error()));
        const QJsonObject item = categoryNamed(u"여름 메뉴"_s).value(u"items"_s).toArray().first().toObject();
        QVERIFY(item.value(u"image_url"_s).toString().startsWith(u"/images/item-"_s));

        // A file that is not a picture: refused in words, nothing changes.
        const QJsonObject before = storedMenu();
        const QString notPicture = m_dir.filePath(u"menu.png"_s);
        QFile file(notPicture);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is the menu as text, not a picture");
        file.close();
        editor().uploadPicture(m_itemId, QUrl::fromLocalFile(notPicture));
        QTRY_VERIFY_WITH_TIMEOUT(!editor().busy() && !editor().error().isEmpty(), 15000);
        QCOMPARE(editor().error(), u"사진을 올리지 못했습니다. 6000x6000 픽셀 이하의 JPEG, PNG, WebP 사진을 쓰세요. (400 VALIDATION_FAILED)"_s);
        QTRY_VERIFY(m_ui->find(u"editorError"_s));
        QCOMPARE(storedMenu(), before);
    }

    void invalidFormIsStoppedBeforeSending()
    {
        const QJsonObject before = storedMenu();
        QVERIFY(m_ui->tap(u"itemRow-%1"_s.arg(m_itemId)));
        QTRY_VERIFY(m_ui->find(u"formPrice"_s));
        QVERIFY(m_ui->type(u"formPrice"_s, u"만원"_s));
        QVERIFY(m_ui->tap(u"formSave"_s));
        QTRY_VERIFY(m_ui->find(u"editorError"_s));
        QCOMPARE(m_ui->text(u"editorErrorText"_s), u"가격을 0원에서 100,000,000원 사이의 숫자로 입력하세요."_s);
        QCOMPARE(storedMenu(), before);
        // Cancel puts back what the edge has.
        QVERIFY(m_ui->tap(u"formCancel"_s));
        QTRY_COMPARE(m_ui->find(u"formPrice"_s)->property("text").toString(), u"12000"_s);
    }

    void refusedSaveShowsWhyAndChangesNothing()
    {
        // The store may have 7 categories; 여름 메뉴 was the 7th, so the edge refuses an 8th.
        const QJsonObject before = storedMenu();
        QVERIFY(m_ui->tap(u"newCategoryButton"_s));
        QTRY_VERIFY(m_ui->find(u"trCategoryName-en"_s));
        QVERIFY(m_ui->type(u"formName"_s, u"가을 메뉴"_s));
        QVERIFY(saveAndWait());
        QTRY_VERIFY(m_ui->find(u"editorError"_s));
        QCOMPARE(m_ui->text(u"editorErrorText"_s),
                 u"매장에 만들 수 있는 분류 수(7개)가 가득 찼습니다. 먼저 하나를 삭제하세요. (409 LIMIT_REACHED)"_s);
        QCOMPARE(storedMenu(), before);
        // The form keeps what was typed, to save once there is room.
        QCOMPARE(m_ui->find(u"formName"_s)->property("text").toString(), u"가을 메뉴"_s);
    }

    void deletingAsksFirst()
    {
        // A category that still has items: asked, then refused by the edge, in words.
        QVERIFY(m_ui->tap(u"categoryRow-%1"_s.arg(m_categoryId)));
        QTRY_VERIFY(m_ui->find(u"formDelete"_s));
        const QJsonObject before = storedMenu();
        QVERIFY(m_ui->tap(u"formDelete"_s));
        QTRY_VERIFY(m_ui->find(u"confirmDeleteYes"_s));
        QCOMPARE(m_ui->text(u"confirmDeleteText"_s), u"분류 \"여름 메뉴\"을(를) 삭제할까요?"_s);
        QVERIFY(m_ui->tap(u"confirmDeleteYes"_s));
        QTRY_VERIFY(m_ui->find(u"editorError"_s));
        QCOMPARE(m_ui->text(u"editorErrorText"_s),
                 u"이 분류에 아직 메뉴가 있습니다. 메뉴를 먼저 옮기거나 삭제하세요. (409 CONFLICT)"_s);
        QCOMPARE(storedMenu(), before);

        // The item: "keep it" keeps it.
        QVERIFY(m_ui->tap(u"itemRow-%1"_s.arg(m_itemId)));
        QTRY_VERIFY(m_ui->find(u"formDelete"_s));
        QVERIFY(m_ui->tap(u"formDelete"_s));
        QTRY_VERIFY(m_ui->find(u"confirmDeleteNo"_s));
        QVERIFY(m_ui->tap(u"confirmDeleteNo"_s));
        QTRY_VERIFY(!m_ui->find(u"confirmDeleteNo"_s));
        QCOMPARE(storedMenu(), before);
        // "Delete" deletes it; then the empty category can go.
        QVERIFY(m_ui->tap(u"formDelete"_s));
        QTRY_VERIFY(m_ui->find(u"confirmDeleteYes"_s));
        QVERIFY(m_ui->tap(u"confirmDeleteYes"_s));
        QTRY_COMPARE_WITH_TIMEOUT(categoryNamed(u"여름 메뉴"_s).value(u"items"_s).toArray().size(), 0, 5000);
        QTRY_VERIFY(!m_ui->find(u"itemRow-%1"_s.arg(m_itemId)));

        QVERIFY(m_ui->tap(u"categoryRow-%1"_s.arg(m_categoryId)));
        QTRY_VERIFY(m_ui->find(u"formDelete"_s));
        QVERIFY(m_ui->tap(u"formDelete"_s));
        QTRY_VERIFY(m_ui->find(u"confirmDeleteYes"_s));
        QVERIFY(m_ui->tap(u"confirmDeleteYes"_s));
        QTRY_VERIFY_WITH_TIMEOUT(categoryNamed(u"여름 메뉴"_s).isEmpty(), 5000);
        QTRY_VERIFY(!m_ui->find(u"categoryRow-%1"_s.arg(m_categoryId)));

        // The option group: asked first, then gone from the store.
        QVERIFY(m_ui->tap(u"editorTab-groups"_s));
        QTRY_VERIFY(m_ui->find(u"groupRow-%1"_s.arg(m_groupId)));
        QVERIFY(m_ui->tap(u"groupRow-%1"_s.arg(m_groupId)));
        QTRY_VERIFY(m_ui->find(u"formDelete"_s));
        QVERIFY(m_ui->tap(u"formDelete"_s));
        QTRY_VERIFY(m_ui->find(u"confirmDeleteYes"_s));
        QCOMPARE(m_ui->text(u"confirmDeleteText"_s),
                 u"옵션 그룹 \"국물 맵기\"을(를) 삭제할까요? 이 그룹을 쓰던 메뉴에서도 빠집니다."_s);
        QVERIFY(m_ui->tap(u"confirmDeleteYes"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"groupRow-%1"_s.arg(m_groupId)), 5000);
        const QJsonArray groups = m_http.get(u"/api/v1/menu/option-groups"_s, m_token).json().value(u"groups"_s).toArray();
        QVERIFY(findNamed(groups, u"국물 맵기"_s).isEmpty());
        QVERIFY(m_ui->tap(u"editorTab-menu"_s));
    }

    void reordersCategories()
    {
        const QJsonArray cats = menu().value(u"categories"_s).toArray();
        QVERIFY(cats.size() >= 2);
        const qint64 first = cats.at(0).toObject().value(u"id"_s).toInteger();
        const qint64 second = cats.at(1).toObject().value(u"id"_s).toInteger();
        QTRY_VERIFY(m_ui->find(u"moveCategoryDown-%1"_s.arg(first)));
        QVERIFY(m_ui->tap(u"moveCategoryDown-%1"_s.arg(first)));
        QTRY_COMPARE_WITH_TIMEOUT(menu().value(u"categories"_s).toArray().at(0).toObject().value(u"id"_s).toInteger(),
                                  second, 5000);
        QCOMPARE(menu().value(u"categories"_s).toArray().at(1).toObject().value(u"id"_s).toInteger(), first);
        QTRY_COMPARE(editor().categories().at(1).toMap().value(u"id"_s).toLongLong(), first); // the list follows
        QVERIFY(m_ui->tap(u"moveCategoryUp-%1"_s.arg(first)));
        QTRY_COMPARE_WITH_TIMEOUT(menu().value(u"categories"_s).toArray().at(0).toObject().value(u"id"_s).toInteger(),
                                  first, 5000);
    }

    void screenshot()
    {
        // The manager editing a demo dish with options, allergens and translations.
        QTRY_VERIFY(!editor().busy());
        const QJsonArray cats = menu().value(u"categories"_s).toArray();
        qint64 dish = 0;
        qint64 dishCategory = 0;
        for (const QJsonValue &c : cats)
            for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
                if (!dish && !i.toObject().value(u"option_groups"_s).toArray().isEmpty()
                    && !i.toObject().value(u"allergens"_s).toArray().isEmpty()) {
                    dish = i.toObject().value(u"id"_s).toInteger();
                    dishCategory = c.toObject().value(u"id"_s).toInteger();
                }
        QVERIFY(dish > 0);
        QVERIFY(m_ui->tap(u"categoryRow-%1"_s.arg(dishCategory)));
        QTRY_VERIFY(m_ui->find(u"itemRow-%1"_s.arg(dish)));
        QVERIFY(m_ui->tap(u"itemRow-%1"_s.arg(dish)));
        QTRY_VERIFY(m_ui->find(u"formPrice"_s));
        editor().clearError();
        // The dish's picture is loaded (Image.Ready) before the shot.
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->find(u"formImage"_s)->property("status").toInt(), 1, 5000);
        QVERIFY(m_ui->save(QStringLiteral(TABLEORDER_SCREENSHOT_DIR "/manager-menu-editor.png")));
        const QImage shot(QStringLiteral(TABLEORDER_SCREENSHOT_DIR "/manager-menu-editor.png"));
        QCOMPARE(shot.size(), QSize(1280, 800));

        // The option groups: a demo group with its options and who uses it.
        QVERIFY(m_ui->tap(u"editorTab-groups"_s));
        const QVariantList groups = editor().groups();
        QVERIFY(!groups.isEmpty());
        const qint64 group = groups.first().toMap().value(u"id"_s).toLongLong();
        QTRY_VERIFY(m_ui->find(u"groupRow-%1"_s.arg(group)));
        QVERIFY(m_ui->tap(u"groupRow-%1"_s.arg(group)));
        QTRY_VERIFY(m_ui->find(u"optionName-0"_s));
        QVERIFY(m_ui->save(QStringLiteral(TABLEORDER_SCREENSHOT_DIR "/manager-menu-editor-options.png")));
    }

    void cleanupTestCase()
    {
        m_ui.reset();
        m_app.reset();
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    TestMenuEditor test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_menueditor.moc"
