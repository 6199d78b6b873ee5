#pragma once

#include "domain.h"
#include "principal.h"
#include "printing/printersettings.h"
#include "storage/printerrepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimeZone>
#include <QTimer>

#include <memory>

namespace tableorder {
class Metrics;
struct Event;
}

namespace tableorder::edge {

class EventLog;
class OrderService;
namespace printing {
class PrinterLink;
}

/// What a manager sends to add or change a printer (PUT: every field; POST: defaults).
struct PrinterInput
{
    QString name;
    QString host;
    int port = 9100;
    int paperMm = 80;
    QString encoding = QStringLiteral("cp949");
    QStringList stations;
};

/// Kitchen printers (issue 14): the printers and each station's mode, the print queue in
/// SQLite, and one conversation at a time per printer (PrinterLink). An order's ticket is
/// queued when the order commits (printer and both modes), or when no screen of its
/// station acknowledged it within the station's fallback time (fallback mode, which also
/// raises printer.fallback for the manager). Jobs retry with a doubling delay until printed;
/// status changes raise printer.status.
class PrinterService : public QObject
{
    Q_OBJECT
public:
    /// HQ changed the store's time zone (issue 17): tickets print times in it.
    void setTimeZone(QTimeZone zone) { m_zone = std::move(zone); }
    PrinterService(QSqlDatabase db, PrinterRepository &repository, OrderService &orders, EventLog &events,
                   Metrics &metrics, QTimeZone zone, PrinterSettings settings, QObject *parent = nullptr);
    ~PrinterService() override;

    /// Starts printing what the queue holds (jobs left by a previous run) and polling.
    void start();

    [[nodiscard]] Result<QList<Printer>> printers();
    [[nodiscard]] Result<Printer> add(const PrinterInput &input);
    [[nodiscard]] Result<Printer> update(qint64 id, const PrinterInput &input);
    [[nodiscard]] Status remove(qint64 id);
    /// Queues a test ticket; the job's id.
    [[nodiscard]] Result<qint64> testPrint(qint64 id);

    [[nodiscard]] Result<QList<StationMode>> stations();
    [[nodiscard]] Result<StationMode> stationMode(const QString &station);
    [[nodiscard]] Result<StationMode> setStationMode(const QString &station, const QString &mode,
                                                     int fallbackSeconds);

    /// A new ticket for the order's lines of `station` (all its stations when empty),
    /// marked 재출력, on each printer of the station. The new jobs' ids.
    [[nodiscard]] Result<QList<qint64>> reprint(const Principal &staff, qint64 orderId, const QString &station);
    [[nodiscard]] Result<QList<PrintJob>> jobs(const QString &status, int limit);

    /// A kitchen screen showing `stations` (empty: every station) acknowledged the order.
    void screenAcknowledged(qint64 orderId, const QStringList &stations);
    /// Printers whose last status is a fault (not ok, not unknown): for the health snapshot.
    [[nodiscard]] QList<Printer> faults() const;

signals:
    /// A printer's status changed (printer.status was recorded).
    void statusChanged();

private:
    struct Worker;
    void onCommitted(const tableorder::Event &event);
    struct Ticket
    {
        Order order;
        QString station;
        QString kind;
    };
    void queueOrders();
    void flushPrinted();
    [[nodiscard]] Result<QList<PrintJob>> queueTickets(const QList<Ticket> &tickets);
    [[nodiscard]] Result<QList<PrintJob>> queueTickets(const Order &order, const QString &station,
                                                     const QString &kind);
    void kick(qint64 printerId, bool poll = false);
    void onFinished(qint64 printerId);
    void setStatus(Worker &worker, const QString &status);
    void checkFallbacks();
    void pollIdle();
    void loadWorkers();
    Worker &worker(const Printer &printer);
    [[nodiscard]] StationMode modeOf(const QString &station);
    [[nodiscard]] Status validate(const PrinterInput &input) const;
    void updateQueuedGauge();

    QSqlDatabase m_db;
    PrinterRepository &m_repo;
    OrderService &m_orders;
    EventLog &m_events;
    Metrics &m_metrics;
    QTimeZone m_zone;
    PrinterSettings m_settings;
    QHash<qint64, std::shared_ptr<Worker>> m_workers;
    QHash<QString, StationMode> m_modes;
    struct Fallback
    {
        qint64 orderId = 0;
        QString station;
        qint64 dueMs = 0; // on m_clock
    };
    QList<Fallback> m_fallbacks;
    QElapsedTimer m_clock;
    QTimer m_fallbackTimer;
    QTimer m_pollTimer;
    qint64 m_queued = 0;
    QList<Ticket> m_toQueue;
    bool m_toQueueScheduled = false;
    QList<std::pair<qint64, QDateTime>> m_printed;
    QTimer m_printedTimer;
};

} // namespace tableorder::edge
