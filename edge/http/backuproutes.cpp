#include "access.h"
#include "edgejson.h"
#include "routes.h"
#include "services/backupservice.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

QJsonObject status(const BackupService &backups)
{
    QJsonArray files;
    for (const QString &path : backups.backups()) {
        const QFileInfo info(path);
        files.append(QJsonObject{{u"file"_s, info.fileName()}, {u"bytes"_s, info.size()}});
    }
    QJsonObject out{{u"running"_s, backups.isRunning()}, {u"backups"_s, files}};
    if (const auto &last = backups.lastRun()) {
        QJsonObject run{{u"finished_at"_s, timestampJson(last->finishedAt)}, {u"ok"_s, last->result.has_value()}};
        if (last->result)
            run.insert(u"file"_s, QFileInfo(*last->result).fileName());
        else
            run.insert(u"error"_s, QJsonObject{{u"code"_s, errorCodeName(last->result.error().code)},
                                              {u"message"_s, last->result.error().message}});
        out.insert(u"last"_s, run);
    }
    return out;
}

} // namespace

void registerBackupRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.backups);
    BackupService &backups = *ctx.backups;

    server.route(Method::Get, u"/api/v1/backups"_s, {Access::Manager}, [&backups](HttpRequest &) {
        return HttpResponse::json(status(backups));
    });
    // Starts a backup on the worker thread and answers at once; GET shows when it is done.
    server.route(Method::Post, u"/api/v1/backups"_s, {Access::Manager}, [&backups](HttpRequest &) {
        if (auto started = backups.startBackup(); !started)
            return HttpResponse::error(started.error());
        return HttpResponse::json(202, status(backups));
    });
}

} // namespace tableorder::edge
