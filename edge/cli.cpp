#include "cli.h"

#include "database.h"
#include "demo.h"
#include "edgeapp.h"
#include "http/tlsidentity.h"
#include "services/authservice.h"
#include "services/backupservice.h"
#include "services/eventlog.h"
#include "storage/eventrepository.h"
#include "services/principal.h"
#include "services/staffservice.h"
#include "services/tableservice.h"
#include "systemdnotify.h"
#include "unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLockFile>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

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

int adminCommand(const QStringList &arguments)
{
    // tableorder-edge <user|table> <verb> --data-dir DIR ...
    const QString noun = arguments.value(1);
    const QString verb = arguments.value(2);
    QCommandLineParser parser;
    parser.addOptions({{u"data-dir"_s, u"Store data directory."_s, u"DIR"_s},
                       {u"from"_s, u"Backup file to restore."_s, u"FILE"_s},
                       {u"role"_s, u"manager, kitchen or staff (floor)."_s, u"ROLE"_s},
                       {u"username"_s, u"Staff username."_s, u"NAME"_s},
                       {u"number"_s, u"Table number."_s, u"N"_s},
                       {u"tls-cert"_s, u"PEM certificate (default DIR/tls-cert.pem)."_s, u"FILE"_s},
                       {u"tls-key"_s, u"PEM private key (default DIR/tls-key.pem)."_s, u"FILE"_s}});
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.first());
    if (!parser.parse(rest) || parser.value(u"data-dir"_s).isEmpty()) {
        err() << "usage: tableorder-edge user add --data-dir DIR --role manager|kitchen|staff --username NAME\n"
                 "       tableorder-edge user passwd|disable|enable --data-dir DIR --username NAME\n"
                 "       tableorder-edge user role --data-dir DIR --username NAME --role manager|kitchen|staff\n"
                 "       tableorder-edge user list --data-dir DIR\n"
                 "       tableorder-edge table add --data-dir DIR --number N\n"
                 "       tableorder-edge table remove --data-dir DIR --number N\n"
                 "       tableorder-edge backup --data-dir DIR          (online; safe while serving)\n"
                 "       tableorder-edge restore --data-dir DIR --from FILE   (daemon stopped)\n"
                 "       tableorder-edge tls fingerprint --data-dir DIR [--tls-cert FILE --tls-key FILE]\n"
                 "       tableorder-edge journal verify --data-dir DIR   (exit 1 and the first broken seq)\n"
                 "(the password is read from standard input; passwd, disable, role and table\n"
                 " remove revoke the tokens at once, a running daemon included)\n";
        return 2;
    }
    EdgeConfig config;
    config.dataDir = parser.value(u"data-dir"_s);
    config.tlsCertificate = parser.value(u"tls-cert"_s);
    config.tlsKey = parser.value(u"tls-key"_s);
    if (noun == u"restore"_s) {
        QLockFile lock(config.lockPath());
        if (!lock.tryLock(0)) {
            err() << "the daemon is running on " << config.dataDir << "; stop it before restoring\n";
            return 1;
        }
        auto aside = BackupService::restore(parser.value(u"from"_s), config.databasePath(),
                                            db::latestMigration(u":/migrations/edge"_s));
        if (!aside) {
            err() << errorCodeName(aside.error().code) << ": " << aside.error().message << '\n';
            return 1;
        }
        QTextStream(stdout) << "restored " << parser.value(u"from"_s) << "; the previous database is kept as "
                            << *aside << '\n';
        return 0;
    }
    EdgeApp app(config);
    if (auto ok = app.open(); !ok) {
        err() << ok.error().message << '\n';
        return 1;
    }
    auto report = [](const Status &ok, const QString &success) {
        if (!ok) {
            err() << errorCodeName(ok.error().code) << ": " << ok.error().message << '\n';
            return 1;
        }
        QTextStream(stdout) << success << '\n';
        return 0;
    };
    if (noun == u"user"_s && verb == u"add"_s) {
        const auto role = parseRole(parser.value(u"role"_s));
        if (!role || *role == Role::Table) {
            err() << "--role must be manager, kitchen or staff\n";
            return 2;
        }
        auto id = app.staff().add(parser.value(u"username"_s), readPassword(), *role, Principal::commandLineActor());
        return report(id ? Status() : fail(id.error()), u"added %1"_s.arg(parser.value(u"username"_s)));
    }
    if (noun == u"user"_s && verb == u"list"_s) {
        auto accounts = app.staff().list();
        if (!accounts)
            return report(fail(accounts.error()), {});
        QTextStream out(stdout);
        for (const StaffAccount &account : *accounts)
            out << account.username << '\t' << roleName(account.role) << '\t'
                << (account.disabled ? "disabled" : "enabled") << '\n';
        return 0;
    }
    const QString username = parser.value(u"username"_s);
    if (noun == u"user"_s && verb == u"passwd"_s)
        return report(app.staff().setPassword(username, readPassword(), Principal::commandLineActor()), u"password changed for %1"_s.arg(username));
    if (noun == u"user"_s && (verb == u"disable"_s || verb == u"enable"_s)) {
        const bool disable = verb == u"disable"_s;
        return report(app.staff().setDisabled(username, disable, Principal::commandLineActor()),
                      (disable ? u"disabled %1"_s : u"enabled %1"_s).arg(username));
    }
    if (noun == u"user"_s && verb == u"role"_s) {
        const auto role = parseRole(parser.value(u"role"_s));
        if (!role || *role == Role::Table) {
            err() << "--role must be manager, kitchen or staff\n";
            return 2;
        }
        return report(app.staff().setRole(username, *role, Principal::commandLineActor()), u"%1 is now %2"_s.arg(username, roleName(*role)));
    }
    if (noun == u"backup"_s) {
        auto path = app.backups().backupNow();
        return report(path ? Status() : fail(path.error()), path ? u"backup written: "_s + *path : QString());
    }
    if (noun == u"table"_s && verb == u"add"_s) {
        bool ok = false;
        const int number = parser.value(u"number"_s).toInt(&ok);
        if (!ok) {
            err() << "--number must be a table number\n";
            return 2;
        }
        auto table = app.tables().create(number, readPassword(), Principal::commandLineActor());
        return report(table ? Status() : fail(table.error()), u"added table %1"_s.arg(number));
    }
    if (noun == u"table"_s && verb == u"remove"_s) {
        bool ok = false;
        const int number = parser.value(u"number"_s).toInt(&ok);
        if (!ok) {
            err() << "--number must be a table number\n";
            return 2;
        }
        return report(app.tables().remove(number, Principal::commandLineActor()), u"removed table %1"_s.arg(number));
    }
    if (noun == u"journal"_s && verb == u"verify"_s) {
        auto check = app.events().verifyJournal();
        if (!check) {
            err() << errorCodeName(check.error().code) << ": " << check.error().message << '\n';
            return 1;
        }
        QTextStream out(stdout);
        if (check->brokenSeq != 0) {
            out << "journal broken at seq " << check->brokenSeq << ": " << check->reason << '\n'
                << "checked " << check->events << " events, seq " << check->firstSeq << " to " << check->lastSeq << '\n';
            return 1;
        }
        out << "journal ok: " << check->events << " events chain";
        if (check->events > 0)
            out << ", seq " << check->firstSeq << " to " << check->lastSeq;
        out << '\n';
        return 0;
    }
    if (noun == u"tls"_s && verb == u"fingerprint"_s) {
        // Creates the certificate when the store has none yet, so tablets can be paired
        // before the first start with TLS.
        auto identity = app.tlsIdentity();
        if (!identity) {
            err() << errorCodeName(identity.error().code) << ": " << identity.error().message << '\n';
            return 1;
        }
        const QString fingerprint = http::certificateFingerprint(identity->certificate);
        QTextStream(stdout) << fingerprint << '\n' << http::displayFingerprint(fingerprint) << '\n';
        return 0;
    }
    err() << "unknown command " << noun << ' ' << verb << '\n';
    return 2;
}

int serve(const QStringList &arguments)
{
    auto config = parseServeArguments(arguments, QProcessEnvironment::systemEnvironment().toStringList());
    if (!config) {
        err() << "tableorder-edge: " << config.error().message << '\n';
        return 2;
    }
    EdgeApp app(*config);
    if (auto ok = app.start(); !ok) {
        err() << "tableorder-edge: " << ok.error().message << '\n';
        return 1;
    }
    if (config->demo)
        QTextStream(stdout) << demoBanner(app.port()) << Qt::flush;
    SystemdNotifier systemd;
    systemd.ready(u"serving on port %1"_s.arg(app.port()));
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &app, [&app, &systemd] {
        systemd.stopping();
        app.shutdown([] { QCoreApplication::quit(); });
    });
    return QCoreApplication::exec();
}

} // namespace

int runCommandLine(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == u"user"_s || first == u"table"_s || first == u"tls"_s || first == u"journal"_s)
        return adminCommand(arguments);
    if (first == u"backup"_s || first == u"restore"_s) {
        // No verb: keep the `noun verb --options` shape for the parser.
        QStringList withVerb = arguments;
        withVerb.insert(2, u"now"_s);
        return adminCommand(withVerb);
    }
    return serve(arguments);
}

} // namespace tableorder::edge
