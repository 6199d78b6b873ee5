#include "cli.h"

#include "centralapp.h"
#include "database.h"
#include "services/hqauthservice.h"
#include "services/hquserservice.h"
#include "storage/hqtokenrepository.h"
#include "storage/tenantrepository.h"
#include "systemdnotify.h"
#include "unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QUuid>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString readPassword()
{
    if (::isatty(STDIN_FILENO))
        err() << "password: " << Qt::flush;
    QTextStream in(stdin);
    return in.readLine();
}

int report(const Status &ok, const QString &success)
{
    if (!ok) {
        err() << errorCodeName(ok.error().code) << ": " << ok.error().message << '\n';
        return 1;
    }
    QTextStream(stdout) << success << '\n';
    return 0;
}

/// Organizations have no HTTP API: a restaurant group is onboarded by the operator.
Status addOrganization(QSqlDatabase &db, const QString &name, const QString &adminUsername,
                       const QString &password, qint64 *orgId)
{
    TenantRepository tenants(db);
    HqTokenRepository tokens(db);
    HqAuthService auth(tenants, tokens, {}, 1);
    if (name.isEmpty() || name.size() > 100)
        return fail(Error::validation(u"name"_s, u"--name must be 1 to 100 characters"_s));
    auto existing = tenants.organizationByName(name);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return fail(ErrorCode::Conflict, u"organization %1 exists"_s.arg(name));
    db::Transaction tx(db);
    auto org = tenants.createOrganization(name);
    if (!org)
        return fail(org.error());
    if (auto user = auth.addUser(*org, adminUsername, password, u"hq_admin"_s, 0); !user)
        return fail(user.error());
    *orgId = *org;
    return tx.commit();
}

Status addUser(QSqlDatabase &db, const QString &orgName, const QString &username, const QString &password,
               const QString &role, qint64 storeId)
{
    TenantRepository tenants(db);
    HqTokenRepository tokens(db);
    HqAuthService auth(tenants, tokens, {}, 1);
    auto org = tenants.organizationByName(orgName);
    if (!org)
        return fail(org.error());
    if (!org->has_value())
        return fail(Error::notFound(u"organization"_s));
    if (storeId) {
        auto store = tenants.store(**org, storeId);
        if (!store)
            return fail(store.error());
        if (!store->has_value())
            return fail(Error::validation(u"store-id"_s, u"--store-id names no store of %1"_s.arg(orgName)));
    }
    auto user = auth.addUser(**org, username, password, role, storeId);
    return user ? Status() : Status(fail(user.error()));
}

/// user passwd|disable|enable|role|list: each change revokes the user's tokens on every
/// running instance within a second (they poll the auth version).
int manageUser(QSqlDatabase &db, const QString &verb, const QCommandLineParser &parser)
{
    TenantRepository tenants(db);
    HqTokenRepository tokens(db);
    HqUserService users(db, tenants, tokens);
    const QString username = parser.value(u"username"_s);
    if (verb == u"list"_s) {
        auto list = users.list();
        if (!list)
            return report(fail(list.error()), {});
        QTextStream out(stdout);
        for (const HqUser &user : *list) {
            out << user.username << '\t' << user.orgId << '\t' << user.role << '\t'
                << (user.storeId ? QString::number(user.storeId) : u"-"_s) << '\t'
                << (user.disabled ? "disabled" : "enabled") << '\n';
        }
        return 0;
    }
    if (verb == u"passwd"_s)
        return report(users.setPassword(username, readPassword()), u"password changed for %1"_s.arg(username));
    if (verb == u"disable"_s || verb == u"enable"_s) {
        const bool disable = verb == u"disable"_s;
        return report(users.setDisabled(username, disable), (disable ? u"disabled %1"_s : u"enabled %1"_s).arg(username));
    }
    bool idOk = true;
    const qint64 storeId = parser.isSet(u"store-id"_s) ? parser.value(u"store-id"_s).toLongLong(&idOk) : 0;
    if (!idOk) {
        err() << "--store-id must be a store id\n";
        return 2;
    }
    return report(users.setRole(username, parser.value(u"role"_s), storeId),
                  u"%1 is now %2"_s.arg(username, parser.value(u"role"_s)));
}

int adminCommand(const QStringList &arguments)
{
    // tableorder-central <org|user> add --db URL ...
    const QString noun = arguments.value(1);
    const QString verb = arguments.value(2);
    QCommandLineParser parser;
    parser.addOptions({{u"db"_s, u"sqlite:PATH or postgresql://user@host:port/db."_s, u"URL"_s},
                       {u"name"_s, u"Organization name."_s, u"NAME"_s},
                       {u"admin-username"_s, u"The organization's first HQ admin."_s, u"USER"_s},
                       {u"org"_s, u"Organization name."_s, u"NAME"_s},
                       {u"username"_s, u"HQ username."_s, u"USER"_s},
                       {u"role"_s, u"hq_admin, store_manager or store_viewer."_s, u"ROLE"_s},
                       {u"store-id"_s, u"The store a store_manager or store_viewer sees."_s, u"ID"_s}});
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.first());
    const bool orgAdd = noun == u"org"_s && verb == u"add"_s;
    const bool userAdd = noun == u"user"_s && verb == u"add"_s;
    const bool userManage = noun == u"user"_s
            && QStringList{u"passwd"_s, u"disable"_s, u"enable"_s, u"role"_s, u"list"_s}.contains(verb);
    QString dbUrl = parser.parse(rest) ? parser.value(u"db"_s) : QString();
    if (dbUrl.isEmpty())
        dbUrl = QProcessEnvironment::systemEnvironment().value(u"TABLEORDER_DB"_s);
    if ((!orgAdd && !userAdd && !userManage) || dbUrl.isEmpty()) {
        err() << "usage: tableorder-central org add --db URL --name NAME --admin-username USER\n"
                 "       tableorder-central user add --db URL --org NAME --username USER "
                 "--role hq_admin|store_manager|store_viewer [--store-id ID]\n"
                 "       tableorder-central user passwd|disable|enable --db URL --username USER\n"
                 "       tableorder-central user role --db URL --username USER --role hq_admin|store_manager|store_viewer "
                 "[--store-id ID]\n"
                 "       tableorder-central user list --db URL\n"
                 "(passwords, at least 10 characters, are read from standard input; passwd, disable\n"
                 " and role revoke the user's tokens on every running instance)\n";
        return 2;
    }
    const QString connection = u"central-cli-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    int code = 1;
    {
        auto db = db::openUrl(connection, dbUrl);
        if (!db) {
            err() << db.error().message << '\n';
            return 1;
        }
        if (auto ok = migrateCentralDatabase(*db); !ok) {
            err() << ok.error().message << '\n';
            return 1;
        }
        if (userManage) {
            code = manageUser(*db, verb, parser);
        } else if (orgAdd) {
            qint64 orgId = 0;
            const QString name = parser.value(u"name"_s);
            const QString admin = parser.value(u"admin-username"_s);
            auto ok = addOrganization(*db, name, admin, readPassword(), &orgId);
            code = report(ok, u"added organization %1 (id %2) with HQ admin %3"_s.arg(name).arg(orgId).arg(admin));
        } else {
            bool idOk = true;
            const qint64 storeId = parser.isSet(u"store-id"_s) ? parser.value(u"store-id"_s).toLongLong(&idOk) : 0;
            if (!idOk) {
                err() << "--store-id must be a store id\n";
                code = 2;
            } else {
                const QString username = parser.value(u"username"_s);
                auto ok = addUser(*db, parser.value(u"org"_s), username, readPassword(), parser.value(u"role"_s),
                                  storeId);
                code = report(ok, u"added %1"_s.arg(username));
            }
        }
        db->close();
    }
    QSqlDatabase::removeDatabase(connection);
    return code;
}

int serve(const QStringList &arguments)
{
    auto config = parseCentralArguments(arguments, QProcessEnvironment::systemEnvironment().toStringList());
    if (!config) {
        err() << "tableorder-central: " << config.error().message << '\n';
        return 2;
    }
    CentralApp central(*config);
    if (auto ok = central.start(); !ok) {
        err() << "tableorder-central: " << ok.error().message << '\n';
        return 1;
    }
    if (!central.demoBanner().isEmpty())
        QTextStream(stdout) << central.demoBanner() << Qt::endl;
    SystemdNotifier systemd;
    systemd.ready(u"serving on port %1"_s.arg(central.port()));
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &central, [&central, &systemd] {
        systemd.stopping();
        central.shutdown([] { QCoreApplication::quit(); });
    });
    return QCoreApplication::exec();
}

} // namespace

int runCommandLine(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == u"org"_s || first == u"user"_s)
        return adminCommand(arguments);
    return serve(arguments);
}

} // namespace tableorder::central
