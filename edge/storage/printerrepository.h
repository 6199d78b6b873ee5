#pragma once

#include "error.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace tableorder::edge {

/// A network kitchen printer as the manager set it up, with the last status it reported.
struct Printer
{
    qint64 id = 0;
    QString name;
    QString host;
    int port = 9100;
    int paperMm = 80;
    QString encoding = QStringLiteral("cp949");
    QStringList stations;
    QString status = QStringLiteral("unknown"); // ok | offline | paper_out | cover_open | unknown
    QDateTime statusAt;
    qint64 queued = 0; // jobs waiting (filled by the service)
};

struct StationMode
{
    QString station;
    QString mode = QStringLiteral("screen"); // screen | printer | both | fallback
    int fallbackSeconds = 15;
};

struct PrintJob
{
    qint64 id = 0;
    qint64 printerId = 0;
    qint64 orderId = 0; // 0: a test print
    QString station;
    QString kind; // order | fallback | reprint | test
    QByteArray payload;
    QString status; // queued | printed | failed
    int attempts = 0;
    QString lastError;
    QDateTime orderCreatedAt;
    QDateTime createdAt;
    QDateTime printedAt;
};

/// Printers, station modes and the print queue (017_printers.sql). Callers hold the
/// transaction where several statements must go together.
class PrinterRepository
{
public:
    explicit PrinterRepository(QSqlDatabase db);

    [[nodiscard]] Result<QList<Printer>> printers();
    [[nodiscard]] Result<std::optional<Printer>> printer(qint64 id);
    [[nodiscard]] Result<qint64> insertPrinter(const Printer &printer);
    [[nodiscard]] Status updatePrinter(const Printer &printer);
    [[nodiscard]] Status deletePrinter(qint64 id);
    [[nodiscard]] Status setStatus(qint64 id, const QString &status, const QDateTime &at);

    [[nodiscard]] Result<QList<StationMode>> stationModes();
    [[nodiscard]] Status setStationMode(const StationMode &mode);
    /// Stations the menu's categories name.
    [[nodiscard]] Result<QStringList> menuStations();

    /// Inserts a job; nullopt when that order already has its ticket for the station and
    /// printer (an order prints once).
    [[nodiscard]] Result<std::optional<qint64>> insertJob(const PrintJob &job);
    /// The oldest queued job of a printer after job `afterId`.
    [[nodiscard]] Result<std::optional<PrintJob>> nextJob(qint64 printerId, qint64 afterId = 0);
    /// Jobs by status (without payloads), newest first.
    [[nodiscard]] Result<QList<PrintJob>> jobs(const QString &status, int limit);
    [[nodiscard]] Status markPrinted(qint64 id, const QDateTime &at);
    [[nodiscard]] Status markAttempt(qint64 id, const QString &error);
    /// A deleted printer's queued jobs fail (nothing prints them).
    [[nodiscard]] Status failQueuedOf(qint64 printerId, const QString &why);
    /// Queued jobs per printer.
    [[nodiscard]] Result<QHash<qint64, qint64>> queuedCounts();

    /// Active orders whose ticket for a station may be missing after a restart (the edge
    /// stopped between the order's commit and its job's): in printer/both mode, a pending or
    /// preparing order with a line at the station and a printer of the station without that
    /// order's job; in fallback mode, a pending order no screen acknowledged and without a
    /// fallback job for the station. Only orders placed since the station took its mode and
    /// the printer its stations (not a station's whole backlog after a change). Oldest first.
    struct MissingTicket
    {
        qint64 orderId = 0;
        QString station;
        QString mode; // printer | both | fallback
        QDateTime orderCreatedAt;
    };
    [[nodiscard]] Result<QList<MissingTicket>> missingTickets();

private:
    Result<QList<PrintJob>> selectJobs(const QString &where, const QVariantList &values, bool payload,
                                       const char *what);
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
