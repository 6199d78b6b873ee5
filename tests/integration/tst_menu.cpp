#include "testsupport.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The menu as tablets see it (cached, ETag/304), the manager's edits, the kitchen's
/// sold-out switch, and item pictures, against the real daemon.
class TestMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoMenu();
    void etag();
    void gzipForClientsThatAcceptIt();
    void categoryAndItemLifecycle();
    void invalidMenuWrites_data();
    void invalidMenuWrites();
    void writesNeedManager_data();
    void writesNeedManager();
    void availabilityByKitchen();
    void imageUpload_data();
    void imageUpload();
    void badImages_data();
    void badImages();
    void imageTooLarge();
    void imagingModuleLoadsOnFirstPicture();
    void imagePathsStayInside_data();
    void imagePathsStayInside();

private:
    QJsonObject menu();
    QJsonObject findItem(const QJsonObject &menu, qint64 id);
    qint64 firstItemId();

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table;
    QString m_kitchen;
    QString m_manager;
};

void TestMenu::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(3);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty() && !m_manager.isEmpty());
}

QJsonObject TestMenu::menu()
{
    const HttpResult result = m_http.get(u"/api/v1/menu"_s);
    if (result.status != 200)
        qWarning("GET /menu: %s", qPrintable(result.describe()));
    return result.json();
}

QJsonObject TestMenu::findItem(const QJsonObject &menu, qint64 id)
{
    for (const QJsonValue &category : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &item : category.toObject().value(u"items"_s).toArray()) {
            if (item.toObject().value(u"id"_s).toInteger() == id)
                return item.toObject();
        }
    }
    return {};
}

qint64 TestMenu::firstItemId()
{
    const QJsonObject first = menu().value(u"categories"_s).toArray().first().toObject();
    return first.value(u"items"_s).toArray().first().toObject().value(u"id"_s).toInteger();
}

void TestMenu::demoMenu()
{
    const HttpResult result = m_http.get(u"/api/v1/menu"_s);
    VERIFY_STATUS(result, 200);
    QVERIFY(result.header("content-type").startsWith("application/json"));
    const QJsonObject json = result.json();
    QVERIFY(json.value(u"version"_s).toInteger() > 0);
    QCOMPARE(json.value(u"currency"_s).toString(), u"KRW"_s);
    const QJsonArray categories = json.value(u"categories"_s).toArray();
    QCOMPARE(categories.size(), 6);
    int items = 0;
    int lastOrder = std::numeric_limits<int>::min();
    for (const QJsonValue &c : categories) {
        const QJsonObject category = c.toObject();
        QVERIFY(category.value(u"id"_s).toInteger() > 0);
        QVERIFY(!category.value(u"name"_s).toString().isEmpty());
        QVERIFY(category.value(u"display_order"_s).toInt() >= lastOrder);
        lastOrder = category.value(u"display_order"_s).toInt();
        for (const QJsonValue &i : category.value(u"items"_s).toArray()) {
            const QJsonObject item = i.toObject();
            ++items;
            for (const QString &key : {u"id"_s, u"category_id"_s, u"name"_s, u"description"_s,
                                       u"price"_s, u"image_url"_s, u"available"_s,
                                       u"display_order"_s})
                QVERIFY2(item.contains(key), qPrintable(key));
            QCOMPARE(item.value(u"category_id"_s).toInteger(), category.value(u"id"_s).toInteger());
            // KRW prices: whole won, as JSON integers.
            const double price = item.value(u"price"_s).toDouble();
            QVERIFY(price >= 1000 && price == std::trunc(price));
            QVERIFY(item.value(u"available"_s).toBool());
            QVERIFY(item.value(u"image_url"_s).toString().startsWith(u"/images/"_s));
        }
    }
    QCOMPARE(items, 32);
}

void TestMenu::etag()
{
    const HttpResult first = m_http.get(u"/api/v1/menu"_s);
    VERIFY_STATUS(first, 200);
    const QByteArray etag = first.header("etag");
    QVERIFY(!etag.isEmpty());

    const HttpResult cached = m_http.get(u"/api/v1/menu"_s, {}, {{"If-None-Match", etag}});
    VERIFY_STATUS(cached, 304);
    QVERIFY(cached.body.isEmpty());
    QCOMPARE(cached.header("etag"), etag);

    const HttpResult stale = m_http.get(u"/api/v1/menu"_s, {}, {{"If-None-Match", "\"menu-0\""}});
    VERIFY_STATUS(stale, 200);
    QCOMPARE(stale.body, first.body);

    // Any menu write makes the old ETag stale.
    const qint64 id = firstItemId();
    VERIFY_STATUS(m_http.put(u"/api/v1/menu/items/%1"_s.arg(id), {{u"display_order"_s, 5}}, m_manager),
                  200);
    const HttpResult changed = m_http.get(u"/api/v1/menu"_s, {}, {{"If-None-Match", etag}});
    VERIFY_STATUS(changed, 200);
    QVERIFY(changed.header("etag") != etag);
    QVERIFY(changed.json().value(u"version"_s).toInteger()
            > first.json().value(u"version"_s).toInteger());
}

void TestMenu::gzipForClientsThatAcceptIt()
{
    const HttpResult plain = m_http.get(u"/api/v1/menu"_s, {}, {{"Accept-Encoding", "identity"}});
    VERIFY_STATUS(plain, 200);
    QVERIFY(plain.header("content-encoding").isEmpty());
    QCOMPARE(plain.header("vary"), QByteArray("Accept-Encoding"));
    QVERIFY(plain.json().contains(u"categories"_s));

    // Asked for explicitly, the bytes on the wire are a gzip member, much smaller.
    const HttpResult packed = m_http.get(u"/api/v1/menu"_s, {}, {{"Accept-Encoding", "gzip"}});
    VERIFY_STATUS(packed, 200);
    QCOMPARE(packed.header("content-encoding"), QByteArray("gzip"));
    QVERIFY(packed.body.startsWith("\x1f\x8b"));
    QVERIFY2(packed.body.size() * 3 < plain.body.size(),
             qPrintable(u"%1 vs %2 bytes"_s.arg(packed.body.size()).arg(plain.body.size())));
    // The two representations carry different tags of the same version.
    QVERIFY(packed.header("etag") != plain.header("etag"));
    QVERIFY(packed.header("etag").startsWith(plain.header("etag").chopped(1)));

    // What a tablet's QNetworkAccessManager does by itself: asks for gzip, inflates it, and
    // gets exactly the identity body.
    const HttpResult inflated = m_http.get(u"/api/v1/menu"_s);
    VERIFY_STATUS(inflated, 200);
    QCOMPARE(inflated.body, plain.body);

    // Either tag means "I have this version": 304 whichever representation it came from.
    VERIFY_STATUS(m_http.get(u"/api/v1/menu"_s, {}, {{"If-None-Match", plain.header("etag")}}), 304);
    VERIFY_STATUS(m_http.get(u"/api/v1/menu"_s, {}, {{"If-None-Match", packed.header("etag")}}), 304);

    // gzip refused with q=0: the identity body.
    const HttpResult refused = m_http.get(u"/api/v1/menu"_s, {}, {{"Accept-Encoding", "gzip;q=0, identity"}});
    VERIFY_STATUS(refused, 200);
    QVERIFY(refused.header("content-encoding").isEmpty());
    QCOMPARE(refused.body, plain.body);
}

void TestMenu::categoryAndItemLifecycle()
{
    const qint64 version = menu().value(u"version"_s).toInteger();

    const HttpResult category = m_http.post(u"/api/v1/menu/categories"_s,
                                            {{u"name"_s, u"계절 메뉴"_s}, {u"display_order"_s, 60}},
                                            m_manager);
    VERIFY_STATUS(category, 201);
    const qint64 categoryId = category.json().value(u"id"_s).toInteger();
    QVERIFY(categoryId > 0);
    QCOMPARE(category.json().value(u"name"_s).toString(), u"계절 메뉴"_s);

    const HttpResult renamed = m_http.put(u"/api/v1/menu/categories/%1"_s.arg(categoryId),
                                          {{u"name"_s, u"여름 메뉴"_s}}, m_manager);
    VERIFY_STATUS(renamed, 200);
    QCOMPARE(renamed.json().value(u"name"_s).toString(), u"여름 메뉴"_s);
    QCOMPARE(renamed.json().value(u"display_order"_s).toInt(), 60);

    const HttpResult item = m_http.post(u"/api/v1/menu/items"_s,
                                        {{u"category_id"_s, categoryId},
                                         {u"name"_s, u"콩국수"_s},
                                         {u"description"_s, u"시원한 콩물 국수"_s},
                                         {u"price"_s, 11000}},
                                        m_manager);
    VERIFY_STATUS(item, 201);
    const qint64 itemId = item.json().value(u"id"_s).toInteger();
    QCOMPARE(item.json().value(u"price"_s).toInteger(), 11000);
    QCOMPARE(item.json().value(u"available"_s).toBool(), true);
    QVERIFY(item.json().value(u"image_url"_s).isNull());

    const HttpResult repriced = m_http.put(u"/api/v1/menu/items/%1"_s.arg(itemId),
                                           {{u"price"_s, 12000}}, m_manager);
    VERIFY_STATUS(repriced, 200);
    QCOMPARE(repriced.json().value(u"price"_s).toInteger(), 12000);
    QCOMPARE(repriced.json().value(u"name"_s).toString(), u"콩국수"_s);

    QJsonObject served = menu();
    QVERIFY(served.value(u"version"_s).toInteger() >= version + 4);
    QCOMPARE(findItem(served, itemId).value(u"price"_s).toInteger(), 12000);
    const QJsonArray categories = served.value(u"categories"_s).toArray();
    QCOMPARE(categories.last().toObject().value(u"name"_s).toString(), u"여름 메뉴"_s);

    VERIFY_ERROR(m_http.del(u"/api/v1/menu/categories/%1"_s.arg(categoryId), m_manager), 409,
                 u"CONFLICT"_s);
    VERIFY_STATUS(m_http.del(u"/api/v1/menu/items/%1"_s.arg(itemId), m_manager), 204);
    VERIFY_STATUS(m_http.del(u"/api/v1/menu/categories/%1"_s.arg(categoryId), m_manager), 204);
    served = menu();
    QVERIFY(findItem(served, itemId).isEmpty());
    QCOMPARE(served.value(u"categories"_s).toArray().size(), 6);

    VERIFY_ERROR(m_http.del(u"/api/v1/menu/items/%1"_s.arg(itemId), m_manager), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.del(u"/api/v1/menu/categories/%1"_s.arg(categoryId), m_manager), 404,
                 u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/menu/items/%1"_s.arg(itemId), {{u"price"_s, 1}}, m_manager),
                 404, u"NOT_FOUND"_s);
}

void TestMenu::invalidMenuWrites_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("category without a name") << QByteArray("POST") << u"/api/v1/menu/categories"_s
                                             << QByteArray(R"({"display_order":1})") << u"name"_s;
    QTest::newRow("category name empty") << QByteArray("POST") << u"/api/v1/menu/categories"_s
                                         << QByteArray(R"({"name":"  "})") << u"name"_s;
    QTest::newRow("category with an unknown field")
            << QByteArray("POST") << u"/api/v1/menu/categories"_s
            << QByteArray(R"({"name":"x","colour":"red"})") << u"colour"_s;
    QTest::newRow("item without a price")
            << QByteArray("POST") << u"/api/v1/menu/items"_s
            << QByteArray(R"({"category_id":1,"name":"x"})") << u"price"_s;
    QTest::newRow("item price 1.5") << QByteArray("POST") << u"/api/v1/menu/items"_s
                                    << QByteArray(R"({"category_id":1,"name":"x","price":1.5})")
                                    << u"price"_s;
    QTest::newRow("item price as text") << QByteArray("POST") << u"/api/v1/menu/items"_s
                                        << QByteArray(R"({"category_id":1,"name":"x","price":"9000"})")
                                        << u"price"_s;
    QTest::newRow("item price negative") << QByteArray("POST") << u"/api/v1/menu/items"_s
                                         << QByteArray(R"({"category_id":1,"name":"x","price":-1})")
                                         << u"price"_s;
    QTest::newRow("item in no category")
            << QByteArray("POST") << u"/api/v1/menu/items"_s
            << QByteArray(R"({"category_id":999999,"name":"x","price":1000})") << u"category_id"_s;
    QTest::newRow("item update moves to no category")
            << QByteArray("PUT") << u"/api/v1/menu/items/1"_s << QByteArray(R"({"category_id":999999})")
            << u"category_id"_s;
    QTest::newRow("item update, available as text")
            << QByteArray("PUT") << u"/api/v1/menu/items/1"_s << QByteArray(R"({"available":"yes"})")
            << u"available"_s;
    QTest::newRow("item name too long")
            << QByteArray("PUT") << u"/api/v1/menu/items/1"_s
            << QByteArray(R"({"name":")" + QByteArray(101, 'x') + "\"}") << u"name"_s;
    QTest::newRow("malformed JSON") << QByteArray("PUT") << u"/api/v1/menu/items/1"_s
                                    << QByteArray(R"({"name":)") << u"body"_s;
}

void TestMenu::invalidMenuWrites()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QStringList before = databaseState(m_edge.databasePath());
    const QByteArray menuBefore = m_http.get(u"/api/v1/menu"_s).body;
    VERIFY_ERROR_FIELD(m_http.send(method, path, body, m_manager,
                                   {{"Content-Type", "application/json"}}),
                       400, u"VALIDATION_FAILED"_s, field);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    QCOMPARE(m_http.get(u"/api/v1/menu"_s).body, menuBefore);
}

void TestMenu::writesNeedManager_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    const QList<std::tuple<QByteArray, QString, QByteArray, QByteArray>> writes{
            {"POST", u"/api/v1/menu/categories"_s, R"({"name":"x"})", "application/json"},
            {"PUT", u"/api/v1/menu/categories/1"_s, R"({"name":"x"})", "application/json"},
            {"DELETE", u"/api/v1/menu/categories/1"_s, {}, {}},
            {"POST", u"/api/v1/menu/items"_s, R"({"category_id":1,"name":"x","price":1})",
             "application/json"},
            {"PUT", u"/api/v1/menu/items/1"_s, R"({"price":1})", "application/json"},
            {"DELETE", u"/api/v1/menu/items/1"_s, {}, {}},
            {"POST", u"/api/v1/menu/items/1/image"_s, pngImage(64, 64), "image/png"},
    };
    for (const QString &who : {u"table"_s, u"kitchen"_s}) {
        for (const auto &[method, path, body, type] : writes) {
            const QString name = who + u' ' + QString::fromLatin1(method) + u' ' + path;
            QTest::newRow(qPrintable(name)) << who << method << path << body << type;
        }
    }
}

void TestMenu::writesNeedManager()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const QStringList before = databaseState(m_edge.databasePath());
    Headers headers;
    if (!contentType.isEmpty())
        headers.emplaceBack("Content-Type", contentType);
    VERIFY_ERROR(m_http.send(method, path, body, who == u"table"_s ? m_table : m_kitchen, headers),
                 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestMenu::availabilityByKitchen()
{
    const qint64 id = firstItemId();
    const qint64 version = menu().value(u"version"_s).toInteger();
    const QString path = u"/api/v1/menu/items/%1/availability"_s.arg(id);

    const HttpResult soldOut = m_http.patch(path, {{u"available"_s, false}}, m_kitchen);
    VERIFY_STATUS(soldOut, 200);
    QCOMPARE(soldOut.json().value(u"available"_s).toBool(), false);
    QJsonObject served = menu();
    QCOMPARE(findItem(served, id).value(u"available"_s).toBool(), false);
    QVERIFY(served.value(u"version"_s).toInteger() > version);

    // A table cannot order what is sold out.
    VERIFY_ERROR(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{id, 1}}), m_table),
                 409, u"ITEM_UNAVAILABLE"_s);

    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR_FIELD(m_http.patch(path, {{u"available"_s, u"yes"_s}}, m_kitchen), 400,
                       u"VALIDATION_FAILED"_s, u"available"_s);
    VERIFY_ERROR_FIELD(m_http.patch(path, {}, m_kitchen), 400, u"VALIDATION_FAILED"_s,
                       u"available"_s);
    VERIFY_ERROR(m_http.patch(u"/api/v1/menu/items/999999/availability"_s, {{u"available"_s, true}},
                              m_kitchen),
                 404, u"NOT_FOUND"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);

    const HttpResult back = m_http.patch(path, {{u"available"_s, true}}, m_manager);
    VERIFY_STATUS(back, 200);
    QCOMPARE(findItem(menu(), id).value(u"available"_s).toBool(), true);
}

void TestMenu::imageUpload_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QSize>("fullSize");
    QTest::addColumn<QSize>("thumbSize");
    QTest::newRow("small picture keeps its size") << 800 << 600 << QSize(800, 600) << QSize(320, 240);
    QTest::newRow("large picture is scaled down") << 2400 << 1200 << QSize(1200, 600)
                                                  << QSize(320, 160);
}

void TestMenu::imageUpload()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QSize, fullSize);
    QFETCH(QSize, thumbSize);
    const qint64 id = firstItemId();
    const QByteArray png = pngImage(width, height);
    QVERIFY(png.startsWith("\x89PNG"));

    const HttpResult uploaded = m_http.send("POST", u"/api/v1/menu/items/%1/image"_s.arg(id), png,
                                            m_manager, {{"Content-Type", "image/png"}});
    VERIFY_STATUS(uploaded, 200);
    const QString imageUrl = uploaded.json().value(u"image_url"_s).toString();
    const QString thumbUrl = uploaded.json().value(u"thumbnail_url"_s).toString();
    QVERIFY2(imageUrl.startsWith(u"/images/"_s) && imageUrl.endsWith(u".jpg"_s), qPrintable(imageUrl));
    QCOMPARE(findItem(menu(), id).value(u"image_url"_s).toString(), imageUrl);

    for (const auto &[url, size] : {std::pair{imageUrl, fullSize}, std::pair{thumbUrl, thumbSize}}) {
        const HttpResult image = m_http.get(url);
        VERIFY_STATUS(image, 200);
        QCOMPARE(image.header("content-type"), QByteArray("image/jpeg"));
        QVERIFY2(image.header("cache-control").contains("max-age="),
                 image.header("cache-control").constData());
        QVERIFY(image.body.startsWith("\xFF\xD8\xFF"));
        const QImage decoded = QImage::fromData(image.body, "JPEG");
        QVERIFY(!decoded.isNull());
        QCOMPARE(decoded.size(), size);
    }
}

void TestMenu::badImages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("text said to be a PNG") << QByteArray("this is not a picture") << QByteArray("image/png")
                                           << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("PNG signature, garbage after")
            << QByteArray("\x89PNG\r\n\x1A\n" + QByteArray(5000, 'x')) << QByteArray("image/png") << 400
            << u"VALIDATION_FAILED"_s;
    QTest::newRow("truncated JPEG")
            << QByteArray("\xFF\xD8\xFF\xE0" + QByteArray(100, '\0')) << QByteArray("image/jpeg") << 400
            << u"VALIDATION_FAILED"_s;
    QTest::newRow("GIF") << QByteArray("GIF89a" + QByteArray(100, '\1')) << QByteArray("image/png")
                         << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("JSON content type") << QByteArray(R"({"image":"x"})")
                                       << QByteArray("application/json") << 415
                                       << u"UNSUPPORTED_MEDIA_TYPE"_s;
    QTest::newRow("GIF content type") << QByteArray("GIF89a") << QByteArray("image/gif") << 415
                                      << u"UNSUPPORTED_MEDIA_TYPE"_s;
    QTest::newRow("empty body") << QByteArray() << QByteArray("image/png") << 400
                                << u"VALIDATION_FAILED"_s;
}

void TestMenu::badImages()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    const qint64 id = firstItemId();
    const QStringList before = databaseState(m_edge.databasePath());
    const QString imageBefore = findItem(menu(), id).value(u"image_url"_s).toString();
    VERIFY_ERROR(m_http.send("POST", u"/api/v1/menu/items/%1/image"_s.arg(id), body, m_manager,
                             {{"Content-Type", contentType}}),
                 status, code);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    QCOMPARE(findItem(menu(), id).value(u"image_url"_s).toString(), imageBefore);
}

void TestMenu::imageTooLarge()
{
    const qint64 id = firstItemId();
    const QStringList before = databaseState(m_edge.databasePath());
    // The daemon answers from the headers alone, before reading a byte of the body.
    const QByteArray request = "POST /api/v1/menu/items/" + QByteArray::number(id)
            + "/image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_manager.toLatin1()
            + "\r\nContent-Type: image/png\r\nContent-Length: "
            + QByteArray::number(2 * 1024 * 1024 + 1) + "\r\n\r\n";
    const HttpResult result = HttpClient::raw(m_edge.port(), request);
    VERIFY_ERROR(result, 413, u"PAYLOAD_TOO_LARGE"_s);
    QVERIFY(result.closed);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

namespace {
/// Whether the process has QtGui (which only the imaging module links) mapped.
bool mapsQtGui(qint64 pid)
{
    QFile maps(u"/proc/%1/maps"_s.arg(pid));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libQt6Gui");
}
} // namespace

void TestMenu::imagingModuleLoadsOnFirstPicture()
{
    // An edge restarted on its data (no demo pictures to draw) keeps QtGui and the image
    // plugins out of its memory until the first picture arrives; then the picture is handled.
    EdgeProcess edge;
    VERIFY_STARTED(edge);
    QVERIFY(edge.terminate());
    VERIFY_STARTED(edge);
    HttpClient http;
    http.setPort(edge.port());
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!manager.isEmpty());
    VERIFY_STATUS(http.get(u"/api/v1/menu"_s), 200);
    QVERIFY2(!mapsQtGui(edge.processId()), "QtGui is loaded before any picture was handled");

    const qint64 id = http.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray().first().toObject()
                              .value(u"items"_s).toArray().first().toObject().value(u"id"_s).toInteger();
    const HttpResult uploaded = http.send("POST", u"/api/v1/menu/items/%1/image"_s.arg(id), pngImage(400, 300),
                                          manager, {{"Content-Type", "image/png"}});
    VERIFY_STATUS(uploaded, 200);
    const HttpResult image = http.get(uploaded.json().value(u"image_url"_s).toString());
    VERIFY_STATUS(image, 200);
    QCOMPARE(QImage::fromData(image.body, "JPEG").size(), QSize(400, 300));
    QVERIFY(mapsQtGui(edge.processId()));
}

void TestMenu::imagePathsStayInside_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("database") << u"/images/edge.sqlite3"_s;
    QTest::newRow("secret") << u"/images/jwt-secret"_s;
    QTest::newRow("encoded dot-dot") << u"/images/..%2Fjwt-secret"_s;
    QTest::newRow("encoded dot-dot to a jpg") << u"/images/..%2Fx.jpg"_s;
    QTest::newRow("missing picture") << u"/images/item-1-000000000000.jpg"_s;
}

void TestMenu::imagePathsStayInside()
{
    QFETCH(QString, path);
    VERIFY_ERROR(m_http.get(path), 404, u"NOT_FOUND"_s);
}

QTEST_GUILESS_MAIN(TestMenu)
#include "tst_menu.moc"
