#include "synckit.h"
#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

QByteArray pictureBytes(const char *format, QColor color, QSize size = {640, 480})
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QPainter(&image).fillRect(QRect(QPoint(0, 0), size / 2), Qt::white);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return out;
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

/// Menu pictures uploaded at HQ: stored re-encoded and content-addressed at central, fetched
/// by the linked edge over the sync channel and served by the edge itself, so tablets keep
/// their pictures when central (or the internet) is gone. Bad uploads change nothing.
class TestSyncImages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badUploadChangesNothing_data();
    void badUploadChangesNothing();
    void syncImagesOnlyForTheStoresMenus();
    void uploadReachesEdgeAndEdgeServesIt();
    void edgeServesPictureWithCentralDown();

private:
    [[nodiscard]] QJsonObject edgeItem(qint64 id);
    [[nodiscard]] QStringList centralState();
    /// POST a picture for an item, or to the organization's library (/api/v1/images) for item 0.
    HttpResult uploadPicture(qint64 store, qint64 item, const QByteArray &body, const QByteArray &type,
                             const QString &token);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq;
    QString m_otherHq; // an HQ admin of another organization
    QString m_table;
    const qint64 m_store = 1; // the demo store
    qint64 m_item = 0;
    QString m_hash; // the uploaded picture's content address
};

void TestSyncImages::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_hqHttp.setPort(m_central->port());
    m_hq = Hq::login(m_hqHttp, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());

    QByteArray output;
    const int code = CentralProcess::runAdmin({u"org"_s, u"add"_s, u"--db"_s, m_db.url(), u"--name"_s,
                                               u"other group"_s, u"--admin-username"_s, u"o-admin"_s},
                                              "o-secret-pass\n", &output);
    QVERIFY2(code == 0, output.constData());
    m_otherHq = Hq::login(m_hqHttp, u"o-admin"_s, u"o-secret-pass"_s);
    QVERIFY(!m_otherHq.isEmpty());

    const auto items = Hq{m_hqHttp, m_hq}.menuItems(m_store);
    QVERIFY(!items.isEmpty());
    m_item = items.keys().first();

    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    options.environment = {{u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"1000"_s},
                           {u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"1000"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    m_table = m_edgeHttp.tableLogin(1);
    QVERIFY(!m_table.isEmpty());
    QVERIFY2(waitUntil([&] { return !edgeItem(m_item).isEmpty(); }, 20'000), "the edge never took the central menu");
}

QJsonObject TestSyncImages::edgeItem(qint64 id)
{
    const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s, m_table).json();
    for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
            if (i.toObject().value(u"id"_s).toInteger() == id)
                return i.toObject();
        }
    }
    return {};
}

QStringList TestSyncImages::centralState()
{
    QSqlDatabase db = m_db.connection();
    return {m_hqHttp.get(u"/api/v1/stores/%1/menu"_s.arg(m_store), m_hq).body,
            QString::number(queryValue(db, u"SELECT COUNT(*) FROM images"_s)),
            QString::number(queryValue(db, u"SELECT COUNT(*) FROM menu_versions"_s))};
}

HttpResult TestSyncImages::uploadPicture(qint64 store, qint64 item, const QByteArray &body, const QByteArray &type,
                                         const QString &token)
{
    const QString path = item ? u"/api/v1/stores/%1/menu/items/%2/image"_s.arg(store).arg(item) : u"/api/v1/images"_s;
    if (body.size() <= 2 * 1024 * 1024)
        return m_hqHttp.send("POST", path, body, token, {{"Content-Type", type}});
    // Too large: central answers from the headers alone and closes, so announce the body only.
    return HttpClient::raw(m_central->port(), "POST " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Authorization: Bearer " + token.toLatin1() + "\r\nContent-Type: " + type
                           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
}

void TestSyncImages::badUploadChangesNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("otherOrganization");
    QTest::addColumn<qint64>("item");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray png = pictureBytes("PNG", Qt::red);
    QByteArray huge = pictureBytes("PNG", Qt::blue);
    huge.append(QByteArray(3 * 1024 * 1024, 'x'));
    QTest::newRow("not an image") << QByteArray("GIF89a this is text, not a picture") << QByteArray("image/png")
                                  << false << qint64(0) << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("broken png") << png.left(png.size() / 3) << QByteArray("image/png") << false << qint64(0) << 400
                                << u"VALIDATION_FAILED"_s;
    QTest::newRow("empty body") << QByteArray() << QByteArray("image/png") << false << qint64(0) << 400
                                << u"VALIDATION_FAILED"_s;
    QTest::newRow("too large") << huge << QByteArray("image/png") << false << qint64(0) << 413
                               << u"PAYLOAD_TOO_LARGE"_s;
    QTest::newRow("wrong content type") << png << QByteArray("text/plain") << false << qint64(0) << 415
                                        << u"UNSUPPORTED_MEDIA_TYPE"_s;
    QTest::newRow("gif content type") << png << QByteArray("image/gif") << false << qint64(0) << 415
                                      << u"UNSUPPORTED_MEDIA_TYPE"_s;
    QTest::newRow("another organization's store") << png << QByteArray("image/png") << true << qint64(0) << 404
                                                  << u"NOT_FOUND"_s;
    QTest::newRow("no such item") << png << QByteArray("image/png") << false << qint64(999'999) << 404
                                  << u"NOT_FOUND"_s;
}

void TestSyncImages::badUploadChangesNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, type);
    QFETCH(bool, otherOrganization);
    QFETCH(qint64, item);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QStringList before = centralState();
    const HttpResult result = uploadPicture(m_store, item ? item : m_item, body, type,
                                            otherOrganization ? m_otherHq : m_hq);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(centralState(), before);

    // The organization-wide upload follows the same rules.
    if (!otherOrganization && !item) {
        const HttpResult library = uploadPicture(m_store, 0, body, type, m_hq);
        QCOMPARE(library.status, status);
        QCOMPARE(library.errorCode(), code);
        QCOMPARE(centralState(), before);
    }
}

void TestSyncImages::syncImagesOnlyForTheStoresMenus()
{
    // A picture in the library that no menu of the store names: the store key does not get it.
    const HttpResult stored = m_hqHttp.send("POST", u"/api/v1/images"_s, pictureBytes("JPEG", Qt::darkGreen), m_hq,
                                            {{"Content-Type", "image/jpeg"}});
    QCOMPARE(stored.status, 201);
    const QString hash = stored.json().value(u"hash"_s).toString();
    QCOMPARE(hash.size(), 64);
    QCOMPARE(stored.json().value(u"image_url"_s).toString(), u"/images/%1.jpg"_s.arg(hash));
    QCOMPARE(m_hqHttp.get(u"/images/%1.jpg"_s.arg(hash)).status, 200);
    const HttpResult bySync = m_hqHttp.get(u"/sync/v1/images/%1.jpg"_s.arg(hash), m_central->demoStoreKey());
    QCOMPARE(bySync.status, 404);
    QCOMPARE(bySync.errorCode(), u"NOT_FOUND"_s);
    QCOMPARE(m_hqHttp.get(u"/sync/v1/images/%1.jpg"_s.arg(hash), u"not-a-key"_s).status, 401);
    QCOMPARE(m_hqHttp.get(u"/images/../secret.jpg"_s).status, 404);
    QCOMPARE(m_hqHttp.get(u"/images/%1.png"_s.arg(hash)).status, 404);
}

void TestSyncImages::uploadReachesEdgeAndEdgeServesIt()
{
    const QByteArray sent = pictureBytes("PNG", Qt::darkRed, {1600, 900});
    const HttpResult uploaded = uploadPicture(m_store, m_item, sent, "image/png", m_hq);
    QVERIFY2(uploaded.status == 200, qPrintable(uploaded.describe()));
    const QString url = uploaded.json().value(u"image_url"_s).toString();
    QVERIFY2(url.startsWith(u"/images/"_s) && url.endsWith(u".jpg"_s), qPrintable(url));
    m_hash = url.mid(8, 64);

    // Central serves it re-encoded (a JPEG of at most 1200 px, not the PNG sent), immutable.
    const HttpResult atCentral = m_hqHttp.get(url);
    QCOMPARE(atCentral.status, 200);
    QCOMPARE(atCentral.header("Content-Type"), QByteArray("image/jpeg"));
    QVERIFY(atCentral.header("Cache-Control").contains("immutable"));
    QCOMPARE(sha256(atCentral.body), m_hash);
    QVERIFY(atCentral.body != sent);
    const QImage decoded = QImage::fromData(atCentral.body, "JPEG");
    QCOMPARE(decoded.size(), QSize(1200, 675));
    const QByteArray etag = atCentral.header("ETag");
    QVERIFY(!etag.isEmpty());
    QCOMPARE(m_hqHttp.get(url, {}, {{"If-None-Match", etag}}).status, 304);

    // Within a few seconds the edge's menu points at the edge's own copy.
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(waitUntil([&] { return edgeItem(m_item).value(u"image_url"_s).toString() == url; }, 10'000),
             qPrintable(QString::fromUtf8(QJsonDocument(edgeItem(m_item)).toJson())));
    qInfo("the edge's menu showed the picture %lld ms after the upload", timer.elapsed());
    const QJsonObject item = edgeItem(m_item);
    const HttpResult atEdge = m_edgeHttp.get(url);
    QCOMPARE(atEdge.status, 200);
    QCOMPARE(atEdge.body, atCentral.body);
    const HttpResult thumb = m_edgeHttp.get(item.value(u"thumbnail_url"_s).toString());
    QCOMPARE(thumb.status, 200);
    QCOMPARE(thumb.body, m_hqHttp.get(u"/images/%1-thumb.jpg"_s.arg(m_hash)).body);
}

void TestSyncImages::edgeServesPictureWithCentralDown()
{
    QVERIFY(!m_hash.isEmpty());
    const QByteArray before = m_edgeHttp.get(u"/images/%1.jpg"_s.arg(m_hash)).body;
    QVERIFY(m_central->terminate());
    QCOMPARE(edgeItem(m_item).value(u"image_url"_s).toString(), u"/images/%1.jpg"_s.arg(m_hash));
    const HttpResult atEdge = m_edgeHttp.get(u"/images/%1.jpg"_s.arg(m_hash));
    QCOMPARE(atEdge.status, 200);
    QCOMPARE(atEdge.body, before);
    QCOMPARE(sha256(atEdge.body), m_hash);

    // And after a restart of the edge, still without central.
    QVERIFY(m_edge->terminate());
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    m_table = m_edgeHttp.tableLogin(1);
    QCOMPARE(edgeItem(m_item).value(u"image_url"_s).toString(), u"/images/%1.jpg"_s.arg(m_hash));
    QCOMPARE(m_edgeHttp.get(u"/images/%1.jpg"_s.arg(m_hash)).body, before);
}

QTEST_GUILESS_MAIN(TestSyncImages)
#include "tst_syncimages.moc"
