#pragma once

#include "centraldatabase.h"
#include "centralprocess.h"
#include "edgeprocess.h"
#include "httpclient.h"
#include "ssestream.h"
#include "sync.pb.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace tableorder::test {

/// What central stored for one store, for comparison with the edge.
struct CentralStore
{
    qint64 appliedSeq = 0;
    qint64 events = 0; // rows in store_events
    qint64 maxSeq = 0; // highest seq in store_events
    qint64 orderEvents = 0; // order.created rows in store_events
    QStringList orders; // canonicalOrders() lines
};

/// What the edge has: its event log, what central acknowledged, its orders.
struct EdgeStore
{
    qint64 lastSeq = 0;
    qint64 ackedSeq = 0;
    qint64 orderEvents = 0;
    QStringList orders;
};

/// Orders as one line each: `id|number|date|table|status|total|created|completed|canceled|lines`
/// with times as epoch milliseconds, so edge and central compare in one QCOMPARE.
[[nodiscard]] EdgeStore edgeStore(const QString &edgeDatabasePath);
[[nodiscard]] CentralStore centralStore(QSqlDatabase db, qint64 storeId);

/// Every row central keeps of what stores uploaded (events, orders, lines, dead letters,
/// reconciliation, payments, voids, discounts, closed days, the audit log, each store's
/// applied seq), one hashed line per table: equal before and
/// after a request means the request changed nothing.
[[nodiscard]] QStringList centralDataState(QSqlDatabase db);

/// Waits (bounded) until central applied everything the edge logged and the edge knows it.
[[nodiscard]] bool waitForSync(
    const EdgeProcess &edge, CentralDatabase &central, qint64 storeId, int timeoutMs);

/// Polls `condition` every `intervalMs` until it holds or `timeoutMs` passes; the events of
/// this thread keep running.
[[nodiscard]] bool waitUntil(
    const std::function<bool()> &condition, int timeoutMs, int intervalMs = 50);

/// A value of a metric without labels in a Prometheus text page, or nullopt.
[[nodiscard]] std::optional<double> metricValue(const QByteArray &page, const QByteArray &name);
/// Sum of all samples of a metric, whatever their labels.
[[nodiscard]] double metricSum(const QByteArray &page, const QByteArray &name);

/// An HQ session on a central: login and the calls most tests need.
struct Hq
{
    HttpClient &http;
    QString token;

    /// POST /auth/login; the token, or empty (with a test warning).
    static QString login(HttpClient &http, const QString &username, const QString &password);
    /// POST /stores; {id, store_key}, or id 0 (with a test warning).
    std::pair<qint64, QString> registerStore(
        const QString &name, const QString &timezone = QStringLiteral("Asia/Seoul"));
    /// The published working menu's items: id -> item object.
    [[nodiscard]] QHash<qint64, QJsonObject> menuItems(qint64 storeId);
    /// GET /reports/sales?group_by=store for one store over yesterday..tomorrow (UTC).
    [[nodiscard]] QJsonObject salesRow(qint64 storeId);
};

/// Edge menu as comparable lines, one per category (`category id|name|order`) and per item
/// (`id|category|name|price|available`), from GET /api/v1/menu.
[[nodiscard]] QStringList edgeMenuLines(const QJsonObject &menu);
/// Central menu (HQ GET /stores/{id}/menu) as the same lines, availability from `soldOut`.
[[nodiscard]] QStringList centralMenuLines(
    const QJsonObject &menu, const QSet<qint64> &soldOut = {});

/// A valid order as the edge logs it (`order.created` data).
[[nodiscard]] QJsonObject orderJson(qint64 id, int number, const QString &businessDate,
    qint64 unitPrice, int quantity, const QString &status = QStringLiteral("pending"));
/// `count` consecutive order.created events from `firstSeq`; order ids equal seqs.
[[nodiscard]] sync::v1::UploadRequest orderBatch(
    qint64 firstSeq, int count, qint64 unitPrice = 1000, int schemaVersion = 1);
/// POST /sync/v1/events with the store key; the response decoded into `response` when given.
HttpResult upload(HttpClient &http, const QString &storeKey, const sync::v1::UploadRequest &request,
    sync::v1::UploadResponse *response = nullptr);

/// Sends every request (raw HTTP, to its port) on its own connection before reading any
/// answer, so that the servers work on them at the same time; the responses in request
/// order (an empty HttpResult for one that did not come within `timeoutMs`). `written` runs
/// once every request is written (e.g. to resume a server stopped meanwhile).
[[nodiscard]] QList<HttpResult> sendTogether(const QList<std::pair<quint16, QByteArray>> &requests, int timeoutMs,
                                             const std::function<void()> &written = {});
/// POST /sync/v1/events as raw HTTP/1.1 bytes, for sendTogether.
[[nodiscard]] QByteArray uploadRequestBytes(const QString &storeKey, const sync::v1::UploadRequest &request);
/// An upload's protobuf answer (200 or 409), or nullopt.
[[nodiscard]] std::optional<sync::v1::UploadResponse> uploadResponse(const HttpResult &result);

/// Pauses and resumes a process by pid (SIGSTOP / SIGCONT), e.g. central inside a batch.
void stopProcess(qint64 pid);
void continueProcess(qint64 pid);

} // namespace tableorder::test
