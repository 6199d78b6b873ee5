#include "synckit.h"
#include "testsupport.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

/// Tenancy: an HQ token of one organization sees and changes nothing of another, on every
/// HQ endpoint; a store viewer sees only its store. The second organization comes from the
/// admin command (`tableorder-central org add`), as an operator would onboard it.
class TestSyncTenancy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyHqEndpointIsScoped_data();
    void everyHqEndpointIsScoped();
    void reportsAddUpOnlyOwnStores_data();
    void reportsAddUpOnlyOwnStores();
    void feedShowsOnlyOwnOrganization_data();
    void feedShowsOnlyOwnOrganization();
    void storeViewerSeesOnlyItsStore();
    void adminCommandErrors();

private:
    /// One organization's HQ session and the things it owns.
    struct Org
    {
        QString name;
        QString token;
        qint64 store = 0;
        QString storeName;
        QString key;
        qint64 category = 0;
        qint64 item = 0;
        QString itemName;
        qint64 unitPrice = 0;
        qint64 nextSeq = 1;
        qint64 orders = 0;
    };
    void populate(Org &org, const QString &marker, qint64 unitPrice);
    void uploadOrders(Org &org, int count);
    QStringList tenantState();
    Org &org(const QString &which) { return which == u"x"_s ? m_x : m_y; }

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    HttpClient m_http;
    Org m_x;
    Org m_y;
};

void TestSyncTenancy::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());

    QByteArray output;
    const int code
        = CentralProcess::runAdmin({ u"org"_s, u"add"_s, u"--db"_s, m_db.url(), u"--name"_s,
                                       u"second group"_s, u"--admin-username"_s, u"y-admin"_s },
            "y-secret-pass\n", &output);
    QVERIFY2(code == 0, output.constData());
    QVERIFY2(output.contains("added organization second group"), output.constData());

    m_x.name = u"demo"_s;
    m_x.token = Hq::login(m_http, u"hq"_s, u"hq"_s);
    m_y.name = u"second group"_s;
    m_y.token = Hq::login(m_http, u"y-admin"_s, u"y-secret-pass"_s);
    QVERIFY(!m_x.token.isEmpty() && !m_y.token.isEmpty());
    populate(m_x, u"X-7f3a"_s, 1000);
    populate(m_y, u"Y-9c1e"_s, 7777);
    QVERIFY(m_x.store && m_y.store && m_x.item && m_y.item);
}

void TestSyncTenancy::populate(Org &org, const QString &marker, qint64 unitPrice)
{
    Hq hq { m_http, org.token };
    org.storeName = marker + u" store"_s;
    std::tie(org.store, org.key) = hq.registerStore(org.storeName);
    const HttpResult category = m_http.post(u"/api/v1/stores/%1/menu/categories"_s.arg(org.store),
        { { u"name"_s, QString(marker + u" category"_s) } }, org.token);
    VERIFY_STATUS(category, 201);
    org.category = category.json().value(u"id"_s).toInteger();
    org.itemName = marker + u" dish"_s;
    const HttpResult item = m_http.post(u"/api/v1/stores/%1/menu/items"_s.arg(org.store),
        { { u"category_id"_s, org.category }, { u"name"_s, org.itemName },
            { u"price"_s, unitPrice } },
        org.token);
    VERIFY_STATUS(item, 201);
    org.item = item.json().value(u"id"_s).toInteger();
    org.unitPrice = unitPrice;

    // Orders with the edge's daily figures, and one event central cannot use.
    uploadOrders(org, 3);
    pb::UploadRequest broken = orderBatch(org.nextSeq, 1, unitPrice);
    broken.mutable_events(0)->set_data_json("{\"id\":\"not a number\"}");
    auto *total = broken.add_daily_totals();
    total->set_business_date(QDate::currentDate().toString(Qt::ISODate).toStdString());
    total->set_orders(org.orders);
    total->set_total(org.orders * unitPrice);
    VERIFY_STATUS(upload(m_http, org.key, broken), 200);
    ++org.nextSeq;
}

void TestSyncTenancy::uploadOrders(Org &org, int count)
{
    pb::UploadRequest batch = orderBatch(org.nextSeq, count, org.unitPrice);
    // Order ids must not collide with an earlier (dead-lettered) seq's: ids are seqs here.
    pb::UploadResponse response;
    const HttpResult result = upload(m_http, org.key, batch, &response);
    if (result.status != 200)
        qWarning("upload: %s", qPrintable(result.describe()));
    org.nextSeq += count;
    org.orders += count;
}

QStringList TestSyncTenancy::tenantState()
{
    QStringList out = centralDataState(m_db.connection());
    const QStringList queries {
        u"SELECT id, name FROM organizations ORDER BY id"_s,
        u"SELECT id, org_id, name, timezone, key_hash, menu_version FROM stores ORDER BY id"_s,
        u"SELECT id, org_id, username, role, store_id FROM hq_users ORDER BY id"_s,
        u"SELECT id, store_id, name, display_order FROM menu_categories ORDER BY id"_s,
        u"SELECT id, store_id, category_id, name, description, price, image_url, display_order "
        "FROM menu_items ORDER BY id"_s,
        u"SELECT store_id, version, menu_json, publish_at, published_at, note FROM menu_versions "
        "ORDER BY store_id, version"_s,
    };
    for (const QString &sql : queries) {
        QSqlQuery q(m_db.connection());
        if (!q.exec(sql)) {
            out.append(u"failed: "_s + sql);
            continue;
        }
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row.append(q.value(i).toString());
            out.append(row.join(u'|'));
        }
    }
    return out;
}

void TestSyncTenancy::everyHqEndpointIsScoped_data()
{
    QTest::addColumn<QString>("viewer");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");

    const QDate today = QDate::currentDate();
    const QString range = u"from=%1&to=%2"_s.arg(
        today.addDays(-1).toString(Qt::ISODate), today.addDays(1).toString(Qt::ISODate));
    for (const QString &viewer : { u"x"_s, u"y"_s }) {
        const Org &v = org(viewer);
        const Org &o = org(viewer == u"x"_s ? u"y"_s : u"x"_s);
        const QString os = u"/api/v1/stores/%1"_s.arg(o.store);
        const QString vs = u"/api/v1/stores/%1"_s.arg(v.store);
        const QJsonObject newItem { { u"category_id"_s, o.category }, { u"name"_s, u"intruder"_s },
            { u"price"_s, 1 } };
        const QJsonObject bulk { { u"category"_s, u"intruders"_s }, { u"name"_s, u"intruder"_s },
            { u"price"_s, 1 } };
        struct Row
        {
            const char *name;
            QByteArray method;
            QString path;
            QJsonObject body;
            int status;
        };
        const QList<Row> rows {
            { "GET its store", "GET", os, {}, 404 },
            { "rotate its store key", "POST", os + u"/key"_s, {}, 404 },
            { "GET its menu", "GET", os + u"/menu"_s, {}, 404 },
            { "add a category to its store", "POST", os + u"/menu/categories"_s,
                { { u"name"_s, u"intruders"_s } }, 404 },
            { "rename its category", "PUT", os + u"/menu/categories/%1"_s.arg(o.category),
                { { u"name"_s, u"mine"_s } }, 404 },
            { "rename its category via own store", "PUT",
                vs + u"/menu/categories/%1"_s.arg(o.category), { { u"name"_s, u"mine"_s } }, 404 },
            { "delete its category", "DELETE", os + u"/menu/categories/%1"_s.arg(o.category), {},
                404 },
            { "delete its category via own store", "DELETE",
                vs + u"/menu/categories/%1"_s.arg(o.category), {}, 404 },
            { "add an item to its store", "POST", os + u"/menu/items"_s, newItem, 404 },
            { "add an item to own store in its category", "POST", vs + u"/menu/items"_s, newItem,
                400 },
            { "change its item", "PUT", os + u"/menu/items/%1"_s.arg(o.item), { { u"price"_s, 1 } },
                404 },
            { "change its item via own store", "PUT", vs + u"/menu/items/%1"_s.arg(o.item),
                { { u"price"_s, 1 } }, 404 },
            { "move own item into its category", "PUT", vs + u"/menu/items/%1"_s.arg(v.item),
                { { u"category_id"_s, o.category } }, 400 },
            { "delete its item", "DELETE", os + u"/menu/items/%1"_s.arg(o.item), {}, 404 },
            { "delete its item via own store", "DELETE", vs + u"/menu/items/%1"_s.arg(o.item), {},
                404 },
            { "publish its menu", "POST", os + u"/menu/publish"_s, {}, 404 },
            { "list its menu versions", "GET", os + u"/menu/versions"_s, {}, 404 },
            { "roll its menu back", "POST", os + u"/menu/rollback"_s, { { u"version"_s, 1 } },
                404 },
            { "bulk item into its store", "POST", u"/api/v1/menus/bulk-item"_s, QJsonObject(),
                404 },
            { "bulk item into own and its store", "POST", u"/api/v1/menus/bulk-item"_s,
                QJsonObject(), 404 },
            { "sales report of its store", "GET",
                u"/api/v1/reports/sales?%1&group_by=day&store_id=%2"_s.arg(range).arg(o.store), {},
                200 },
            { "item report of its store", "GET",
                u"/api/v1/reports/sales?%1&group_by=item&store_id=%2"_s.arg(range).arg(o.store), {},
                200 },
            { "reconciliation of its store", "GET",
                u"/api/v1/reconciliation?store_id=%1"_s.arg(o.store), {}, 200 },
            { "list stores", "GET", u"/api/v1/stores"_s, {}, 200 },
            { "dead letters", "GET", u"/api/v1/dead-letters"_s, {}, 200 },
            { "reconciliation", "GET", u"/api/v1/reconciliation"_s, {}, 200 },
            { "sales by store", "GET", u"/api/v1/reports/sales?%1&group_by=store"_s.arg(range), {},
                200 },
            { "sales by day", "GET", u"/api/v1/reports/sales?%1&group_by=day"_s.arg(range), {},
                200 },
            { "sales by hour", "GET", u"/api/v1/reports/sales?%1&group_by=hour"_s.arg(range), {},
                200 },
            { "sales by item", "GET", u"/api/v1/reports/sales?%1&group_by=item"_s.arg(range), {},
                200 },
        };
        for (Row row : rows) {
            if (QByteArrayView(row.name) == "bulk item into its store") {
                row.body = bulk;
                row.body.insert(u"store_ids"_s, QJsonArray { o.store });
            } else if (QByteArrayView(row.name) == "bulk item into own and its store") {
                row.body = bulk;
                row.body.insert(u"store_ids"_s, QJsonArray { v.store, o.store });
            }
            QTest::addRow("%s: %s", viewer == u"x"_s ? "X about Y" : "Y about X", row.name)
                << viewer << row.method << row.path << row.body << row.status;
        }
    }
}

void TestSyncTenancy::everyHqEndpointIsScoped()
{
    QFETCH(QString, viewer);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    const Org &v = org(viewer);
    const Org &o = org(viewer == u"x"_s ? u"y"_s : u"x"_s);

    const QStringList before = tenantState();
    const HttpResult result = method == "GET" || method == "DELETE"
        ? m_http.send(method, path, {}, v.token)
        : m_http.send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), v.token,
            { { "Content-Type", "application/json" } });
    if (status == 404)
        VERIFY_ERROR(result, 404, u"NOT_FOUND"_s);
    else if (status == 400)
        VERIFY_ERROR(result, 400, u"VALIDATION_FAILED"_s);
    else
        VERIFY_STATUS(result, 200);
    // Nothing of the other organization shows, nothing anywhere changed.
    for (const QString &trace : { o.storeName, o.itemName, o.key })
        QVERIFY2(!result.body.contains(trace.toUtf8()),
            qPrintable(trace + u" in "_s + result.describe()));
    const QRegularExpression otherStore(u"\"store_id\":%1[,}]"_s.arg(o.store));
    QVERIFY2(!otherStore.match(QString::fromUtf8(result.body)).hasMatch(),
        qPrintable(result.describe()));
    QCOMPARE(tenantState(), before);
    // The other store's key still works: the rotation did not happen.
    VERIFY_STATUS(upload(m_http, o.key, pb::UploadRequest()), 200);
}

void TestSyncTenancy::reportsAddUpOnlyOwnStores_data()
{
    QTest::addColumn<QString>("viewer");
    QTest::newRow("X") << u"x"_s;
    QTest::newRow("Y") << u"y"_s;
}

void TestSyncTenancy::reportsAddUpOnlyOwnStores()
{
    QFETCH(QString, viewer);
    const Org &v = org(viewer);
    Hq hq { m_http, v.token };
    const QJsonObject row = hq.salesRow(v.store);
    QCOMPARE(row.value(u"orders"_s).toInteger(), v.orders);
    QCOMPARE(row.value(u"total"_s).toInteger(), v.orders * v.unitPrice);

    const QDate today = QDate::currentDate();
    const QJsonArray all = m_http
                               .get(u"/api/v1/reports/sales?from=%1&to=%2&group_by=day"_s.arg(
                                        today.addDays(-1).toString(Qt::ISODate),
                                        today.addDays(1).toString(Qt::ISODate)),
                                   v.token)
                               .json()
                               .value(u"rows"_s)
                               .toArray();
    qint64 total = 0;
    for (const QJsonValue &r : all)
        total += r.toObject().value(u"total"_s).toInteger();
    // The demo organization also owns the demo store, which has no orders.
    QCOMPARE(total, v.orders * v.unitPrice);

    const QJsonArray stores
        = m_http.get(u"/api/v1/stores"_s, v.token).json().value(u"stores"_s).toArray();
    for (const QJsonValue &s : stores)
        QVERIFY(s.toObject().value(u"id"_s).toInteger()
            != org(viewer == u"x"_s ? u"y"_s : u"x"_s).store);
    QVERIFY(!stores.isEmpty());
}

void TestSyncTenancy::feedShowsOnlyOwnOrganization_data()
{
    QTest::addColumn<QString>("viewer");
    QTest::newRow("X watches") << u"x"_s;
    QTest::newRow("Y watches") << u"y"_s;
}

void TestSyncTenancy::feedShowsOnlyOwnOrganization()
{
    QFETCH(QString, viewer);
    Org &v = org(viewer);
    Org &o = org(viewer == u"x"_s ? u"y"_s : u"x"_s);
    SseStream feed;
    QVERIFY2(
        feed.open(m_central->port(), u"/api/v1/feed"_s, v.token), qPrintable(feed.errorString()));

    // The other organization's order first, then one of our own as a marker.
    uploadOrders(o, 1);
    const qint64 markerId = v.nextSeq;
    uploadOrders(v, 1);
    QList<SseStream::Event> seen;
    const auto marker = feed.waitFor(
        [&](const SseStream::Event &e) {
            seen.append(e);
            return e.data.value(u"order"_s).toObject().value(u"id"_s).toInteger() == markerId
                && e.data.value(u"store_id"_s).toInteger() == v.store;
        },
        10'000);
    QVERIFY2(marker, "our own order did not reach our feed within 10 s");
    QCOMPARE(marker->type, u"order.created"_s);
    for (const SseStream::Event &e : std::as_const(seen))
        QVERIFY2(e.data.value(u"store_id"_s).toInteger() != o.store,
            qPrintable(QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact))));

    // A feed without a token is refused.
    SseStream anonymous;
    QVERIFY(!anonymous.open(m_central->port(), u"/api/v1/feed"_s, {}));
    QVERIFY2(anonymous.errorString().contains(u"401"_s), qPrintable(anonymous.errorString()));
}

void TestSyncTenancy::storeViewerSeesOnlyItsStore()
{
    QByteArray output;
    const int code = CentralProcess::runAdmin(
        { u"user"_s, u"add"_s, u"--db"_s, m_db.url(), u"--org"_s, u"demo"_s, u"--username"_s,
            u"x-viewer"_s, u"--role"_s, u"store_viewer"_s, u"--store-id"_s,
            QString::number(m_x.store) },
        "viewer-password\n", &output);
    QVERIFY2(code == 0, output.constData());
    const QString token = Hq::login(m_http, u"x-viewer"_s, u"viewer-password"_s);
    QVERIFY(!token.isEmpty());

    const QJsonArray stores
        = m_http.get(u"/api/v1/stores"_s, token).json().value(u"stores"_s).toArray();
    QCOMPARE(stores.size(), 1);
    QCOMPARE(stores.first().toObject().value(u"id"_s).toInteger(), m_x.store);
    // The demo store belongs to the same organization, and still is not the viewer's.
    VERIFY_ERROR(m_http.get(u"/api/v1/stores/1"_s, token), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/stores/1/menu"_s, token), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/stores/%1"_s.arg(m_y.store), token), 404, u"NOT_FOUND"_s);
    const QDate today = QDate::currentDate();
    VERIFY_ERROR(m_http.get(u"/api/v1/reports/sales?from=%1&to=%1&group_by=day&store_id=1"_s.arg(
                                today.toString(Qt::ISODate)),
                     token),
        404, u"NOT_FOUND"_s);
    // Viewing is all it may do.
    const QStringList before = tenantState();
    VERIFY_ERROR(m_http.put(u"/api/v1/stores/%1/menu/items/%2"_s.arg(m_x.store).arg(m_x.item),
                     { { u"price"_s, 1 } }, token),
        403, u"FORBIDDEN"_s);
    VERIFY_ERROR(
        m_http.post(u"/api/v1/stores/%1/key"_s.arg(m_x.store), {}, token), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(
        m_http.post(u"/api/v1/stores"_s, { { u"name"_s, u"mine"_s } }, token), 403, u"FORBIDDEN"_s);
    QCOMPARE(tenantState(), before);
    VERIFY_STATUS(m_http.get(u"/api/v1/stores/%1/menu"_s.arg(m_x.store), token), 200);
}

void TestSyncTenancy::adminCommandErrors()
{
    QByteArray output;
    QCOMPARE(CentralProcess::runAdmin({ u"org"_s, u"add"_s, u"--db"_s, m_db.url(), u"--name"_s,
                                          u"demo"_s, u"--admin-username"_s, u"someone"_s },
                 "pw\n", &output),
        1);
    QVERIFY2(output.contains("exists"), output.constData());
    QCOMPARE(CentralProcess::runAdmin({ u"org"_s, u"add"_s, u"--db"_s, m_db.url(), u"--name"_s,
                                          u"third"_s, u"--admin-username"_s, u"hq"_s },
                 "long-enough-pw\n", &output),
        1);
    QVERIFY2(output.contains("taken"), output.constData());
    QCOMPARE(CentralProcess::runAdmin(
                 { u"user"_s, u"add"_s, u"--db"_s, m_db.url(), u"--org"_s, u"demo"_s,
                     u"--username"_s, u"v2"_s, u"--role"_s, u"store_viewer"_s, u"--store-id"_s,
                     QString::number(m_y.store) },
                 "pw\n", &output),
        1);
    QVERIFY2(output.contains("no store of demo"), output.constData());
    QCOMPARE(CentralProcess::runAdmin({ u"org"_s, u"add"_s }, {}, &output), 2);
    QCOMPARE(
        CentralProcess::runAdmin({ u"org"_s, u"remove"_s, u"--db"_s, m_db.url() }, {}, &output), 2);
    // A failed command left no half-made organization behind.
    QSqlQuery q(m_db.connection());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM organizations WHERE name = 'third'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSyncTenancy)
#include "tst_synctenancy.moc"
