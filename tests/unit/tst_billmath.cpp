#include "services/bill.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::edge;

/// The bill's arithmetic in whole won: percent rounding, even and proportional splits, and
/// discounts that never take a total below 0 — every figure adds up exactly.
class TestBillMath : public QObject
{
    Q_OBJECT

private slots:
    void percentRoundsHalfUp_data()
    {
        QTest::addColumn<qint64>("base");
        QTest::addColumn<qint64>("percent");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("exact") << qint64(10000) << qint64(10) << qint64(1000);
        QTest::newRow("half goes up") << qint64(12345) << qint64(10) << qint64(1235);
        QTest::newRow("below half goes down") << qint64(12344) << qint64(10) << qint64(1234);
        QTest::newRow("odd half") << qint64(1001) << qint64(50) << qint64(501);
        QTest::newRow("all of it") << qint64(9999) << qint64(100) << qint64(9999);
        QTest::newRow("1 won at 1 %") << qint64(1) << qint64(1) << qint64(0);
        QTest::newRow("50 won at 1 % (0.5)") << qint64(50) << qint64(1) << qint64(1);
        QTest::newRow("nothing") << qint64(0) << qint64(30) << qint64(0);
        QTest::newRow("no overflow near 2^63/100") << qint64(900'000'000'000'000'000) << qint64(100)
                                                   << qint64(900'000'000'000'000'000);
    }
    void percentRoundsHalfUp()
    {
        QFETCH(qint64, base);
        QFETCH(qint64, percent);
        QFETCH(qint64, expected);
        QCOMPARE(percentOf(base, percent), expected);
    }

    void evenSplit_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<int>("ways");
        QTest::addColumn<QList<qint64>>("shares");
        QTest::newRow("exact") << qint64(30000) << 3 << QList<qint64>{10000, 10000, 10000};
        QTest::newRow("remainder on the first") << qint64(10001) << 3 << QList<qint64>{3335, 3333, 3333};
        QTest::newRow("one way") << qint64(777) << 1 << QList<qint64>{777};
        QTest::newRow("less than the ways") << qint64(2) << 4 << QList<qint64>{2, 0, 0, 0};
        QTest::newRow("nothing due") << qint64(0) << 2 << QList<qint64>{0, 0};
    }
    void evenSplit()
    {
        QFETCH(qint64, amount);
        QFETCH(int, ways);
        QFETCH(QList<qint64>, shares);
        QCOMPARE(splitEven(amount, ways), shares);
    }

    void proportionalSplit_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QList<qint64>>("shares");
        QTest::newRow("same lines") << qint64(100) << QList<qint64>{50, 50} << QList<qint64>{50, 50};
        QTest::newRow("rounding left on the first") << qint64(100) << QList<qint64>{1, 1, 1}
                                                    << QList<qint64>{34, 33, 33};
        QTest::newRow("discounted bill") << qint64(14757) << QList<qint64>{24690, 6789}
                                         << QList<qint64>{11575, 3182};
        QTest::newRow("all weights 0") << qint64(10) << QList<qint64>{0, 0} << QList<qint64>{10, 0};
        // 10^12 won x 10^12 won passes 2^63: the product is taken in 128 bits.
        QTest::newRow("large amounts") << qint64(1'000'000'000'000) << QList<qint64>{1'000'000'000'000, 1'000'000'000'000}
                                       << QList<qint64>{500'000'000'000, 500'000'000'000};
    }
    void proportionalSplit()
    {
        QFETCH(qint64, amount);
        QFETCH(QList<qint64>, weights);
        QFETCH(QList<qint64>, shares);
        const QList<Money> got = splitProportional(amount, weights);
        QCOMPARE(got, shares);
        QCOMPARE(std::accumulate(got.begin(), got.end(), Money(0)), amount);
    }

    void discountsNeverTakeTheTotalBelowZero()
    {
        Bill bill;
        bill.lines = {{1, 1, 1, 1, u"a"_s, {}, {}, 1, 10000, 10000, {}, {}, false, {}, {}, {}},
                      {2, 1, 1, 2, u"b"_s, {}, {}, 2, 3000, 6000, {}, {}, true, {}, u"wrong"_s, {}}};
        bill.discounts = {{1, u"percent"_s, 15, 0, u"wait"_s, {}, {}},
                          {2, u"amount"_s, 9000, 0, u"comp"_s, {}, {}},
                          {3, u"percent"_s, 50, 0, u"more"_s, {}, {}}};
        bill.payments = {{1, {}, 0, 0, 0, u"cash"_s, 500, false, {}, {}}};
        bill.settle();
        QCOMPARE(bill.subtotal, 10000); // the void line does not count
        QCOMPARE(bill.discounts.at(0).amount, 1500); // of the subtotal
        QCOMPARE(bill.discounts.at(1).amount, 8500); // what was left
        QCOMPARE(bill.discounts.at(2).amount, 0);
        QCOMPARE(bill.discountTotal, 10000);
        QCOMPARE(bill.total, 0);
        QCOMPARE(bill.paid, 500);
        QCOMPARE(bill.due, -500);
    }
};

QTEST_GUILESS_MAIN(TestBillMath)
#include "tst_billmath.moc"
