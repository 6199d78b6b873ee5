// The kitchen display's logic without a network: the all-day counts per item and option,
// and which options a cook must not miss.
#include "alldaymodel.h"
#include "lineoptions.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder::kitchen;

namespace {

QJsonObject option(qint64 id, const QString &name, qint64 delta)
{
    return {{u"id"_s, id}, {u"group"_s, u"g"_s}, {u"name"_s, name}, {u"price_delta"_s, delta}};
}

QJsonObject line(const QString &name, int quantity, const QJsonArray &options = {}, const QString &station = u"kitchen"_s)
{
    return {{u"name"_s, name}, {u"quantity"_s, quantity}, {u"options"_s, options}, {u"station"_s, station},
            {u"note"_s, u""_s}};
}

QJsonObject order(const QJsonArray &lines)
{
    return {{u"items"_s, lines}};
}

} // namespace

class TestKitchenModels : public QObject
{
    Q_OBJECT
private slots:
    void removalOptionsStandOut_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<bool>("removal");
        QTest::newRow("no onions") << u"No onions"_s << qint64(0) << true;
        QTest::newRow("no-ice") << u"no-ice"_s << qint64(0) << true;
        QTest::newRow("빼 first") << u"빼고 주세요: 오이"_s << qint64(0) << true;
        QTest::newRow("양파 빼기, free") << u"양파 빼기"_s << qint64(0) << true;
        QTest::newRow("면 빼기 with a price cut") << u"면 빼기"_s << qint64(-1000) << false;
        QTest::newRow("고수 없이") << u"고수 없이"_s << qint64(0) << true;
        QTest::newRow("without cheese") << u"Burger without cheese"_s << qint64(0) << true;
        QTest::newRow("noodles is not no") << u"Noodles extra"_s << qint64(0) << false;
        QTest::newRow("곱빼기 is a larger portion") << u"곱빼기"_s << qint64(2000) << false;
        QTest::newRow("곱빼기 even for free") << u"곱빼기"_s << qint64(0) << false;
        QTest::newRow("mild") << u"순한맛"_s << qint64(0) << false;
    }
    void removalOptionsStandOut()
    {
        QFETCH(QString, name);
        QFETCH(qint64, delta);
        QFETCH(bool, removal);
        QCOMPARE(isRemovalOption(name, delta), removal);
    }

    void allDayCountsItemsAndTheirOptions()
    {
        AllDayModel model;
        const QJsonObject large = option(5, u"곱빼기"_s, 2000);
        const QJsonObject mild = option(1, u"순한맛"_s, 0);
        const QJsonObject noOnion = option(7, u"양파 빼기"_s, 0);
        model.recount({order({line(u"라면"_s, 2, {mild, large}), line(u"김치찌개"_s, 1, {noOnion})}),
                       order({line(u"라면"_s, 1, {large}), line(u"김치찌개"_s, 1), line(u"맥주"_s, 4, {}, u"bar"_s)})},
                      {u"kitchen"_s});
        QCOMPARE(model.quantityOf(u"라면"_s), 3);
        QCOMPARE(model.quantityOf(u"김치찌개"_s), 2);
        QCOMPARE(model.quantityOf(u"맥주"_s), 0); // another station
        QCOMPARE(model.optionQuantityOf(u"라면"_s, u"곱빼기"_s), 3);
        QCOMPARE(model.optionQuantityOf(u"라면"_s, u"순한맛"_s), 2);
        QCOMPARE(model.optionQuantityOf(u"김치찌개"_s, u"양파 빼기"_s), 1);
        QCOMPARE(model.optionQuantityOf(u"김치찌개"_s, u"곱빼기"_s), 0);
        QCOMPARE(model.totalItems(), 5);
        // Items most first, each followed by its options most first.
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row);
            shown.append(u"%1%2 %3%4"_s.arg(i.data(AllDayModel::IsOptionRole).toBool() ? u"  "_s : u""_s,
                                           i.data(AllDayModel::NameRole).toString())
                             .arg(i.data(AllDayModel::QuantityRole).toInt())
                             .arg(i.data(AllDayModel::RemovalRole).toBool() ? u" !"_s : u""_s));
        }
        QCOMPARE(shown, (QStringList{u"라면 3"_s, u"  곱빼기 3"_s, u"  순한맛 2"_s, u"김치찌개 2"_s, u"  양파 빼기 1 !"_s}));
    }
};

QTEST_GUILESS_MAIN(TestKitchenModels)
#include "tst_kitchenmodels.moc"
