#include "ssestream.h"
#include "synckit.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// HQ accounts over the API (issue 17) against the real central, on SQLite and PostgreSQL:
/// an admin invites accounts (the token shown once, only its hash stored, never logged),
/// sets roles and stores, disables and resets; a store viewer sees only their stores and
/// changes nothing; each change revokes the account's tokens at once and ends its live
/// feed; every change leaves an audit row naming who did it; bad requests change nothing.
class TestHqUsers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void invitedViewerSeesOnlyTheirStores();
    void refusalsChangeNothing();
    void roleChangeRevokesAtOnce();
    void disabledUsersTokenAndFeedEndAtOnce();
    void resetPasswordIssuesANewInvitation();
    void anotherOrganisationCannotTouchTheAccounts();
    void auditNamesWhoDidWhat();

private:
    /// POST /users; {user, invitation}.
    QJsonObject invite(const QString &username, const QString &role, const QJsonArray &stores);
    /// Accepts and logs in; the token.
    QString accept(const QJsonObject &invited, const QString &password);
    QStringList storeIdsSeenBy(const QString &token);
    QString usersState();

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    HttpClient m_http;
    QString m_admin;
    qint64 m_storeB = 0;
    qint64 m_storeC = 0;
    QString m_keyB;
    QString m_keyC;
    QStringList m_secrets; // every invitation token and password the test used
};

void TestHqUsers::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    CentralProcess::Options options = m_db.centralOptions();
    options.requestLogs = true; // the log must not hold a secret even with every request in it
    m_central = std::make_unique<CentralProcess>(options);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_admin = Hq::login(m_http, u"hq"_s, u"hq"_s);
    QVERIFY(!m_admin.isEmpty());
    Hq hq{m_http, m_admin};
    std::tie(m_storeB, m_keyB) = hq.registerStore(u"홍대점"_s);
    std::tie(m_storeC, m_keyC) = hq.registerStore(u"부산점"_s);
    QVERIFY(m_storeB > 0 && m_storeC > 0);
}

QJsonObject TestHqUsers::invite(const QString &username, const QString &role, const QJsonArray &stores)
{
    QJsonObject body{{u"username"_s, username}, {u"role"_s, role}};
    if (!stores.isEmpty())
        body.insert(u"store_ids"_s, stores);
    const HttpResult result = m_http.post(u"/api/v1/users"_s, body, m_admin);
    if (result.status != 201)
        qWarning("invite %s: %s", qPrintable(username), qPrintable(result.describe()));
    m_secrets.append(result.json().value(u"invitation"_s).toObject().value(u"token"_s).toString());
    return result.json();
}

QString TestHqUsers::accept(const QJsonObject &invited, const QString &password)
{
    m_secrets.append(password);
    const QString token = invited.value(u"invitation"_s).toObject().value(u"token"_s).toString();
    const HttpResult accepted = m_http.post(u"/api/v1/invitations/accept"_s, {{u"token"_s, token}, {u"password"_s, password}});
    if (accepted.status != 200)
        qWarning("accept: %s", qPrintable(accepted.describe()));
    return Hq::login(m_http, invited.value(u"user"_s).toObject().value(u"username"_s).toString(), password);
}

QStringList TestHqUsers::storeIdsSeenBy(const QString &token)
{
    QStringList ids;
    for (const QJsonValue &s : m_http.get(u"/api/v1/stores"_s, token).json().value(u"stores"_s).toArray())
        ids.append(QString::number(s.toObject().value(u"id"_s).toInteger()));
    return ids;
}

QString TestHqUsers::usersState()
{
    QSqlQuery q(m_db.connection());
    QStringList rows;
    q.exec(u"SELECT u.id, u.username, u.role, u.disabled, u.token_generation, u.password_hash, "
           "(SELECT COUNT(*) FROM hq_user_stores s WHERE s.user_id = u.id), "
           "(SELECT COUNT(*) FROM hq_invitations i WHERE i.user_id = u.id) FROM hq_users u ORDER BY u.id"_s);
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 8; ++i)
            row.append(q.value(i).toString());
        rows.append(row.join(u'|'));
    }
    QSqlQuery audit(m_db.connection());
    audit.exec(u"SELECT COUNT(*) FROM hq_audit"_s);
    audit.next();
    return rows.join(u'\n') + u"\naudit rows: "_s + audit.value(0).toString();
}

void TestHqUsers::invitedViewerSeesOnlyTheirStores()
{
    const QJsonObject invited = invite(u"viewer1"_s, u"store_viewer"_s, {1, m_storeB});
    const QJsonObject user = invited.value(u"user"_s).toObject();
    QCOMPARE(user.value(u"status"_s).toString(), u"invited"_s);
    QCOMPARE(user.value(u"store_ids"_s).toArray(), (QJsonArray{1, m_storeB}));
    const QString inviteToken = invited.value(u"invitation"_s).toObject().value(u"token"_s).toString();
    QVERIFY(inviteToken.size() >= 40);

    // Stored as its SHA-256 only: the token itself is nowhere in the database.
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(*) FROM hq_invitations WHERE token_hash = ?"_s);
    q.addBindValue(QString::fromLatin1(QCryptographicHash::hash(inviteToken.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QSqlQuery plain(m_db.connection());
    plain.prepare(u"SELECT (SELECT COUNT(*) FROM hq_invitations WHERE token_hash = ?) + "
                  "(SELECT COUNT(*) FROM hq_audit WHERE details LIKE ?)"_s);
    plain.addBindValue(inviteToken);
    plain.addBindValue(QString(u"%"_s + inviteToken + u"%"_s));
    QVERIFY(plain.exec() && plain.next());
    QCOMPARE(plain.value(0).toInt(), 0);

    // No password yet: no login.
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"viewer1"_s}, {u"password"_s, u""_s}}), 400,
                 u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"viewer1"_s}, {u"password"_s, u"x"_s}}), 401,
                 u"INVALID_CREDENTIALS"_s);
    // An empty password or a wrong token sets nothing.
    VERIFY_ERROR(m_http.post(u"/api/v1/invitations/accept"_s, {{u"token"_s, inviteToken}, {u"password"_s, u""_s}}), 400,
                 u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/invitations/accept"_s, {{u"token"_s, QString(inviteToken + u"x"_s)}, {u"password"_s, u"pw-viewer-1"_s}}),
                 404, u"NOT_FOUND"_s);

    const QString token = accept(invited, u"pw-viewer-1"_s);
    QVERIFY(!token.isEmpty());
    // Used up.
    VERIFY_ERROR(m_http.post(u"/api/v1/invitations/accept"_s, {{u"token"_s, inviteToken}, {u"password"_s, u"another-pw"_s}}),
                 404, u"NOT_FOUND"_s);

    QCOMPARE(storeIdsSeenBy(token), (QStringList{u"1"_s, QString::number(m_storeB)}));
    VERIFY_STATUS(m_http.get(u"/api/v1/stores/%1"_s.arg(m_storeB), token), 200);
    VERIFY_ERROR(m_http.get(u"/api/v1/stores/%1"_s.arg(m_storeC), token), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/reports/days?from=2026-01-01&to=2026-01-02&store_id=%1"_s.arg(m_storeC), token), 404,
                 u"NOT_FOUND"_s);
    // Per-store reports without store_id cover both of its stores and no other.
    VERIFY_STATUS(m_http.get(u"/api/v1/reports/sales?from=2026-01-01&to=2026-01-02&group_by=store"_s, token), 200);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/reports/sales?from=2026-01-01&to=2026-01-02&group_by=day"_s, token), 400,
                       u"VALIDATION_FAILED"_s, u"store_id"_s);
    // Its live feed: the cursor names its two stores; an order at 부산점 never arrives, one at
    // 홍대점 (uploaded after it) does.
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed"_s, token), qPrintable(feed.errorString()));
    const auto cursor = feed.waitFor([](const SseStream::Event &e) { return e.type == u"feed.cursor"_s; }, 5'000);
    QVERIFY(cursor);
    QStringList cursorStores = cursor->data.value(u"cursor"_s).toObject().keys();
    cursorStores.sort();
    QStringList expectedStores{u"1"_s, QString::number(m_storeB)};
    expectedStores.sort();
    QCOMPARE(cursorStores, expectedStores);
    VERIFY_STATUS(upload(m_http, m_keyC, orderBatch(1, 1)), 200);
    VERIFY_STATUS(upload(m_http, m_keyB, orderBatch(1, 1)), 200);
    bool sawOther = false;
    const auto fromB = feed.waitFor([&](const SseStream::Event &e) {
        const qint64 store = e.data.value(u"store_id"_s).toInteger();
        sawOther = sawOther || store == m_storeC;
        return e.type == u"order.created"_s && store == m_storeB;
    }, 10'000);
    QVERIFY2(fromB, "the order at one of its stores did not arrive");
    QVERIFY2(!sawOther, "the feed passed on another store's order");

    // A viewer manages nothing.
    VERIFY_ERROR(m_http.get(u"/api/v1/users"_s, token), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/users"_s, {{u"username"_s, u"sneaky"_s}, {u"role"_s, u"hq_admin"_s}}, token), 403,
                 u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/hq-audit"_s, token), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/stores"_s, {{u"name"_s, u"몰래"_s}}, token), 403, u"FORBIDDEN"_s);

    const QJsonArray users = m_http.get(u"/api/v1/users"_s, m_admin).json().value(u"users"_s).toArray();
    bool listed = false;
    for (const QJsonValue &u : users) {
        const QJsonObject o = u.toObject();
        QVERIFY2(!o.contains(u"password_hash"_s), "the list shows no password hash");
        if (o.value(u"username"_s).toString() == u"viewer1"_s) {
            listed = true;
            QCOMPARE(o.value(u"status"_s).toString(), u"active"_s);
            QCOMPARE(o.value(u"role"_s).toString(), u"store_viewer"_s);
        }
    }
    QVERIFY(listed);
}

void TestHqUsers::refusalsChangeNothing()
{
    const QString before = usersState();
    qint64 viewer = 0;
    for (const QJsonValue &u : m_http.get(u"/api/v1/users"_s, m_admin).json().value(u"users"_s).toArray())
        if (u[u"username"_s].toString() == u"viewer1"_s)
            viewer = u[u"id"_s].toInteger();
    QVERIFY(viewer > 0);
    QList<std::tuple<QString, QJsonObject, int, QString, QString>> cases{
            {u"bad role"_s, {{u"username"_s, u"x1"_s}, {u"role"_s, u"owner"_s}}, 400, u"VALIDATION_FAILED"_s, u"role"_s},
            {u"viewer without a store"_s, {{u"username"_s, u"x2"_s}, {u"role"_s, u"store_viewer"_s}}, 400, u"VALIDATION_FAILED"_s, u"store_ids"_s},
            {u"admin with stores"_s, {{u"username"_s, u"x3"_s}, {u"role"_s, u"hq_admin"_s}, {u"store_ids"_s, QJsonArray{1}}}, 400, u"VALIDATION_FAILED"_s, u"store_ids"_s},
            {u"unknown store"_s, {{u"username"_s, u"x4"_s}, {u"role"_s, u"store_manager"_s}, {u"store_ids"_s, QJsonArray{999}}}, 400, u"VALIDATION_FAILED"_s, u"store_ids"_s},
            {u"store id not a number"_s, {{u"username"_s, u"x5"_s}, {u"role"_s, u"store_manager"_s}, {u"store_ids"_s, QJsonArray{u"1"_s}}}, 400, u"VALIDATION_FAILED"_s, u"store_ids"_s},
            {u"bad username"_s, {{u"username"_s, u"a b<script>"_s}, {u"role"_s, u"hq_admin"_s}}, 400, u"VALIDATION_FAILED"_s, u"username"_s},
            {u"password given"_s, {{u"username"_s, u"x6"_s}, {u"role"_s, u"hq_admin"_s}, {u"password"_s, u"p"_s}}, 400, u"VALIDATION_FAILED"_s, {}},
            {u"taken username"_s, {{u"username"_s, u"hq"_s}, {u"role"_s, u"hq_admin"_s}}, 409, u"ALREADY_EXISTS"_s, {}},
    };
    for (const auto &[name, body, status, code, field] : cases) {
        const HttpResult result = m_http.post(u"/api/v1/users"_s, body, m_admin);
        QVERIFY2(result.status == status && result.errorCode() == code, qPrintable(name + u": "_s + result.describe()));
        if (!field.isEmpty())
            QVERIFY2(result.errorDetails().value(u"field"_s).toString() == field, qPrintable(name + u": "_s + result.describe()));
    }
    // The admin cannot lock themselves out.
    const qint64 adminId = [&] {
        for (const QJsonValue &u : m_http.get(u"/api/v1/users"_s, m_admin).json().value(u"users"_s).toArray())
            if (u[u"username"_s].toString() == u"hq"_s)
                return u[u"id"_s].toInteger();
        return qint64(0);
    }();
    QVERIFY(adminId > 0);
    VERIFY_ERROR(m_http.post(u"/api/v1/users/%1/disable"_s.arg(adminId), {}, m_admin), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/users/%1"_s.arg(adminId), {{u"role"_s, u"store_viewer"_s}, {u"store_ids"_s, QJsonArray{1}}}, m_admin),
                 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/users/999999"_s, {{u"role"_s, u"store_viewer"_s}, {u"store_ids"_s, QJsonArray{1}}}, m_admin),
                 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/users/%1"_s.arg(viewer), {{u"role"_s, u"store_viewer"_s}}, m_admin),
                 400, u"VALIDATION_FAILED"_s);
    QCOMPARE(usersState(), before);
}

void TestHqUsers::roleChangeRevokesAtOnce()
{
    const QJsonObject invited = invite(u"promoted"_s, u"store_viewer"_s, {1});
    const QString token = accept(invited, u"pw-promoted"_s);
    QCOMPARE(storeIdsSeenBy(token), QStringList{u"1"_s});
    const qint64 id = invited.value(u"user"_s).toObject().value(u"id"_s).toInteger();
    const HttpResult changed = m_http.put(u"/api/v1/users/%1"_s.arg(id),
                                          {{u"role"_s, u"store_manager"_s}, {u"store_ids"_s, QJsonArray{m_storeC, m_storeB}}}, m_admin);
    VERIFY_STATUS(changed, 200);
    QCOMPARE(changed.json().value(u"role"_s).toString(), u"store_manager"_s);
    QCOMPARE(changed.json().value(u"store_ids"_s).toArray(), (QJsonArray{m_storeB, m_storeC}));
    // At once: the very next request with the old token is refused.
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, token), 401, u"TOKEN_REVOKED"_s);
    const HttpResult login = m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"promoted"_s}, {u"password"_s, u"pw-promoted"_s}});
    VERIFY_STATUS(login, 200);
    QCOMPARE(login.json().value(u"role"_s).toString(), u"store_manager"_s);
    QCOMPARE(login.json().value(u"store_ids"_s).toArray(), (QJsonArray{m_storeB, m_storeC}));
    const QString fresh = login.json().value(u"token"_s).toString();
    QCOMPARE(storeIdsSeenBy(fresh), (QStringList{QString::number(m_storeB), QString::number(m_storeC)}));
    VERIFY_ERROR(m_http.get(u"/api/v1/users"_s, fresh), 403, u"FORBIDDEN"_s);
}

void TestHqUsers::disabledUsersTokenAndFeedEndAtOnce()
{
    const QJsonObject invited = invite(u"leaving"_s, u"store_viewer"_s, {1});
    const QString token = accept(invited, u"pw-leaving"_s);
    QVERIFY(!token.isEmpty());
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed"_s, token), qPrintable(feed.errorString()));
    const qint64 id = invited.value(u"user"_s).toObject().value(u"id"_s).toInteger();
    const HttpResult disabled = m_http.post(u"/api/v1/users/%1/disable"_s.arg(id), {}, m_admin);
    VERIFY_STATUS(disabled, 200);
    QCOMPARE(disabled.json().value(u"status"_s).toString(), u"disabled"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, token), 401, u"TOKEN_REVOKED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/feed/stream-ticket"_s, {}, token), 401, u"TOKEN_REVOKED"_s);
    QVERIFY2(feed.waitForClosed(5'000), "the live feed stayed open");
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"leaving"_s}, {u"password"_s, u"pw-leaving"_s}}), 401,
                 u"INVALID_CREDENTIALS"_s);
    VERIFY_STATUS(m_http.post(u"/api/v1/users/%1/enable"_s.arg(id), {}, m_admin), 200);
    const QString back = Hq::login(m_http, u"leaving"_s, u"pw-leaving"_s);
    QVERIFY(!back.isEmpty());
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, token), 401, u"TOKEN_REVOKED"_s);
    VERIFY_STATUS(m_http.get(u"/api/v1/stores"_s, back), 200);
}

void TestHqUsers::resetPasswordIssuesANewInvitation()
{
    const QJsonObject invited = invite(u"forgetful"_s, u"store_manager"_s, {m_storeB});
    const QString token = accept(invited, u"pw-forgot-1"_s);
    QVERIFY(!token.isEmpty());
    const qint64 id = invited.value(u"user"_s).toObject().value(u"id"_s).toInteger();
    const HttpResult reset = m_http.post(u"/api/v1/users/%1/reset-password"_s.arg(id), {}, m_admin);
    VERIFY_STATUS(reset, 200);
    QCOMPARE(reset.header("cache-control"), QByteArray("no-store"));
    QCOMPARE(reset.json().value(u"user"_s).toObject().value(u"status"_s).toString(), u"invited"_s);
    m_secrets.append(reset.json().value(u"invitation"_s).toObject().value(u"token"_s).toString());
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, token), 401, u"TOKEN_REVOKED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"forgetful"_s}, {u"password"_s, u"pw-forgot-1"_s}}), 401,
                 u"INVALID_CREDENTIALS"_s);
    QVERIFY(!accept(reset.json(), u"pw-forgot-2"_s).isEmpty());
}

void TestHqUsers::anotherOrganisationCannotTouchTheAccounts()
{
    QByteArray output;
    QCOMPARE(CentralProcess::runAdmin({u"org"_s, u"add"_s, u"--name"_s, u"other group"_s, u"--admin-username"_s,
                                       u"other-admin"_s, u"--db"_s, m_db.url()},
                                      "other-admin-pw\n", &output),
             0);
    const QString other = Hq::login(m_http, u"other-admin"_s, u"other-admin-pw"_s);
    QVERIFY(!other.isEmpty());
    const QString before = usersState();
    const QJsonArray users = m_http.get(u"/api/v1/users"_s, other).json().value(u"users"_s).toArray();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first()[u"username"_s].toString(), u"other-admin"_s);
    const qint64 viewer = [&] {
        for (const QJsonValue &u : m_http.get(u"/api/v1/users"_s, m_admin).json().value(u"users"_s).toArray())
            if (u[u"username"_s].toString() == u"viewer1"_s)
                return u[u"id"_s].toInteger();
        return qint64(0);
    }();
    QVERIFY(viewer > 0);
    VERIFY_ERROR(m_http.post(u"/api/v1/users/%1/disable"_s.arg(viewer), {}, other), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/users/%1/reset-password"_s.arg(viewer), {}, other), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/users/%1"_s.arg(viewer), {{u"role"_s, u"hq_admin"_s}}, other), 404, u"NOT_FOUND"_s);
    // Nor give its own accounts the first organisation's stores.
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/users"_s, {{u"username"_s, u"spy"_s}, {u"role"_s, u"store_viewer"_s}, {u"store_ids"_s, QJsonArray{1}}}, other),
                       400, u"VALIDATION_FAILED"_s, u"store_ids"_s);
    QCOMPARE(usersState(), before);
    QVERIFY(m_http.get(u"/api/v1/hq-audit"_s, other).json().value(u"entries"_s).toArray().isEmpty());
}

void TestHqUsers::auditNamesWhoDidWhat()
{
    const QJsonArray entries = m_http.get(u"/api/v1/hq-audit?limit=1000"_s, m_admin).json().value(u"entries"_s).toArray();
    QStringList seen;
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        seen.prepend(o[u"action"_s].toString() + u' ' + o[u"actor"_s][u"username"_s].toString() + u" -> "_s
                     + o[u"target"_s][u"name"_s].toString());
    }
    const QStringList expected{
            u"user.invited hq -> viewer1"_s, u"user.invitation_accepted viewer1 -> viewer1"_s,
            u"user.invited hq -> promoted"_s, u"user.invitation_accepted promoted -> promoted"_s,
            u"user.role_changed hq -> promoted"_s,
            u"user.invited hq -> leaving"_s, u"user.invitation_accepted leaving -> leaving"_s,
            u"user.disabled hq -> leaving"_s, u"user.enabled hq -> leaving"_s,
            u"user.invited hq -> forgetful"_s, u"user.invitation_accepted forgetful -> forgetful"_s,
            u"user.password_reset hq -> forgetful"_s, u"user.invitation_accepted forgetful -> forgetful"_s};
    QCOMPARE(seen, expected);
    // The role change says from what to what.
    for (const QJsonValue &e : entries) {
        if (e[u"action"_s].toString() == u"user.role_changed"_s) {
            QCOMPARE(e[u"details"_s][u"from"_s][u"role"_s].toString(), u"store_viewer"_s);
            QCOMPARE(e[u"details"_s][u"to"_s][u"role"_s].toString(), u"store_manager"_s);
        }
    }
    // No secret in the audit rows, the database's account tables or the server's log.
    const QByteArray log = m_central->log();
    QVERIFY(log.contains("/api/v1/invitations/accept")); // request logs are on
    QSqlQuery q(m_db.connection());
    QVERIFY(q.exec(u"SELECT details FROM hq_audit UNION ALL SELECT token_hash FROM hq_invitations "
                   "UNION ALL SELECT password_hash FROM hq_users"_s));
    QStringList stored;
    while (q.next())
        stored.append(q.value(0).toString());
    const QString all = stored.join(u'\n');
    for (const QString &secret : std::as_const(m_secrets)) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!log.contains(secret.toUtf8()), qPrintable(u"the log holds a secret"_s));
        QVERIFY2(!all.contains(secret), qPrintable(u"the database holds a secret in plain text"_s));
    }
}

QTEST_GUILESS_MAIN(TestHqUsers)
#include "tst_hqusers.moc"
