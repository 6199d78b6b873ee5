#include "metrics.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using tableorder::Metrics;

/// The Prometheus text exposition /metrics serves, byte for byte.
class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void rendersAllFamilyTypes();
    void histogramWithoutLabels();
    void escapesLabelValues_data();
    void escapesLabelValues();
    void values();
    void latencyBucketsAscend();
};

void TestMetrics::rendersAllFamilyTypes()
{
    Metrics metrics;
    metrics.declareCounter("b_requests_total", "Requests.");
    metrics.declareHistogram("c_seconds", "Latency.", {0.1, 1});
    metrics.declareGauge("a_open", "Open things.", [] { return 3.0; });
    metrics.declareGauge("d_temperature", "A set gauge.");
    const Metrics::Labels ok{{"route", u"/x"_s}, {"status", u"200"_s}};
    metrics.increment("b_requests_total", ok);
    metrics.increment("b_requests_total", ok, 2);
    metrics.increment("b_requests_total", {{"route", u"/y"_s}, {"status", u"404"_s}});
    for (double seconds : {0.05, 0.1, 0.5, 5.0})
        metrics.observe("c_seconds", {{"route", u"/x"_s}}, seconds);
    metrics.set("d_temperature", {}, 21.5);

    const QByteArray expected = "# HELP a_open Open things.\n"
                                "# TYPE a_open gauge\n"
                                "a_open 3\n"
                                "# HELP b_requests_total Requests.\n"
                                "# TYPE b_requests_total counter\n"
                                "b_requests_total{route=\"/x\",status=\"200\"} 3\n"
                                "b_requests_total{route=\"/y\",status=\"404\"} 1\n"
                                "# HELP c_seconds Latency.\n"
                                "# TYPE c_seconds histogram\n"
                                "c_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n"
                                "c_seconds_bucket{route=\"/x\",le=\"1\"} 3\n"
                                "c_seconds_bucket{route=\"/x\",le=\"+Inf\"} 4\n"
                                "c_seconds_sum{route=\"/x\"} 5.65\n"
                                "c_seconds_count{route=\"/x\"} 4\n"
                                "# HELP d_temperature A set gauge.\n"
                                "# TYPE d_temperature gauge\n"
                                "d_temperature 21.5\n";
    QCOMPARE(metrics.render(), expected);
}

void TestMetrics::histogramWithoutLabels()
{
    Metrics metrics;
    metrics.declareHistogram("db_seconds", "DB time.", {0.001, 0.01});
    metrics.observe("db_seconds", {}, 0.0005);
    metrics.observe("db_seconds", {}, 0.02);
    QCOMPARE(metrics.render(), QByteArray("# HELP db_seconds DB time.\n"
                                          "# TYPE db_seconds histogram\n"
                                          "db_seconds_bucket{le=\"0.001\"} 1\n"
                                          "db_seconds_bucket{le=\"0.01\"} 1\n"
                                          "db_seconds_bucket{le=\"+Inf\"} 2\n"
                                          "db_seconds_sum 0.0205\n"
                                          "db_seconds_count 2\n"));
}

void TestMetrics::escapesLabelValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("rendered");
    QTest::newRow("plain") << u"/api/v1/menu"_s << QByteArray("/api/v1/menu");
    QTest::newRow("quote") << u"a\"b"_s << QByteArray("a\\\"b");
    QTest::newRow("backslash") << u"a\\b"_s << QByteArray("a\\\\b");
    QTest::newRow("newline") << u"a\nb"_s << QByteArray("a\\nb");
    QTest::newRow("utf-8") << u"주문"_s << QString(u"주문"_s).toUtf8();
}

void TestMetrics::escapesLabelValues()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, rendered);
    Metrics metrics;
    metrics.declareCounter("x_total", "X.");
    metrics.increment("x_total", {{"route", value}});
    const QByteArray line = "x_total{route=\"" + rendered + "\"} 1\n";
    QVERIFY2(metrics.render().contains(line), metrics.render().constData());
}

void TestMetrics::values()
{
    Metrics metrics;
    metrics.declareCounter("orders_total", "Orders.");
    metrics.declareHistogram("latency", "Latency.", Metrics::latencyBuckets());
    metrics.declareGauge("connections", "Connections.", [] { return 7.0; });
    QCOMPARE(metrics.value("orders_total"), 0.0);
    metrics.increment("orders_total");
    metrics.increment("orders_total");
    QCOMPARE(metrics.value("orders_total"), 2.0);
    metrics.observe("latency", {{"route", u"/a"_s}}, 0.003);
    QCOMPARE(metrics.value("latency", {{"route", u"/a"_s}}), 1.0);
    QCOMPARE(metrics.value("latency", {{"route", u"/b"_s}}), 0.0);
    QCOMPARE(metrics.value("connections"), 7.0);
    QCOMPARE(metrics.value("undeclared"), 0.0);
}

void TestMetrics::latencyBucketsAscend()
{
    const QList<double> buckets = Metrics::latencyBuckets();
    QVERIFY(!buckets.isEmpty());
    QVERIFY(std::is_sorted(buckets.begin(), buckets.end()));
    QVERIFY(std::adjacent_find(buckets.begin(), buckets.end()) == buckets.end());
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
