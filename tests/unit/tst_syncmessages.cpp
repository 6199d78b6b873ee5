#include "domain.h"
#include "journal.h"
#include "sync.pb.h"
#include "sync/syncmessages.h"

#include <google/protobuf/text_format.h>

#include <QFile>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;

/// The sync protocol's domain <-> protobuf conversions (common/sync/syncmessages.h) against
/// golden files: for each message, `NAME.txt` (protobuf text format, for reading in a
/// review) and `NAME.bin` (the bytes on the wire). The domain value must serialize to both,
/// and the bytes must read back to a value that serializes to the same bytes. Set
/// TABLEORDER_UPDATE_GOLDEN=1 to rewrite the files after a deliberate protocol change.
class TestSyncMessages : public QObject
{
    Q_OBJECT

private slots:
    void event_data();
    void event();
    void uploadBatch();
    void healthSnapshot();
    void uploadCarriesHealth();
    void outcome_data();
    void outcome();
    void conflictNeedsItsCode();

private:
    static void compareWithGolden(const QString &name, const google::protobuf::Message &message);
};

namespace {

Event orderCreated()
{
    Event e;
    e.seq = 41;
    e.id = u"0b6f5f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b"_s;
    e.type = u"order.created"_s;
    e.at = parseTimestamp(u"2026-12-06T19:42:00.123Z"_s);
    e.tableId = 4;
    e.data = QJsonObject{{u"id"_s, 7}, {u"number"_s, 12}, {u"table_number"_s, 4}, {u"total"_s, 12000}};
    e.actor = QJsonObject{{u"kind"_s, u"table"_s}, {u"table_id"_s, 4}, {u"table_number"_s, 4}};
    e.hash = journal::chain(journal::genesis(), e);
    return e;
}

Event systemEvent()
{
    Event e;
    e.seq = 42;
    e.id = u"1c7a6b5e-2d3e-4f40-9bac-1d2e3f4a5b6c"_s;
    e.type = u"order.unacknowledged"_s;
    e.at = parseTimestamp(u"2026-12-06T19:43:00.000Z"_s);
    e.data = QJsonObject{{u"order_id"_s, 7}};
    return e; // no table, no actor, no hash (an edge older than the journal)
}

sync::HealthSnapshot health()
{
    sync::HealthSnapshot s;
    s.id = 17;
    s.at = parseTimestamp(u"2026-12-06T19:45:00.000Z"_s);
    s.windowS = 60;
    s.routes = {{u"POST /api/v1/orders"_s, 42, 0, 3, 4.2, 9.8, 15.5}, {u"GET /api/v1/menu"_s, 120, 1, 0, 1.1, 2.5, 4.75}};
    s.orders = 42;
    s.kitchenAcks = 41;
    s.kitchenP50Ms = 35;
    s.kitchenP95Ms = 80.5;
    s.kitchenP99Ms = 140;
    s.unacknowledgedOrders = 1;
    s.oldestUnacknowledgedS = 12;
    s.overdueCalls = 2;
    s.oldestOverdueCallS = 95;
    s.printerFaults = {{3, u"주방 프린터"_s, u"paper_out"_s, 42}};
    s.tablets = 24;
    s.kitchenScreens = 2;
    s.cpuPercent = 3.4;
    s.rssBytes = 48'000'000;
    s.diskFreeBytes = 12'000'000'000;
    s.diskTotalBytes = 64'000'000'000;
    s.dbBytes = 9'500'000;
    s.walBytes = 400'000;
    s.slowQueries = {{u"list orders"_s, 2, 120.5}};
    s.syncBacklog = 5;
    s.syncLagMs = 2500;
    s.edgeVersion = u"0.13.0"_s;
    return s;
}

QString goldenPath(const QString &name, const char *suffix)
{
    return QStringLiteral(TABLEORDER_GOLDEN_DIR) + u'/' + name + QLatin1StringView(suffix);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestSyncMessages::compareWithGolden(const QString &name, const google::protobuf::Message &message)
{
    const QByteArray bytes = QByteArray::fromStdString(message.SerializeAsString());
    std::string text;
    QVERIFY(google::protobuf::TextFormat::PrintToString(message, &text));
    if (qEnvironmentVariableIntValue("TABLEORDER_UPDATE_GOLDEN") == 1) {
        QFile bin(goldenPath(name, ".bin"));
        QFile txt(goldenPath(name, ".txt"));
        QVERIFY(bin.open(QIODevice::WriteOnly) && txt.open(QIODevice::WriteOnly));
        bin.write(bytes);
        txt.write(QByteArray::fromStdString(text));
        return;
    }
    const QByteArray goldenBytes = readFile(goldenPath(name, ".bin"));
    QVERIFY2(!goldenBytes.isEmpty(), qPrintable(goldenPath(name, ".bin")));
    QCOMPARE(QByteArray::fromStdString(text), readFile(goldenPath(name, ".txt")));
    QCOMPARE(bytes.toHex(' '), goldenBytes.toHex(' '));
    // The two files say the same thing.
    std::unique_ptr<google::protobuf::Message> parsed(message.New());
    QVERIFY(google::protobuf::TextFormat::ParseFromString(text, parsed.get()));
    QCOMPARE(QByteArray::fromStdString(parsed->SerializeAsString()).toHex(' '), goldenBytes.toHex(' '));
}

void TestSyncMessages::event_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Event>("event");
    QTest::newRow("order.created by a table, hashed") << u"event_order_created"_s << orderCreated();
    QTest::newRow("the edge's own event, before the journal") << u"event_system"_s << systemEvent();
}

void TestSyncMessages::event()
{
    QFETCH(QString, name);
    QFETCH(Event, event);
    sync::v1::Event message;
    sync::toProto(event, &message);
    compareWithGolden(name, message);

    sync::v1::Event fromBytes;
    const QByteArray bytes = readFile(goldenPath(name, ".bin"));
    QVERIFY(fromBytes.ParseFromArray(bytes.constData(), int(bytes.size())));
    const Event back = sync::fromProto(fromBytes);
    QCOMPARE(back.seq, event.seq);
    QCOMPARE(back.id, event.id);
    QCOMPARE(back.type, event.type);
    QCOMPARE(back.at, event.at);
    QCOMPARE(back.tableId, event.tableId);
    QCOMPARE(back.schemaVersion, event.schemaVersion);
    QCOMPARE(back.data, event.data);
    QCOMPARE(back.actor, event.actor);
    QCOMPARE(back.hash.toHex(), event.hash.toHex());
    // What central checks of the journal survives the trip.
    if (!event.hash.isEmpty())
        QVERIFY(journal::chains(journal::genesis(), back));
}

void TestSyncMessages::uploadBatch()
{
    sync::UploadBatch batch;
    batch.events = {orderCreated(), systemEvent()};
    batch.backlog = 2;
    batch.lagMs = 1500;
    batch.edgeVersion = u"0.13.0"_s;
    batch.dailyTotals = {{u"2026-12-05"_s, 31, 812000}, {u"2026-12-06"_s, 12, 254000}};
    batch.menuVersion = 9;
    batch.lastSeq = 42;
    batch.healthDropped = 3;
    sync::v1::UploadRequest message;
    sync::toProto(batch, &message);
    compareWithGolden(u"upload_batch"_s, message);

    const sync::UploadBatch back = sync::fromProto(message);
    sync::v1::UploadRequest again;
    sync::toProto(back, &again);
    QCOMPARE(QByteArray::fromStdString(again.SerializeAsString()).toHex(),
             QByteArray::fromStdString(message.SerializeAsString()).toHex());
    QCOMPARE(back.dailyTotals.size(), 2);
    QCOMPARE(back.dailyTotals.at(1).total, 254000);
}

void TestSyncMessages::healthSnapshot()
{
    const sync::HealthSnapshot snapshot = health();
    sync::v1::HealthSnapshot message;
    sync::toProto(snapshot, &message);
    compareWithGolden(u"health_snapshot"_s, message);

    const sync::HealthSnapshot back = sync::fromProto(message);
    QCOMPARE(back.id, 17);
    QCOMPARE(back.at, snapshot.at);
    QCOMPARE(back.routes.size(), 2);
    QCOMPARE(back.routes.at(0).route, u"POST /api/v1/orders"_s);
    QCOMPARE(back.routes.at(0).clientErrors, 3);
    QCOMPARE(back.routes.at(1).serverErrors, 1);
    QCOMPARE(back.routes.at(1).p99Ms, 4.75);
    QCOMPARE(back.overdueCalls, 2);
    QCOMPARE(back.oldestOverdueCallS, 95);
    QCOMPARE(back.printerFaults, snapshot.printerFaults);
    QCOMPARE(back.kitchenScreens, 2);
    QCOMPARE(back.diskTotalBytes, 64'000'000'000);
    QCOMPARE(back.slowQueries.size(), 1);
    QCOMPARE(back.slowQueries.at(0).maxMs, 120.5);
    QCOMPARE(back.edgeVersion, u"0.13.0"_s);

    // What the edge queues: the message without its id (the queue gives it one), and back.
    const QByteArray queued = sync::serialize(snapshot);
    const std::optional<sync::HealthSnapshot> parsed = sync::parseHealthSnapshot(queued);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->id, 0);
    QCOMPARE(parsed->kitchenP95Ms, 80.5);
    QVERIFY(!sync::parseHealthSnapshot(QByteArray("\xff\xff\xff", 3)).has_value());
    // A time that is not one reads as invalid (central skips the snapshot).
    message.set_at("yesterday");
    QVERIFY(!sync::fromProto(message).at.isValid());
}

void TestSyncMessages::uploadCarriesHealth()
{
    sync::UploadBatch batch;
    batch.events = {orderCreated()};
    batch.lastSeq = 41;
    batch.health = {health(), health()};
    batch.health[1].id = 18;
    batch.healthDropped = 1;
    sync::v1::UploadRequest message;
    sync::toProto(batch, &message);
    QCOMPARE(message.health_size(), 2);
    QCOMPARE(message.health(1).id(), 18);
    const sync::UploadBatch back = sync::fromProto(message);
    QCOMPARE(back.health.size(), 2);
    QCOMPARE(back.health.at(0).id, 17);
    QCOMPARE(back.health.at(1).routes.at(0).requests, 42);
    QCOMPARE(back.healthDropped, 1);
    // Converting again gives the same bytes.
    sync::v1::UploadRequest again;
    sync::toProto(back, &again);
    QCOMPARE(QByteArray::fromStdString(again.SerializeAsString()).toHex(),
             QByteArray::fromStdString(message.SerializeAsString()).toHex());
}

void TestSyncMessages::outcome_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("applied");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<qint64>("conflict");
    QTest::addColumn<qint64>("maxOrderId");
    QTest::addColumn<QString>("code");
    QTest::newRow("applied") << u"outcome_applied"_s << qint64(42) << qint64(0) << qint64(0) << qint64(0) << QString();
    QTest::newRow("gap") << u"outcome_gap"_s << qint64(42) << qint64(43) << qint64(0) << qint64(0) << u"SEQ_GAP"_s;
    QTest::newRow("conflict after a restore")
            << u"outcome_conflict"_s << qint64(42) << qint64(43) << qint64(38) << qint64(17) << u"SEQ_CONFLICT"_s;
}

void TestSyncMessages::outcome()
{
    QFETCH(QString, name);
    QFETCH(qint64, applied);
    QFETCH(qint64, expected);
    QFETCH(qint64, conflict);
    QFETCH(qint64, maxOrderId);
    QFETCH(QString, code);
    sync::UploadOutcome outcome;
    outcome.appliedSeq = applied;
    outcome.expectedSeq = expected;
    outcome.conflictSeq = conflict;
    outcome.maxOrderId = maxOrderId;
    outcome.menuVersion = 9;
    outcome.healthAckedId = 118;
    outcome.appliedHash = orderCreated().hash;
    QCOMPARE(outcome.code(), code);
    sync::v1::UploadResponse message;
    sync::toProto(outcome, &message);
    compareWithGolden(name, message);

    const sync::UploadOutcome back = sync::fromProto(message);
    QCOMPARE(back.appliedSeq, applied);
    QCOMPARE(back.expectedSeq, expected);
    QCOMPARE(back.conflictSeq, conflict);
    QCOMPARE(back.maxOrderId, maxOrderId);
    QCOMPARE(back.menuVersion, 9);
    QCOMPARE(back.healthAckedId, 118);
    QCOMPARE(back.appliedHash.toHex(), outcome.appliedHash.toHex());
    QCOMPARE(back.code(), code);
}

void TestSyncMessages::conflictNeedsItsCode()
{
    // A conflict_seq without the SEQ_CONFLICT code (an older or a confused central) is not a
    // reason to renumber the log.
    sync::v1::UploadResponse message;
    message.set_applied_seq(10);
    message.set_expected_seq(11);
    message.set_conflict_seq(5);
    message.set_code("SEQ_GAP");
    QCOMPARE(sync::fromProto(message).conflictSeq, 0);
    QCOMPARE(sync::fromProto(message).code(), u"SEQ_GAP"_s);
}

QTEST_GUILESS_MAIN(TestSyncMessages)
#include "tst_syncmessages.moc"
