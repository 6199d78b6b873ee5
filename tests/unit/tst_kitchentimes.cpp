#include "kitchentimes.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;

/// Kitchen times (issue 14): the one percentile edge and HQ share, the report's grouping and
/// order, and the query both routes parse.
class TestKitchenTimes : public QObject
{
    Q_OBJECT

private slots:
    void nearestRank_data()
    {
        QTest::addColumn<QList<qint64>>("sorted");
        QTest::addColumn<int>("percent");
        QTest::addColumn<qint64>("expected");
        // The textbook nearest-rank example: 15, 20, 35, 40, 50.
        const QList<qint64> five{15, 20, 35, 40, 50};
        QTest::newRow("p30 of five is the 2nd") << five << 30 << qint64(20);
        QTest::newRow("p40 of five is the 2nd") << five << 40 << qint64(20);
        QTest::newRow("p50 of five is the 3rd") << five << 50 << qint64(35);
        QTest::newRow("p90 of five is the 5th") << five << 90 << qint64(50);
        QTest::newRow("p100 is the largest") << five << 100 << qint64(50);
        QTest::newRow("p1 is the smallest") << five << 1 << qint64(15);
        QTest::newRow("one value is every percentile") << QList<qint64>{7000} << 90 << qint64(7000);
        QTest::newRow("p50 of two is the lower") << QList<qint64>{10, 20} << 50 << qint64(10);
        QTest::newRow("p90 of two is the upper") << QList<qint64>{10, 20} << 90 << qint64(20);
        QList<qint64> ten;
        for (qint64 i = 1; i <= 10; ++i)
            ten.append(i * 1000);
        QTest::newRow("p50 of ten is the 5th") << ten << 50 << qint64(5000);
        QTest::newRow("p90 of ten is the 9th, not interpolated") << ten << 90 << qint64(9000);
        QList<qint64> eleven = ten;
        eleven.append(11000);
        QTest::newRow("p90 of eleven rounds the rank up (9.9 -> 10)") << eleven << 90 << qint64(10000);
    }

    void nearestRank()
    {
        QFETCH(QList<qint64>, sorted);
        QFETCH(int, percent);
        QFETCH(qint64, expected);
        QCOMPARE(kitchen::nearestRank(sorted, percent), expected);
    }

    void statsSortTheirInput()
    {
        const kitchen::TimeStats stats = kitchen::timeStats({50, 15, 40, 20, 35});
        QCOMPARE(stats.count, 5);
        QCOMPARE(stats.p50Ms, 35);
        QCOMPARE(stats.p90Ms, 50);
        QCOMPARE(kitchen::timeStats({}).count, 0);
    }

    void reportGroupsAndOrdersSlowestFirst()
    {
        const QList<kitchen::LineSample> samples{
                {u"2026-12-06"_s, -1, 1, u"김치찌개"_s, u"kitchen"_s, 600'000},
                {u"2026-12-06"_s, -1, 1, u"김치찌개"_s, u"kitchen"_s, 300'000},
                {u"2026-12-06"_s, -1, 2, u"맥주"_s, u"bar"_s, 60'000},
                {u"2026-12-06"_s, -1, 3, u"갈비찜"_s, u"kitchen"_s, 1'200'500},
                {u"2026-12-05"_s, -1, 2, u"맥주"_s, u"bar"_s, 90'000},
                // A clock step back must not give a negative time.
                {u"2026-12-06"_s, -1, 2, u"맥주"_s, u"bar"_s, -5},
        };
        const QJsonObject report = kitchen::report(samples);
        const QJsonArray items = report.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 4);
        auto row = [&](int i) { return items.at(i).toObject(); };
        // The earlier day first; within a day the slowest dish first.
        QCOMPARE(row(0).value(u"business_date"_s).toString(), u"2026-12-05"_s);
        QCOMPARE(row(1).value(u"name"_s).toString(), u"갈비찜"_s);
        QCOMPARE(row(1).value(u"p50_s"_s).toDouble(), 1200.5);
        QCOMPARE(row(1).value(u"p90_s"_s).toDouble(), 1200.5);
        QCOMPARE(row(2).value(u"name"_s).toString(), u"김치찌개"_s);
        QCOMPARE(row(2).value(u"count"_s).toInt(), 2);
        QCOMPARE(row(2).value(u"p50_s"_s).toDouble(), 300.0);
        QCOMPARE(row(2).value(u"p90_s"_s).toDouble(), 600.0);
        QCOMPARE(row(2).value(u"station"_s).toString(), u"kitchen"_s);
        QCOMPARE(row(3).value(u"name"_s).toString(), u"맥주"_s);
        QCOMPARE(row(3).value(u"p50_s"_s).toDouble(), 0.0);
        QCOMPARE(row(3).value(u"p90_s"_s).toDouble(), 60.0);
        QVERIFY(!row(1).contains(u"hour"_s));

        const QJsonArray stations = report.value(u"stations"_s).toArray();
        QCOMPARE(stations.size(), 3);
        QCOMPARE(stations.at(1).toObject().value(u"station"_s).toString(), u"kitchen"_s);
        QCOMPARE(stations.at(1).toObject().value(u"count"_s).toInt(), 3);
        QCOMPARE(stations.at(1).toObject().value(u"p50_s"_s).toDouble(), 600.0);
        QCOMPARE(stations.at(1).toObject().value(u"p90_s"_s).toDouble(), 1200.5);
        QCOMPARE(stations.at(2).toObject().value(u"station"_s).toString(), u"bar"_s);
    }

    void reportByHour()
    {
        const QJsonObject report = kitchen::report({{u"2026-12-06"_s, 19, 1, u"A"_s, u"kitchen"_s, 1000},
                                                    {u"2026-12-06"_s, 12, 1, u"A"_s, u"kitchen"_s, 2000}});
        const QJsonArray items = report.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(u"hour"_s).toInt(), 12);
        QCOMPARE(items.at(1).toObject().value(u"hour"_s).toInt(), 19);
    }

    void query_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("by");
        QTest::addColumn<QString>("badField"); // empty: accepted
        QTest::newRow("defaults to today by day") << QString() << QString() << QString() << QString();
        QTest::newRow("a week by hour") << u"2026-12-01"_s << u"2026-12-07"_s << u"hour"_s << QString();
        QTest::newRow("not a date") << u"yesterday"_s << QString() << QString() << u"from"_s;
        QTest::newRow("a time, not a day") << u"2026-12-01T10:00:00Z"_s << QString() << QString() << u"from"_s;
        QTest::newRow("no 30 February") << QString() << u"2026-02-30"_s << QString() << u"to"_s;
        QTest::newRow("to before from") << u"2026-12-07"_s << u"2026-12-01"_s << QString() << u"to"_s;
        QTest::newRow("more than 92 days") << u"2026-01-01"_s << u"2026-12-07"_s << QString() << u"to"_s;
        QTest::newRow("by week") << QString() << QString() << u"week"_s << u"by"_s;
    }

    void query()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, by);
        QFETCH(QString, badField);
        const auto parsed = kitchen::parseQuery(from, to, by, u"2026-12-07"_s);
        if (badField.isEmpty()) {
            QVERIFY(parsed);
            QCOMPARE(parsed->to, to.isEmpty() ? u"2026-12-07"_s : to);
            QCOMPARE(parsed->byHour, by == u"hour"_s);
        } else {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, ErrorCode::ValidationFailed);
            QCOMPARE(parsed.error().details.toObject().value(u"field"_s).toString(), badField);
        }
    }
};

QTEST_GUILESS_MAIN(TestKitchenTimes)
#include "tst_kitchentimes.moc"
