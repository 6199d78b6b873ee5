#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Store settings at HQ (issue 17) with a real central and a real edge linked to it: a
/// store manager renames the store and changes its time zone and business-day cutoff; the
/// edge has them within seconds (its menu's store name and time zone, the business date of
/// a new order), keeps them across a restart; bad values and other people's stores are
/// refused with nothing changed; the change is in the HQ audit log.
class TestStoreSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusalsChangeNothing();
    void settingChangedAtHqReachesTheEdge();
    void edgeKeepsThemAcrossARestart();
    void auditNamesTheManager();

private:
    QString invite(const QString &username, const QString &role, const QJsonArray &stores);
    static QString businessDate(const QDateTime &at, const QString &zone, int cutoff);
    QString storeState();

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_http;
    HttpClient m_edgeHttp;
    QString m_admin;
    QString m_manager;
    QString m_viewer;
    qint64 m_otherStore = 0;
};

void TestStoreSettings::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_admin = Hq::login(m_http, u"hq"_s, u"hq"_s);
    QVERIFY(!m_admin.isEmpty());
    Hq hq{m_http, m_admin};
    m_otherStore = hq.registerStore(u"부산점"_s).first;
    QVERIFY(m_otherStore > 0);
    m_manager = invite(u"manager-1"_s, u"store_manager"_s, {1});
    m_viewer = invite(u"viewer-1"_s, u"store_viewer"_s, {1});
    QVERIFY(!m_manager.isEmpty() && !m_viewer.isEmpty());

    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s}, {u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    QVERIFY(waitUntil([&] { return m_edgeHttp.get(u"/metrics"_s).body.contains("tableorder_sync_central_menu_version 1"); }, 10'000));
    const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s).json();
    QCOMPARE(menu.value(u"time_zone"_s).toString(), u"Asia/Seoul"_s);
    QCOMPARE(menu.value(u"store_name"_s).toString(), u"한식당 데모점"_s);
}

QString TestStoreSettings::invite(const QString &username, const QString &role, const QJsonArray &stores)
{
    const HttpResult invited = m_http.post(u"/api/v1/users"_s, {{u"username"_s, username}, {u"role"_s, role}, {u"store_ids"_s, stores}}, m_admin);
    if (invited.status != 201)
        qWarning("invite: %s", qPrintable(invited.describe()));
    const QString password = username + u"-password"_s;
    const HttpResult accepted = m_http.post(u"/api/v1/invitations/accept"_s,
                                            {{u"token"_s, invited.json()[u"invitation"_s][u"token"_s].toString()}, {u"password"_s, password}});
    if (accepted.status != 200)
        qWarning("accept: %s", qPrintable(accepted.describe()));
    return Hq::login(m_http, username, password);
}

QString TestStoreSettings::businessDate(const QDateTime &at, const QString &zone, int cutoff)
{
    const QDateTime local = at.toTimeZone(QTimeZone(zone.toUtf8()));
    return (local.time().hour() < cutoff ? local.date().addDays(-1) : local.date()).toString(Qt::ISODate);
}

QString TestStoreSettings::storeState()
{
    QStringList out;
    for (qint64 id : {qint64(1), m_otherStore}) {
        const QJsonObject s = m_http.get(u"/api/v1/stores/%1"_s.arg(id), m_admin).json();
        out.append(u"%1|%2|%3|%4"_s.arg(s[u"name"_s].toString(), s[u"timezone"_s].toString())
                           .arg(s[u"business_day_cutoff_hour"_s].toInteger()).arg(s[u"menu_version"_s].toInteger()));
    }
    return out.join(u'\n');
}

void TestStoreSettings::refusalsChangeNothing()
{
    const QString before = storeState();
    QVERIFY2(before.contains(u"|Asia/Seoul|4|"_s), qPrintable(before));
    const QList<std::tuple<QString, QJsonObject, int, QString, QString>> cases{
            {u"unknown zone"_s, {{u"timezone"_s, u"Mars/Olympus"_s}}, 400, u"VALIDATION_FAILED"_s, u"timezone"_s},
            {u"cutoff past noon"_s, {{u"business_day_cutoff_hour"_s, 13}}, 400, u"VALIDATION_FAILED"_s, u"business_day_cutoff_hour"_s},
            {u"negative cutoff"_s, {{u"business_day_cutoff_hour"_s, -1}}, 400, u"VALIDATION_FAILED"_s, u"business_day_cutoff_hour"_s},
            {u"cutoff as text"_s, {{u"business_day_cutoff_hour"_s, u"4"_s}}, 400, u"VALIDATION_FAILED"_s, u"business_day_cutoff_hour"_s},
            {u"empty name"_s, {{u"name"_s, u"   "_s}}, 400, u"VALIDATION_FAILED"_s, u"name"_s},
            {u"unknown field"_s, {{u"store_key"_s, u"x"_s}}, 400, u"VALIDATION_FAILED"_s, {}},
    };
    for (const auto &[name, body, status, code, field] : cases) {
        const HttpResult r = m_http.put(u"/api/v1/stores/1"_s, body, m_manager);
        QVERIFY2(r.status == status && r.errorCode() == code, qPrintable(name + u": "_s + r.describe()));
        if (!field.isEmpty())
            QVERIFY2(r.errorDetails().value(u"field"_s).toString() == field, qPrintable(name + u": "_s + r.describe()));
    }
    // A viewer changes nothing; a manager only their own stores.
    VERIFY_ERROR(m_http.put(u"/api/v1/stores/1"_s, {{u"name"_s, u"몰래"_s}}, m_viewer), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/stores/%1"_s.arg(m_otherStore), {{u"name"_s, u"몰래"_s}}, m_manager), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/stores/999"_s, {{u"name"_s, u"몰래"_s}}, m_admin), 404, u"NOT_FOUND"_s);
    QCOMPARE(storeState(), before);
}

void TestStoreSettings::settingChangedAtHqReachesTheEdge()
{
    // Kiritimati (UTC+14) with the day ending at 11:00: a date that differs from Seoul's
    // with a 04:00 cutoff for most of the day.
    const HttpResult changed = m_http.put(u"/api/v1/stores/1"_s,
                                          {{u"name"_s, u"한식당 강남점"_s}, {u"timezone"_s, u"Pacific/Kiritimati"_s},
                                           {u"business_day_cutoff_hour"_s, 11}},
                                          m_manager);
    VERIFY_STATUS(changed, 200);
    QCOMPARE(changed.json().value(u"name"_s).toString(), u"한식당 강남점"_s);
    QCOMPARE(changed.json().value(u"timezone"_s).toString(), u"Pacific/Kiritimati"_s);
    QCOMPARE(changed.json().value(u"business_day_cutoff_hour"_s).toInt(), 11);
    QVERIFY2(waitUntil([&] {
                 const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s).json();
                 return menu.value(u"time_zone"_s).toString() == u"Pacific/Kiritimati"_s
                         && menu.value(u"store_name"_s).toString() == u"한식당 강남점"_s;
             }, 10'000),
             m_edge->log().right(2000).constData());
    // The menu itself is unchanged (same items), only re-sent.
    QVERIFY(!m_edgeHttp.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray().isEmpty());

    // The edge's business day follows: an order placed now gets the new zone's date.
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s,
                                              {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                               {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, 1}, {u"quantity"_s, 1}}}}},
                                              m_edgeHttp.tableLogin(1));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_STATUS(placed, 201);
    const QString date = placed.json().value(u"business_date"_s).toString();
    const QStringList expected{businessDate(before, u"Pacific/Kiritimati"_s, 11), businessDate(after, u"Pacific/Kiritimati"_s, 11)};
    QVERIFY2(expected.contains(date), qPrintable(date + u" not in "_s + expected.join(u',')));
    // And the settings are no longer those it started with (unless the two days agree).
    if (businessDate(before, u"Asia/Seoul"_s, 4) != expected.first())
        QVERIFY(date != businessDate(before, u"Asia/Seoul"_s, 4));
}

void TestStoreSettings::edgeKeepsThemAcrossARestart()
{
    QVERIFY(m_edge->terminate());
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s).json();
    QCOMPARE(menu.value(u"time_zone"_s).toString(), u"Pacific/Kiritimati"_s);
    QCOMPARE(menu.value(u"store_name"_s).toString(), u"한식당 강남점"_s);
}

void TestStoreSettings::auditNamesTheManager()
{
    const QJsonArray entries = m_http.get(u"/api/v1/hq-audit"_s, m_admin).json().value(u"entries"_s).toArray();
    QVERIFY(!entries.isEmpty());
    const QJsonObject newest = entries.first().toObject();
    QCOMPARE(newest[u"action"_s].toString(), u"store.updated"_s);
    QCOMPARE(newest[u"actor"_s][u"username"_s].toString(), u"manager-1"_s);
    QCOMPARE(newest[u"target"_s][u"id"_s].toInteger(), 1);
    const QJsonObject changes = newest[u"details"_s][u"changes"_s].toObject();
    QCOMPARE(changes[u"timezone"_s][u"from"_s].toString(), u"Asia/Seoul"_s);
    QCOMPARE(changes[u"timezone"_s][u"to"_s].toString(), u"Pacific/Kiritimati"_s);
    QCOMPARE(changes[u"business_day_cutoff_hour"_s][u"to"_s].toInt(), 11);
    QCOMPARE(changes[u"name"_s][u"to"_s].toString(), u"한식당 강남점"_s);
    // Only the successful change was recorded.
    int storeRows = 0;
    for (const QJsonValue &e : entries)
        storeRows += e[u"action"_s].toString() == u"store.updated"_s;
    QCOMPARE(storeRows, 1);
}

QTEST_GUILESS_MAIN(TestStoreSettings)
#include "tst_storesettings.moc"
