#include "database.h"
#include "domain.h"
#include "journal.h"
#include "storage/eventrepository.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;

/// The journal's canonical form and chaining (common/journal.h) against the worked example
/// of docs/design/journal.md (computed there by an independent Python implementation), and
/// the edge's event log keeping the chain: append, verify, a hand edit, a restore's
/// renumbering, pruning.
class TestJournal : public QObject
{
    Q_OBJECT

private slots:
    void canonicalFormIsTheDocumentedOne();
    void chainMatchesTheWorkedExample();
    void everyFieldIsCovered_data();
    void everyFieldIsCovered();
    void lengthPrefixesKeepFieldsApart();
    void appendChainsAndVerifyPasses();
    void handEditIsFoundAtItsSeq();
    void removedHashIsFound();
    void existingEventsAreHashedOnceAfterTheUpgrade();
    void restoreRenumberingReChainsFromCentralsHash();
    void continuingAfterCentralChainsFromItsHash();
    void pruningKeepsTheRestVerifiable();

private:
    struct Store
    {
        QTemporaryDir dir;
        QSqlDatabase db;
        std::unique_ptr<edge::EventRepository> events;
        ~Store()
        {
            events.reset();
            const QString name = db.connectionName();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
    };
    std::unique_ptr<Store> openStore();
    static qint64 append(Store &store, const QString &type, const QJsonObject &data, int count = 1);
    static void exec(Store &store, const QString &sql);
};

namespace {

Event example1()
{
    Event e;
    e.seq = 1;
    e.id = u"0b6f5f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b"_s;
    e.type = u"order.created"_s;
    e.at = parseTimestamp(u"2026-12-06T19:42:00.123Z"_s);
    e.tableId = 4;
    e.schemaVersion = 1;
    e.data = QJsonObject{{u"id"_s, 7}, {u"total"_s, 12000}, {u"table_number"_s, 4}};
    e.actor = QJsonObject{{u"kind"_s, u"table"_s}, {u"table_id"_s, 4}, {u"table_number"_s, 4}};
    return e;
}

Event example2()
{
    Event e;
    e.seq = 2;
    e.id = u"1c7a6b5e-2d3e-4f40-9bac-1d2e3f4a5b6c"_s;
    e.type = u"menu.item_availability_changed"_s;
    e.at = parseTimestamp(u"2026-12-06T19:50:01.000Z"_s);
    e.data = QJsonObject{{u"id"_s, 3}, {u"available"_s, false}};
    return e;
}

} // namespace

void TestJournal::canonicalFormIsTheDocumentedOne()
{
    const QByteArray expected = QByteArray::fromHex(
            "00000001310000002430623666356630652d316332642d346533662d386139622d3063316432653366346135620000000d6f72"
            "6465722e6372656174656400000018323032362d31322d30365431393a34323a30302e3132335a000000013400000001310000"
            "00277b226964223a372c227461626c655f6e756d626572223a342c22746f74616c223a31323030307d0000002e7b226b696e64"
            "223a227461626c65222c227461626c655f6964223a342c227461626c655f6e756d626572223a347d");
    QCOMPARE(journal::canonical(example1()).toHex(), expected.toHex());
}

void TestJournal::chainMatchesTheWorkedExample()
{
    QCOMPARE(journal::genesis(), QByteArray(32, '\0'));
    Event first = example1();
    first.hash = journal::chain(journal::genesis(), first);
    QCOMPARE(first.hash.toHex(), QByteArray("cb3df7eba6ecd00a951e309702a9eb29976ccc8553295aa0278a9cad98fb5c1e"));
    Event second = example2();
    second.hash = journal::chain(first.hash, second);
    QCOMPARE(second.hash.toHex(), QByteArray("818f18a24fb662dcf2caafbc192f48b7730c80fe4bd5fe178c327e91223fa209"));
    QVERIFY(journal::chains(first.hash, second));
    QVERIFY(!journal::chains(journal::genesis(), second)); // from anywhere else it does not
    QVERIFY(!journal::chains(QByteArray(), second));
}

void TestJournal::everyFieldIsCovered_data()
{
    QTest::addColumn<int>("field");
    QTest::newRow("seq") << 0;
    QTest::newRow("event_id") << 1;
    QTest::newRow("type") << 2;
    QTest::newRow("at, one millisecond") << 3;
    QTest::newRow("table_id") << 4;
    QTest::newRow("schema_version") << 5;
    QTest::newRow("data: one won more") << 6;
    QTest::newRow("actor: another staff") << 7;
    QTest::newRow("actor removed") << 8;
}

void TestJournal::everyFieldIsCovered()
{
    QFETCH(int, field);
    Event original = example1();
    original.hash = journal::chain(journal::genesis(), original);
    Event changed = original;
    switch (field) {
    case 0: changed.seq = 2; break;
    case 1: changed.id = u"0b6f5f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5c"_s; break;
    case 2: changed.type = u"order.updated"_s; break;
    case 3: changed.at = changed.at.addMSecs(1); break;
    case 4: changed.tableId = 5; break;
    case 5: changed.schemaVersion = 2; break;
    case 6: changed.data.insert(u"total"_s, 12001); break;
    case 7: changed.actor = QJsonObject{{u"kind"_s, u"staff"_s}, {u"name"_s, u"kim"_s}}; break;
    case 8: changed.actor = {}; break;
    }
    QVERIFY(journal::canonical(changed) != journal::canonical(original));
    QVERIFY(!journal::chains(journal::genesis(), changed)); // it keeps the original's hash
}

void TestJournal::lengthPrefixesKeepFieldsApart()
{
    Event a = example2();
    Event b = example2();
    a.type = u"menu.updated"_s;
    a.id = u"x"_s;
    b.type = u"updated"_s;
    b.id = u"xmenu."_s;
    QVERIFY(journal::canonical(a) != journal::canonical(b));
}

std::unique_ptr<TestJournal::Store> TestJournal::openStore()
{
    static int counter = 0;
    auto store = std::make_unique<Store>();
    if (!store->dir.isValid())
        return {};
    auto db = db::openSqlite(u"journal%1"_s.arg(++counter), store->dir.filePath(u"store.db"_s));
    if (!db)
        return {};
    store->db = *db;
    if (!db::migrate(store->db, u":/migrations/edge"_s))
        return {};
    store->events = std::make_unique<edge::EventRepository>(store->db);
    return store;
}

qint64 TestJournal::append(Store &store, const QString &type, const QJsonObject &data, int count)
{
    qint64 seq = 0;
    for (int i = 0; i < count; ++i) {
        Event event;
        event.type = type;
        event.at = QDateTime::currentDateTimeUtc();
        event.tableId = 1 + i % 3;
        QJsonObject d = data;
        d.insert(u"n"_s, i);
        event.data = d;
        event.actor = i % 2 ? QJsonObject{{u"kind"_s, u"staff"_s}, {u"name"_s, u"manager"_s}} : QJsonObject();
        if (!store.events->append(event))
            return 0;
        seq = event.seq;
    }
    return seq;
}

void TestJournal::exec(Store &store, const QString &sql)
{
    QSqlQuery q(store.db);
    QVERIFY2(q.exec(sql), qPrintable(sql));
}

void TestJournal::appendChainsAndVerifyPasses()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->events->initializeJournal().value_or(-1), 0); // a fresh store: nothing to hash
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 5), 5);
    const auto events = store->events->since(0, 100);
    QVERIFY(events && events->size() == 5);
    QByteArray previous = journal::genesis();
    for (const Event &event : *events) {
        QVERIFY(journal::chains(previous, event));
        previous = event.hash;
    }
    const auto check = store->events->verifyJournal();
    QVERIFY(check);
    QCOMPARE(check->events, 5);
    QCOMPARE(check->brokenSeq, 0);
}

void TestJournal::handEditIsFoundAtItsSeq()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 6), 6);
    exec(*store, u"UPDATE events SET data = json_set(data, '$.total', 69900) WHERE seq = 4"_s);
    const auto check = store->events->verifyJournal();
    QVERIFY(check);
    QCOMPARE(check->brokenSeq, 4);
    QCOMPARE(check->events, 6);
}

void TestJournal::removedHashIsFound()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 3), 3);
    exec(*store, u"UPDATE events SET hash = NULL, data = json_set(data, '$.total', 1) WHERE seq = 2"_s);
    // A restart must not give the edited event a fresh hash: the journal was set up already.
    QCOMPARE(store->events->initializeJournal().value_or(-1), 0);
    QCOMPARE(store->events->verifyJournal().value_or(edge::JournalCheck{}).brokenSeq, 2);
}

void TestJournal::existingEventsAreHashedOnceAfterTheUpgrade()
{
    auto store = openStore();
    QVERIFY(store);
    // A store upgraded from before migration 010: events without hashes, head not set, the
    // oldest events pruned already.
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 6), 6);
    exec(*store, u"UPDATE events SET hash = NULL"_s);
    exec(*store, u"UPDATE journal_head SET hash = NULL"_s);
    exec(*store, u"DELETE FROM events WHERE seq < 3"_s);
    QCOMPARE(store->events->initializeJournal().value_or(-1), 4);
    QCOMPARE(store->events->initializeJournal().value_or(-1), 0);
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}), 7);
    const auto check = store->events->verifyJournal();
    QVERIFY(check);
    QCOMPARE(check->firstSeq, 3);
    QCOMPARE(check->events, 5);
    QCOMPARE(check->brokenSeq, 0);
}

void TestJournal::restoreRenumberingReChainsFromCentralsHash()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 5), 5);
    // Central applied seqs 1..8 (3 of them from the events this restored store lost) and
    // holds this hash for seq 8; our events 4.. reuse its seqs.
    const QByteArray centralHash = QByteArray::fromHex("aa00000000000000000000000000000000000000000000000000000000000001");
    auto moved = store->events->continueAfter(4, 8, 0, centralHash, [] { return Status(); });
    QVERIFY(moved);
    QCOMPARE(*moved, 2);
    auto events = store->events->since(8, 10);
    QVERIFY(events && events->size() == 2);
    QCOMPARE(events->at(0).seq, 9);
    QVERIFY(journal::chains(centralHash, events->at(0))); // what central will check
    QVERIFY(journal::chains(events->at(0).hash, events->at(1)));
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}), 11);
    events = store->events->since(10, 10);
    QVERIFY(events && events->size() == 1);
    auto tail = store->events->since(9, 1);
    QVERIFY(journal::chains(tail->first().hash, events->first()));
    const auto check = store->events->verifyJournal();
    QVERIFY(check);
    QCOMPARE(check->brokenSeq, 0);
    QCOMPARE(check->events, 6);
}

void TestJournal::continuingAfterCentralChainsFromItsHash()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 3), 3);
    const QByteArray centralHash = QByteArray::fromHex("bb00000000000000000000000000000000000000000000000000000000000002");
    QVERIFY(store->events->continueAfter(0, 7, 0, centralHash, [] { return Status(); }));
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}), 8);
    const auto next = store->events->since(7, 1);
    QVERIFY(next && next->size() == 1);
    QVERIFY(journal::chains(centralHash, next->first()));
    QCOMPARE(store->events->verifyJournal().value_or(edge::JournalCheck{.brokenSeq = -1}).brokenSeq, 0);
}

void TestJournal::pruningKeepsTheRestVerifiable()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(append(*store, u"order.created"_s, {{u"total"_s, 1000}}, 10), 10);
    QCOMPARE(store->events->pruneBefore(7).value_or(-1), 6);
    auto check = store->events->verifyJournal();
    QVERIFY(check);
    QCOMPARE(check->firstSeq, 7);
    QCOMPARE(check->brokenSeq, 0);
    // The oldest kept event is checked too (it chains from the anchor the prune left).
    exec(*store, u"UPDATE events SET data = json_set(data, '$.total', 5) WHERE seq = 7"_s);
    QCOMPARE(store->events->verifyJournal().value_or(edge::JournalCheck{}).brokenSeq, 7);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
