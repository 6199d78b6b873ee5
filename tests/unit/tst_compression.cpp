// Content negotiation and gzip bodies (common/http/compression).
#include "http/compression.h"

#include <QTest>

#include <zlib.h>

using namespace tableorder;

namespace {

/// Inflates a gzip member with zlib itself, as any HTTP client would.
QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

class TestCompression : public QObject
{
    Q_OBJECT
private slots:
    void acceptsGzip_data();
    void acceptsGzip();
    void gzipRoundTrips();
};

void TestCompression::acceptsGzip_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("absent") << QByteArray() << false;
    QTest::newRow("gzip") << QByteArray("gzip") << true;
    QTest::newRow("qt's default") << QByteArray("gzip, deflate") << true;
    QTest::newRow("browser") << QByteArray("gzip, deflate, br, zstd") << true;
    QTest::newRow("upper case, spaces") << QByteArray("  GZIP ;Q=0.5 ") << true;
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
    QTest::newRow("identity only") << QByteArray("identity") << false;
    QTest::newRow("deflate only") << QByteArray("deflate") << false;
    QTest::newRow("gzip refused") << QByteArray("gzip;q=0, deflate") << false;
    QTest::newRow("gzip refused with 0.000") << QByteArray("gzip;q=0.000") << false;
    QTest::newRow("star") << QByteArray("*") << true;
    QTest::newRow("star but gzip refused") << QByteArray("*, gzip;q=0") << false;
    QTest::newRow("star refused") << QByteArray("*;q=0") << false;
    QTest::newRow("gzipped is another coding") << QByteArray("gzipped") << false;
    QTest::newRow("unreadable q") << QByteArray("gzip;q=high") << false;
    QTest::newRow("q above 1") << QByteArray("gzip;q=2") << false;
}

void TestCompression::acceptsGzip()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, accepted);
    QCOMPARE(http::acceptsGzip(header), accepted);
}

void TestCompression::gzipRoundTrips()
{
    QByteArray menu;
    for (int i = 0; i < 2000; ++i)
        menu += R"({"id":)" + QByteArray::number(i) + R"(,"name":"김치찌개 )" + QByteArray::number(i % 7) + "\"},";
    const QByteArray packed = http::gzip(menu);
    QVERIFY(packed.startsWith("\x1f\x8b")); // a gzip member, not zlib's format
    QVERIFY(packed.size() < menu.size() / 5);
    QCOMPARE(gunzip(packed), menu);
    QVERIFY(http::gzip(QByteArray()).startsWith("\x1f\x8b")); // an empty body is still a member
}

QTEST_APPLESS_MAIN(TestCompression)
#include "tst_compression.moc"
