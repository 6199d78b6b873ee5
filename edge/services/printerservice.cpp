#include "printerservice.h"

#include "database.h"
#include "event.h"
#include "eventlog.h"
#include "menuservice.h"
#include "metrics.h"
#include "orderservice.h"
#include "printing/escposticket.h"
#include "printing/printerlink.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Q_LOGGING_CATEGORY(lcPrinters, "tableorder.edge.printers")

namespace {

const QStringList modes{u"screen"_s, u"printer"_s, u"both"_s, u"fallback"_s};

Principal daemonPrincipal()
{
    Principal p;
    p.role = Role::Manager;
    p.subject = u"daemon"_s;
    return p;
}

bool validHost(const QString &host)
{
    if (QHostAddress address; address.setAddress(host))
        return true;
    // A DNS name: labels of letters, digits and hyphens.
    static const QRegularExpression name(u"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
                                         "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"_s);
    return name.match(host).hasMatch();
}

} // namespace

struct PrinterService::Worker
{
    Printer printer;
    std::unique_ptr<printing::PrinterLink> link;
    QTimer retry;
    int backoffMs = 0;
    std::optional<PrintJob> current;
    qint64 lastPrinted = 0; // jobs are printed in id order: the next is after this one
    printing::PrinterLink::Outcome last;
};

PrinterService::PrinterService(QSqlDatabase db, PrinterRepository &repository, OrderService &orders,
                               EventLog &events, Metrics &metrics, QTimeZone zone, PrinterSettings settings,
                               QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_repo(repository), m_orders(orders), m_events(events),
      m_metrics(metrics), m_zone(std::move(zone)), m_settings(settings)
{
    m_clock.start();
    m_metrics.declareGauge("tableorder_printer_up", "1 when the printer last answered ok, else 0 (by printer name).");
    m_metrics.declareGauge("tableorder_print_jobs_queued", "Print jobs waiting for their printer.",
                           [this] { return double(m_queued); });
    m_metrics.declareHistogram("tableorder_print_job_seconds",
                               "From an order's creation (a reprint's or test's request) to the first byte "
                               "of the ticket that printed.",
                               Metrics::latencyBuckets());
    m_metrics.declareCounter("tableorder_print_jobs_total", "Print attempts by result (printed, retried).");
    m_metrics.declareCounter("tableorder_print_fallbacks_total",
                             "Tickets printed because no screen of their station showed the order in time.");
    connect(&events, &EventLog::committed, this, &PrinterService::onCommitted);
    connect(&m_fallbackTimer, &QTimer::timeout, this, &PrinterService::checkFallbacks);
    connect(&m_pollTimer, &QTimer::timeout, this, &PrinterService::pollIdle);
    m_printedTimer.setSingleShot(true);
    m_printedTimer.setInterval(20);
    connect(&m_printedTimer, &QTimer::timeout, this, &PrinterService::flushPrinted);
}

PrinterService::~PrinterService()
{
    flushPrinted();
}

void PrinterService::start()
{
    if (auto modes = m_repo.stationModes(); modes)
        for (const StationMode &m : std::as_const(*modes))
            m_modes.insert(m.station, m);
    loadWorkers();
    updateQueuedGauge();
    // Catch-up after a restart (an order committed just before a crash, before its print job
    // was): printer/both stations get the tickets they are missing (insertJob's unique index
    // keeps an order from printing twice), fallback stations hand orders no screen
    // acknowledged to the fallback timer again.
    if (auto missing = m_repo.missingTickets(); missing) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<Ticket> tickets;
        for (const PrinterRepository::MissingTicket &m : std::as_const(*missing)) {
            if (m.mode == u"fallback"_s) {
                const qint64 left = qint64(modeOf(m.station).fallbackSeconds) * 1000 - m.orderCreatedAt.msecsTo(now);
                m_fallbacks.append({m.orderId, m.station, m_clock.elapsed() + std::max<qint64>(0, left)});
                continue;
            }
            auto order = m_orders.get(daemonPrincipal(), m.orderId);
            if (!order) {
                qCWarning(lcPrinters) << "cannot read order" << m.orderId << ":" << order.error().message;
                continue;
            }
            tickets.append({*order, m.station, u"order"_s});
        }
        if (!tickets.isEmpty()) {
            if (auto jobs = queueTickets(tickets); jobs)
                qCInfo(lcPrinters) << "queued" << jobs->size() << "tickets missing after a restart";
            else
                qCWarning(lcPrinters) << "cannot queue the tickets missing after a restart:" << jobs.error().message;
        }
    } else {
        qCWarning(lcPrinters) << "cannot find the tickets missing after a restart:" << missing.error().message;
    }
    m_fallbackTimer.start(200);
    m_pollTimer.start(m_settings.pollMs);
    for (auto it = m_workers.cbegin(); it != m_workers.cend(); ++it)
        kick(it.key());
}

void PrinterService::loadWorkers()
{
    auto list = m_repo.printers();
    if (!list) {
        qCWarning(lcPrinters) << "cannot read printers:" << list.error().message;
        return;
    }
    for (const Printer &p : std::as_const(*list))
        worker(p);
}

PrinterService::Worker &PrinterService::worker(const Printer &printer)
{
    auto &slot = m_workers[printer.id];
    if (!slot) {
        slot = std::make_shared<Worker>();
        slot->link = std::make_unique<printing::PrinterLink>(m_settings.connectTimeoutMs, m_settings.answerTimeoutMs);
        slot->retry.setSingleShot(true);
        const qint64 id = printer.id;
        connect(slot->link.get(), &printing::PrinterLink::finished, this,
                [this, id](const printing::PrinterLink::Outcome &outcome) {
                    if (auto w = m_workers.value(id)) {
                        w->last = outcome;
                        onFinished(id);
                    }
                });
        connect(&slot->retry, &QTimer::timeout, this, [this, id] { kick(id); });
        m_metrics.set("tableorder_printer_up", {{"printer", printer.name}}, printer.status == u"ok"_s ? 1 : 0);
    }
    slot->printer = printer;
    return *slot;
}

void PrinterService::updateQueuedGauge()
{
    auto counts = m_repo.queuedCounts();
    if (!counts)
        return;
    m_queued = 0;
    for (qint64 n : std::as_const(*counts))
        m_queued += n;
}

Status PrinterService::validate(const PrinterInput &input) const
{
    if (input.name.trimmed().isEmpty() || input.name.size() > 60)
        return fail(Error::validation(u"name"_s, u"name must be 1 to 60 characters"_s));
    if (!validHost(input.host))
        return fail(Error::validation(u"host"_s, u"host must be an IP address or a host name"_s));
    if (input.port < 1 || input.port > 65535)
        return fail(Error::validation(u"port"_s, u"port must be from 1 to 65535 (ESC/POS printers: 9100)"_s));
    if (input.paperMm != 58 && input.paperMm != 80)
        return fail(Error::validation(u"paper_mm"_s, u"paper_mm must be 58 or 80"_s));
    if (input.encoding != u"cp949"_s && input.encoding != u"utf-8"_s)
        return fail(Error::validation(u"encoding"_s, u"encoding must be cp949 or utf-8"_s));
    if (input.stations.size() > 32)
        return fail(Error::validation(u"stations"_s, u"at most 32 stations"_s));
    for (const QString &s : input.stations)
        if (!MenuService::isValidStation(s))
            return fail(Error::validation(u"stations"_s,
                                          u"a station is 1 to 32 characters: a-z first, then a-z, 0-9, _ or -"_s));
    return {};
}

Result<QList<Printer>> PrinterService::printers()
{
    auto list = m_repo.printers();
    if (!list)
        return fail(list.error());
    auto counts = m_repo.queuedCounts();
    if (!counts)
        return fail(counts.error());
    for (Printer &p : *list)
        p.queued = counts->value(p.id);
    return list;
}

namespace {

/// A checked input's settings on the printer (a new one, or one being edited).
void apply(Printer &p, const PrinterInput &input)
{
    p.name = input.name.trimmed();
    p.host = input.host;
    p.port = input.port;
    p.paperMm = input.paperMm;
    p.encoding = input.encoding;
    p.stations = input.stations;
    p.stations.removeDuplicates();
}

} // namespace

Result<Printer> PrinterService::add(const PrinterInput &input)
{
    if (auto ok = validate(input); !ok)
        return fail(ok.error());
    Printer p;
    apply(p, input);
    auto id = m_repo.insertPrinter(p);
    if (!id)
        return fail(id.error());
    p.id = *id;
    worker(p);
    kick(p.id, true);
    return p;
}

Result<Printer> PrinterService::update(qint64 id, const PrinterInput &input)
{
    auto found = m_repo.printer(id);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"printer"_s));
    if (auto ok = validate(input); !ok)
        return fail(ok.error());
    Printer p = **found;
    apply(p, input);
    if (auto ok = m_repo.updatePrinter(p); !ok)
        return fail(ok.error());
    worker(p).retry.stop();
    kick(p.id, true);
    auto counts = m_repo.queuedCounts();
    if (counts)
        p.queued = counts->value(p.id);
    return p;
}

Status PrinterService::remove(qint64 id)
{
    auto found = m_repo.printer(id);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"printer"_s));
    {
        db::Transaction tx(m_db);
        if (auto ok = m_repo.failQueuedOf(id, u"printer removed"_s); !ok)
            return ok;
        if (auto ok = m_repo.deletePrinter(id); !ok)
            return ok;
        if (auto ok = tx.commit(); !ok)
            return ok;
    }
    m_metrics.set("tableorder_printer_up", {{"printer", (*found)->name}}, 0);
    m_workers.remove(id);
    updateQueuedGauge();
    return {};
}

Result<qint64> PrinterService::testPrint(qint64 id)
{
    auto found = m_repo.printer(id);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"printer"_s));
    const Printer &p = **found;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    PrintJob job;
    job.printerId = id;
    job.kind = u"test"_s;
    job.createdAt = now;
    job.payload = printing::renderTestTicket(p.name, {p.paperMm, p.encoding}, m_zone, now);
    auto jobId = m_repo.insertJob(job);
    if (!jobId)
        return fail(jobId.error());
    ++m_queued;
    kick(id);
    return jobId->value_or(0);
}

StationMode PrinterService::modeOf(const QString &station)
{
    if (auto it = m_modes.constFind(station); it != m_modes.cend())
        return *it;
    return StationMode{station, u"screen"_s, 15};
}

Result<QList<StationMode>> PrinterService::stations()
{
    auto menu = m_repo.menuStations();
    if (!menu)
        return fail(menu.error());
    QStringList names = *menu;
    for (auto it = m_modes.cbegin(); it != m_modes.cend(); ++it)
        names.append(it.key());
    if (auto list = m_repo.printers(); list)
        for (const Printer &p : std::as_const(*list))
            names.append(p.stations);
    names.removeDuplicates();
    names.sort();
    QList<StationMode> out;
    for (const QString &name : std::as_const(names))
        out.append(modeOf(name));
    return out;
}

Result<StationMode> PrinterService::stationMode(const QString &station)
{
    if (!MenuService::isValidStation(station))
        return fail(Error::notFound(u"station"_s));
    return modeOf(station);
}

Result<StationMode> PrinterService::setStationMode(const QString &station, const QString &mode, int fallbackSeconds)
{
    if (!MenuService::isValidStation(station))
        return fail(Error::validation(u"station"_s,
                                      u"a station is 1 to 32 characters: a-z first, then a-z, 0-9, _ or -"_s));
    if (!modes.contains(mode))
        return fail(Error::validation(u"mode"_s, u"mode must be screen, printer, both or fallback"_s));
    if (fallbackSeconds < 1 || fallbackSeconds > 3600)
        return fail(Error::validation(u"fallback_seconds"_s, u"fallback_seconds must be from 1 to 3600"_s));
    const StationMode m{station, mode, fallbackSeconds};
    if (auto ok = m_repo.setStationMode(m); !ok)
        return fail(ok.error());
    m_modes.insert(station, m);
    return m;
}

Result<QList<PrintJob>> PrinterService::queueTickets(const Order &order, const QString &station, const QString &kind)
{
    return queueTickets(QList<Ticket>{{order, station, kind}});
}

Result<QList<PrintJob>> PrinterService::queueTickets(const QList<Ticket> &tickets)
{
    auto list = m_repo.printers();
    if (!list)
        return fail(list.error());
    QList<PrintJob> queued;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        // One transaction (one flush of the WAL) for all the tickets of a group commit's
        // orders: one per order cost a flush each and, at 100 orders/s, seconds of backlog.
        db::Transaction tx(m_db);
        for (const auto &[order, station, kind] : tickets) {
            for (const Printer &p : std::as_const(*list)) {
                if (!p.stations.contains(station))
                    continue;
                printing::TicketContent content{order, station, kind == u"reprint"_s, kind == u"fallback"_s, {}};
                PrintJob job;
                job.printerId = p.id;
                job.orderId = order.id;
                job.station = station;
                job.kind = kind;
                job.createdAt = now;
                job.orderCreatedAt = kind == u"reprint"_s ? now : order.createdAt;
                job.payload = printing::renderTicket(content, {p.paperMm, p.encoding}, m_zone);
                auto id = m_repo.insertJob(job);
                if (!id)
                    return fail(id.error());
                if (*id) {
                    job.id = **id;
                    job.payload.clear();
                    queued.append(job);
                }
            }
        }
        if (auto ok = tx.commit(); !ok)
            return fail(ok.error());
    }
    m_queued += queued.size();
    for (const PrintJob &job : std::as_const(queued))
        kick(job.printerId);
    return queued;
}

void PrinterService::queueOrders()
{
    m_toQueueScheduled = false;
    const QList<Ticket> tickets = std::exchange(m_toQueue, {});
    if (tickets.isEmpty())
        return;
    auto jobs = queueTickets(tickets);
    if (!jobs) {
        qCWarning(lcPrinters) << "cannot queue" << tickets.size() << "tickets:" << jobs.error().message;
        return;
    }
    for (const Ticket &t : tickets) {
        if (std::none_of(jobs->cbegin(), jobs->cend(), [&](const PrintJob &j) {
                return j.orderId == t.order.id && j.station == t.station;
            }))
            qCWarning(lcPrinters) << "order" << t.order.id << ": no printer prints station" << t.station;
    }
}

void PrinterService::flushPrinted()
{
    const QList<std::pair<qint64, QDateTime>> printed = std::exchange(m_printed, {});
    if (printed.isEmpty())
        return;
    db::Transaction tx(m_db);
    for (const auto &[id, at] : printed)
        if (auto ok = m_repo.markPrinted(id, at); !ok)
            qCWarning(lcPrinters) << "cannot mark job" << id << "printed:" << ok.error().message;
    if (auto ok = tx.commit(); !ok)
        qCWarning(lcPrinters) << "cannot mark jobs printed:" << ok.error().message;
}

Result<QList<qint64>> PrinterService::reprint(const Principal &staff, qint64 orderId, const QString &station)
{
    auto order = m_orders.get(staff, orderId);
    if (!order)
        return fail(order.error());
    QStringList stations;
    for (const OrderLine &line : std::as_const(order->items))
        if (!stations.contains(line.station))
            stations.append(line.station);
    if (!station.isEmpty()) {
        if (!stations.contains(station))
            return fail(Error::validation(u"station"_s, u"the order has no line for station %1"_s.arg(station)));
        stations = {station};
    }
    QList<qint64> all;
    for (const QString &s : std::as_const(stations)) {
        auto jobs = queueTickets(*order, s, u"reprint"_s);
        if (!jobs)
            return fail(jobs.error());
        for (const PrintJob &job : std::as_const(*jobs))
            all.append(job.id);
    }
    if (all.isEmpty())
        return fail(ErrorCode::Conflict, u"no printer prints the order's stations"_s,
                    QJsonObject{{u"stations"_s, QJsonArray::fromStringList(stations)}});
    return all;
}

Result<QList<PrintJob>> PrinterService::jobs(const QString &status, int limit)
{
    if (!status.isEmpty() && status != u"queued"_s && status != u"failed"_s && status != u"printed"_s)
        return fail(Error::validation(u"status"_s, u"status must be queued, failed or printed"_s));
    return m_repo.jobs(status, limit);
}

void PrinterService::onCommitted(const Event &event)
{
    if (event.type == QLatin1StringView(events::OrderCreated)) {
        auto order = orderFromJson(event.data);
        if (!order)
            return;
        QStringList seen;
        for (const OrderLine &line : std::as_const(order->items)) {
            if (seen.contains(line.station))
                continue;
            seen.append(line.station);
            const StationMode mode = modeOf(line.station);
            if (mode.mode == u"printer"_s || mode.mode == u"both"_s) {
                // The orders of one group commit arrive in one pass: queued together.
                m_toQueue.append({*order, line.station, u"order"_s});
                if (!m_toQueueScheduled) {
                    m_toQueueScheduled = true;
                    QMetaObject::invokeMethod(this, &PrinterService::queueOrders, Qt::QueuedConnection);
                }
            }
            else if (mode.mode == u"fallback"_s)
                m_fallbacks.append({order->id, line.station, m_clock.elapsed() + qint64(mode.fallbackSeconds) * 1000});
        }
    } else if (event.type == QLatin1StringView(events::OrderUpdated)
               && event.data.value(u"status"_s).toString() != u"pending"_s) {
        // Advanced by a screen (it was seen) or canceled: nothing to fall back for.
        const qint64 id = event.data.value(u"id"_s).toInteger();
        m_fallbacks.removeIf([id](const Fallback &f) { return f.orderId == id; });
    }
}

void PrinterService::screenAcknowledged(qint64 orderId, const QStringList &stations)
{
    m_fallbacks.removeIf([&](const Fallback &f) {
        return f.orderId == orderId && (stations.isEmpty() || stations.contains(f.station));
    });
}

void PrinterService::checkFallbacks()
{
    const qint64 now = m_clock.elapsed();
    QList<Fallback> due;
    m_fallbacks.removeIf([&](const Fallback &f) {
        if (f.dueMs > now)
            return false;
        due.append(f);
        return true;
    });
    for (const Fallback &f : std::as_const(due)) {
        auto order = m_orders.get(daemonPrincipal(), f.orderId);
        if (!order || order->status != OrderStatus::Pending)
            continue;
        auto ids = queueTickets(*order, f.station, u"fallback"_s);
        if (!ids) {
            qCWarning(lcPrinters) << "cannot queue fallback ticket:" << ids.error().message;
            continue;
        }
        const qint64 printerId = ids->isEmpty() ? 0 : ids->first().printerId;
        m_metrics.increment("tableorder_print_fallbacks_total");
        db::Transaction tx(m_db);
        auto event = m_events.record(u"printer.fallback"_s, 0,
                                     QJsonObject{{u"order_id"_s, order->id},
                                                 {u"number"_s, order->number},
                                                 {u"table_number"_s, order->tableNumber},
                                                 {u"station"_s, f.station},
                                                 {u"printer_id"_s, printerId},
                                                 {u"printed"_s, !ids->isEmpty()}});
        if (event && tx.commit())
            m_events.publish(*event);
    }
}

void PrinterService::kick(qint64 printerId, bool poll)
{
    auto w = m_workers.value(printerId);
    if (!w || w->link->busy() || w->retry.isActive())
        return;
    auto job = m_repo.nextJob(printerId, w->lastPrinted);
    if (!job) {
        qCWarning(lcPrinters) << "cannot read the print queue:" << job.error().message;
        return;
    }
    if (!job->has_value() && !poll)
        return;
    w->current = *job;
    w->link->run(w->printer.host, quint16(w->printer.port), *job ? (*job)->payload : QByteArray());
}

void PrinterService::onFinished(qint64 printerId)
{
    auto w = m_workers.value(printerId);
    if (!w)
        return;
    const printing::PrinterLink::Outcome outcome = w->last;
    setStatus(*w, printing::printerStateName(outcome.state));
    if (!w->current) {
        if (outcome.state == printing::PrinterState::Ok)
            kick(printerId, false); // jobs waiting for it to come back
        return;
    }
    const PrintJob job = *w->current;
    w->current.reset();
    if (outcome.printed) {
        // Marked printed within the next 20 ms, several jobs to a flush; meanwhile the worker
        // skips past it (a crash in between prints it again: a duplicate, never a loss).
        m_printed.append({job.id, QDateTime::currentDateTimeUtc()});
        if (!m_printedTimer.isActive())
            m_printedTimer.start();
        w->lastPrinted = job.id;
        m_queued = std::max<qint64>(0, m_queued - 1);
        m_metrics.increment("tableorder_print_jobs_total", {{"result", u"printed"_s}});
        const QDateTime from = job.orderCreatedAt.isValid() ? job.orderCreatedAt : job.createdAt;
        if (from.isValid() && outcome.firstByteAtMs > 0)
            m_metrics.observe("tableorder_print_job_seconds", {},
                              std::max<qint64>(0, outcome.firstByteAtMs - from.toMSecsSinceEpoch()) / 1000.0);
        w->backoffMs = 0;
        kick(printerId, false);
        return;
    }
    (void)m_repo.markAttempt(job.id, outcome.error);
    m_metrics.increment("tableorder_print_jobs_total", {{"result", u"retried"_s}});
    w->backoffMs = std::min(m_settings.retryMaxMs, w->backoffMs == 0 ? 250 : w->backoffMs * 2);
    qCInfo(lcPrinters).noquote() << "printer" << w->printer.name << ":" << outcome.error << "- job" << job.id
                                 << "again in" << w->backoffMs << "ms";
    w->retry.start(w->backoffMs);
}

void PrinterService::setStatus(Worker &w, const QString &status)
{
    if (w.printer.status == status)
        return;
    w.printer.status = status;
    m_metrics.set("tableorder_printer_up", {{"printer", w.printer.name}}, status == u"ok"_s ? 1 : 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    w.printer.statusAt = now;
    db::Transaction tx(m_db);
    if (auto ok = m_repo.setStatus(w.printer.id, status, now); !ok)
        return;
    auto event = m_events.record(u"printer.status"_s, 0,
                                 QJsonObject{{u"printer_id"_s, w.printer.id},
                                             {u"name"_s, w.printer.name},
                                             {u"status"_s, status},
                                             {u"status_at"_s, timestampJson(now)}});
    if (!event || !tx.commit())
        return;
    m_events.publish(*event);
    qCInfo(lcPrinters).noquote() << "printer" << w.printer.name << "is" << status;
    emit statusChanged();
}

void PrinterService::pollIdle()
{
    const QList<qint64> ids = m_workers.keys();
    for (qint64 id : ids)
        kick(id, true);
}

QList<Printer> PrinterService::faults() const
{
    QList<Printer> out;
    for (const auto &w : m_workers)
        if (w->printer.status != u"ok"_s && w->printer.status != u"unknown"_s)
            out.append(w->printer);
    return out;
}

} // namespace tableorder::edge
