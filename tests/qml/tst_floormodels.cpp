// The floor screen's logic without a network: the calls list kept from stream events
// (snapshot, created, acknowledged, overdue, done, reset; a replayed event after a reconnect
// neither duplicates a call nor chimes twice), and money and dates as the floor reads them.
#include "callboard.h"
#include "edgeapi.h"
#include "floortext.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::kitchen;

namespace {

QJsonObject call(qint64 id, int table, const QString &status, const QString &createdAt, const QString &reason = u"water"_s)
{
    return {{u"id"_s, id},         {u"table_id"_s, table},   {u"table_number"_s, table}, {u"reason"_s, reason},
            {u"note"_s, u""_s},    {u"status"_s, status},   {u"created_at"_s, createdAt}, {u"overdue"_s, false},
            {u"acknowledged_by"_s, status == u"acknowledged"_s ? QJsonValue(QJsonObject{{u"name"_s, u"minsu"_s}}) : QJsonValue()}};
}

QList<qint64> ids(const CallBoard &board)
{
    QList<qint64> out;
    for (const QVariant &c : board.calls())
        out.append(c.toMap().value(u"callId"_s).toLongLong());
    return out;
}

} // namespace

class TestFloorModels : public QObject
{
    Q_OBJECT
private slots:
    void callsFollowTheStream()
    {
        client::EdgeApi api;
        CallBoard board(api);
        board.onEvent(u"snapshot"_s, {{u"calls"_s, QJsonArray{call(2, 5, u"acknowledged"_s, u"2026-12-06T19:41:00.000Z"_s),
                                                                 call(1, 3, u"open"_s, u"2026-12-06T19:40:00.000Z"_s)}},
                                      {u"orders"_s, QJsonArray{}}});
        QCOMPARE(ids(board), (QList<qint64>{1, 2})); // who waited longest first
        QCOMPARE(board.openCount(), 1);
        QCOMPARE(board.newCallSerial(), 0); // a snapshot does not chime

        QVERIFY(board.onEvent(u"call.created"_s, call(3, 7, u"open"_s, u"2026-12-06T19:42:00.000Z"_s, u"bill"_s)));
        QCOMPARE(board.newCallSerial(), 1);
        // The same event replayed after a reconnect: no second row, no second chime.
        QVERIFY(!board.onEvent(u"call.created"_s, call(3, 7, u"open"_s, u"2026-12-06T19:42:00.000Z"_s, u"bill"_s)));
        QCOMPARE(ids(board), (QList<qint64>{1, 2, 3}));
        QCOMPARE(board.newCallSerial(), 1);

        QJsonObject overdue = call(1, 3, u"open"_s, u"2026-12-06T19:40:00.000Z"_s);
        overdue.insert(u"waited_s"_s, 61);
        board.onEvent(u"call.overdue"_s, overdue);
        QCOMPARE(board.overdueCount(), 1);
        // Acknowledged: still on the list with who is coming, no longer counted as waiting.
        board.onEvent(u"call.acknowledged"_s, call(1, 3, u"acknowledged"_s, u"2026-12-06T19:40:00.000Z"_s));
        QCOMPARE(board.overdueCount(), 0);
        QCOMPARE(board.calls().first().toMap().value(u"acknowledgedBy"_s).toString(), u"minsu"_s);
        QCOMPARE(board.calls().first().toMap().value(u"status"_s).toString(), u"acknowledged"_s);

        board.onEvent(u"call.done"_s, call(2, 5, u"done"_s, u"2026-12-06T19:41:00.000Z"_s));
        QCOMPARE(ids(board), (QList<qint64>{1, 3}));
        board.onEvent(u"reset"_s, {{u"reason"_s, u"cursor is ahead of the log"_s}});
        QVERIFY(board.calls().isEmpty());
    }

    void reasonsInKorean_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("english");
        QTest::newRow("water") << u"water"_s << u"Water"_s;
        QTest::newRow("cutlery") << u"cutlery"_s << u"Cutlery"_s;
        QTest::newRow("the bill") << u"bill"_s << u"The bill"_s;
        QTest::newRow("something else") << u"other"_s << u"Other"_s;
    }
    void reasonsInKorean()
    {
        QFETCH(QString, reason);
        QFETCH(QString, english);
        client::EdgeApi api;
        CallBoard board(api);
        QCOMPARE(board.reasonText(reason), english); // no translator installed here
    }

    void moneyAndDates_data()
    {
        QTest::addColumn<qint64>("won");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::newRow("Korean, thousands") << qint64(812000) << u"ko"_s << u"812,000원"_s;
        QTest::newRow("Korean, millions") << qint64(1234567) << u"ko"_s << u"1,234,567원"_s;
        QTest::newRow("Korean, small") << qint64(900) << u"ko"_s << u"900원"_s;
        QTest::newRow("Korean, zero") << qint64(0) << u"ko"_s << u"0원"_s;
        QTest::newRow("Korean, a discount") << qint64(-1800) << u"ko"_s << u"-1,800원"_s;
        QTest::newRow("English") << qint64(812000) << u"en"_s << u"₩812,000"_s;
    }
    void moneyAndDates()
    {
        QFETCH(qint64, won);
        QFETCH(QString, language);
        QFETCH(QString, text);
        QCOMPARE(wonText(won, language), text);
    }

    void koreanDate()
    {
        QCOMPARE(dateText(QDate(2026, 12, 6), u"ko"_s), u"2026년 12월 6일 (일)"_s);
        QCOMPARE(dateText(QDate(2026, 12, 7), u"en"_s), u"Mon 7 Dec 2026"_s);
    }
};

QTEST_GUILESS_MAIN(TestFloorModels)
#include "tst_floormodels.moc"
