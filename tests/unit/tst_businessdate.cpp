#include "database.h"
#include "edgeapp.h"
#include "services/orderservice.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::edge;

/// The business day an order counts for (and numbers restart on): the store's local date,
/// where hours before the cutoff still belong to the evening before, also on days when the
/// clocks change.
class TestBusinessDate : public QObject
{
    Q_OBJECT

private slots:
    void businessDate_data();
    void businessDate();
};

void TestBusinessDate::businessDate_data()
{
    QTest::addColumn<QString>("zone"); // empty: the store's default (Asia/Seoul)
    QTest::addColumn<int>("cutoff");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("expected");

    auto utc = [](const char *text) { return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate); };
    const QString seoul;
    QTest::newRow("Seoul dinner") << seoul << 4 << utc("2024-03-10T11:00:00Z") << u"2024-03-10"_s;
    QTest::newRow("Seoul one second to midnight") << seoul << 4 << utc("2024-03-10T14:59:59Z")
                                                  << u"2024-03-10"_s;
    QTest::newRow("Seoul after midnight is still the evening before")
            << seoul << 4 << utc("2024-03-10T15:30:00Z") << u"2024-03-10"_s;
    QTest::newRow("Seoul one second before the cutoff") << seoul << 4 << utc("2024-03-10T18:59:59Z")
                                                        << u"2024-03-10"_s;
    QTest::newRow("Seoul at the cutoff") << seoul << 4 << utc("2024-03-10T19:00:00Z")
                                         << u"2024-03-11"_s;
    QTest::newRow("cutoff 0: midnight starts the day")
            << u"Asia/Seoul"_s << 0 << utc("2024-03-10T15:00:00Z") << u"2024-03-11"_s;
    QTest::newRow("cutoff 6") << u"Asia/Seoul"_s << 6 << utc("2024-03-10T20:59:00Z")
                              << u"2024-03-10"_s;
    QTest::newRow("UTC, new year's night") << u"UTC"_s << 4 << utc("2024-01-01T03:59:59Z")
                                           << u"2023-12-31"_s;
    QTest::newRow("UTC, new year's morning") << u"UTC"_s << 4 << utc("2024-01-01T04:00:00Z")
                                             << u"2024-01-01"_s;
    QTest::newRow("leap day night") << u"UTC"_s << 4 << utc("2024-03-01T02:00:00Z")
                                    << u"2024-02-29"_s;
    // Europe/Berlin: clocks go 02:00 CET -> 03:00 CEST on 2024-03-31 and
    // 03:00 CEST -> 02:00 CET on 2024-10-27. The cutoff is a wall-clock hour.
    QTest::newRow("spring forward, 03:30 local is before the cutoff")
            << u"Europe/Berlin"_s << 4 << utc("2024-03-31T01:30:00Z") << u"2024-03-30"_s;
    QTest::newRow("spring forward, 04:00 local is the cutoff")
            << u"Europe/Berlin"_s << 4 << utc("2024-03-31T02:00:00Z") << u"2024-03-31"_s;
    QTest::newRow("spring forward, 04:30 local is after the cutoff")
            << u"Europe/Berlin"_s << 4 << utc("2024-03-31T02:30:00Z") << u"2024-03-31"_s;
    QTest::newRow("fall back, 03:30 local (second time round) is before the cutoff")
            << u"Europe/Berlin"_s << 4 << utc("2024-10-27T02:30:00Z") << u"2024-10-26"_s;
    QTest::newRow("fall back, 04:00 local is the cutoff")
            << u"Europe/Berlin"_s << 4 << utc("2024-10-27T03:00:00Z") << u"2024-10-27"_s;
}

void TestBusinessDate::businessDate()
{
    QFETCH(QString, zone);
    QFETCH(int, cutoff);
    QFETCH(QDateTime, at);
    QFETCH(QString, expected);
    QVERIFY(at.isValid());
    if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid())
        QSKIP("this machine has no data for the time zone");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EdgeConfig config;
    config.dataDir = dir.path();
    {
        EdgeApp app(config);
        QVERIFY(app.open().has_value());
    }
    if (!zone.isEmpty()) {
        // The store's settings live in its database; there is no API to change them yet.
        const QString connection = QUuid::createUuid().toString();
        {
            auto database = db::openSqlite(connection, config.databasePath());
            QVERIFY(database.has_value());
            QSqlQuery query(*database);
            QVERIFY(query.prepare(u"UPDATE store SET timezone = ?, business_day_cutoff_hour = ?"_s));
            query.addBindValue(zone);
            query.addBindValue(cutoff);
            QVERIFY(query.exec());
            database->close();
        }
        QSqlDatabase::removeDatabase(connection);
    } else {
        QCOMPARE(cutoff, 4); // the default store's cutoff
    }

    EdgeApp app(config);
    QVERIFY(app.open().has_value());
    QCOMPARE(app.orders().businessDate(at), expected);
}

QTEST_GUILESS_MAIN(TestBusinessDate)
#include "tst_businessdate.moc"
