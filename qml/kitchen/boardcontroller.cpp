#include "boardcontroller.h"

#include "alldaymodel.h"
#include "apireply.h"
#include "clientsettings.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "lineoptions.h"
#include "newordersound.h"
#include "orderlistmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

Q_LOGGING_CATEGORY(lcBoard, "tableorder.kitchen.board")

namespace tableorder::kitchen {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString nextStatus(const QString &status)
{
    if (status == u"pending"_s)
        return u"preparing"_s;
    if (status == u"preparing"_s)
        return u"completed"_s;
    return {};
}

bool lineDone(const QJsonObject &line)
{
    const QJsonValue at = line.value(u"done_at"_s);
    return at.isString() && !at.toString().isEmpty();
}

QString lineStation(const QJsonObject &line)
{
    const QString station = line.value(u"station"_s).toString();
    return station.isEmpty() ? u"kitchen"_s : station;
}

// Enough to recall a rush's last few tickets; older ones are on the expo.
constexpr qsizetype recentKept = 8;

} // namespace

BoardController::BoardController(EdgeApi &api, EventStream &stream, ClientSettings &settings, NewOrderSound &sound,
                                 std::function<bool()> canKitchen, QObject *parent)
    : QObject(parent), m_api(api), m_stream(stream), m_settings(settings), m_sound(sound),
      m_canKitchen(std::move(canKitchen)), m_active(std::make_unique<OrderListModel>()),
      m_new(std::make_unique<OrderListModel>()), m_preparing(std::make_unique<OrderListModel>()),
      m_done(std::make_unique<OrderListModel>()), m_allDay(std::make_unique<AllDayModel>())
{
    m_active->setStatuses({u"pending"_s, u"preparing"_s});
    m_new->setStatuses({u"pending"_s});
    m_preparing->setStatuses({u"preparing"_s});
    m_done->setStatuses({u"completed"_s});
    m_done->setNewestFirst(true);
    m_stations = m_settings.stations();

    connect(&m_stream, &EventStream::stateChanged, this, [this] {
        if (m_stream.isOnline()) {
            // Back online: whatever was tapped meanwhile goes out now.
            m_sendRetry.stop();
            sendNext();
        }
    });
    m_undoTimer.setSingleShot(true);
    connect(&m_undoTimer, &QTimer::timeout, this, &BoardController::commitPending);
    m_sendRetry.setSingleShot(true);
    connect(&m_sendRetry, &QTimer::timeout, this, &BoardController::sendNext);
    m_pruneTimer.setInterval(5000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &BoardController::pruneDone);
    m_pruneTimer.start();
}

BoardController::~BoardController() = default;

void BoardController::connectStream()
{
    m_stream.start(m_settings.edgeUrl(), m_settings.token(), m_stations);
}

void BoardController::clear()
{
    for (OrderListModel *model : {m_active.get(), m_new.get(), m_preparing.get(), m_done.get()})
        model->clear();
    m_alerts.clear();
    m_recent.clear();
    m_selected = 0;
    emit alertsChanged();
    emit recentChanged();
    emit selectionChanged();
    recount();
}

void BoardController::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == u"snapshot"_s) {
        m_active->clear();
        m_new->clear();
        m_preparing->clear();
        for (const QJsonValue &order : data.value(u"orders"_s).toArray())
            place(order.toObject());
        m_snapshotSeen = true;
        emit menuVersionSeen(data.value(u"menu_version"_s).toInteger());
    } else if (type == u"reset"_s) {
        m_active->clear();
        m_new->clear();
        m_preparing->clear();
    } else if (type == u"order.created"_s) {
        const bool fresh = findTicket(data.value(u"id"_s).toInteger()).isEmpty();
        place(data);
        if (fresh && m_canKitchen()) {
            ++m_newOrderSerial;
            m_sound.play();
            emit newOrderArrived();
        }
    } else if (type == u"order.updated"_s) {
        // Also after another screen's line or station bump, or a recall: the edge follows
        // order.lines_done and order.recalled with the whole order.
        place(data);
    } else if (type == u"order.unacknowledged"_s && m_canKitchen()) {
        const qint64 id = data.value(u"order_id"_s).toInteger();
        // The receipt may have been lost with a connection: send it again if it is on screen.
        if (m_acked.remove(id))
            acknowledgeShown(id);
        bool known = false;
        for (const QVariant &alert : std::as_const(m_alerts))
            known = known || alert.toMap().value(u"orderId"_s).toLongLong() == id;
        if (!known) {
            m_alerts.append(QVariantMap{{u"orderId"_s, id},
                                        {u"number"_s, data.value(u"number"_s).toInt()},
                                        {u"tableNumber"_s, data.value(u"table_number"_s).toInt()},
                                        {u"ageSeconds"_s, int(data.value(u"age_ms"_s).toInteger() / 1000)}});
            emit alertsChanged();
        }
    }
}

std::optional<BoardController::Change> BoardController::localChange(qint64 id) const
{
    // The newest local intent wins: the pending tap, else the last queued one.
    if (m_pending && m_pending->orderId == id)
        return m_pending;
    for (auto it = m_outbox.crbegin(); it != m_outbox.crend(); ++it) {
        if (it->orderId == id)
            return *it;
    }
    return std::nullopt;
}

void BoardController::place(const QJsonObject &order)
{
    const qint64 id = order.value(u"id"_s).toInteger();
    const QString status = order.value(u"status"_s).toString();
    if (const auto change = localChange(id)) {
        // The edge has not applied this screen's tap yet: keep showing the tap's result,
        // unless the order went somewhere the tap did not lead (e.g. a manager canceled it).
        if (status == change->from || status == nextStatus(change->from)) {
            QJsonObject mine = order;
            mine.insert(u"status"_s, change->to);
            show(mine, true);
            return;
        }
        if (m_pending && m_pending->orderId == id) {
            m_undoTimer.stop();
            m_pending.reset();
            emit undoChanged();
        }
        m_outbox.removeIf([id](const Change &c) { return c.orderId == id; });
    }
    if (status == u"canceled"_s && !findTicket(id).isEmpty())
        emit notice(tr("Order #%1 (table %2) was canceled")
                            .arg(order.value(u"number"_s).toInt())
                            .arg(order.value(u"table_number"_s).toInt()));
    show(order, false);
}

bool BoardController::toCook(const QJsonObject &order) const
{
    const QString status = order.value(u"status"_s).toString();
    if (status != u"pending"_s && status != u"preparing"_s)
        return false;
    if (m_stations.isEmpty())
        return true;
    for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
        const QJsonObject line = value.toObject();
        if (m_stations.contains(lineStation(line)) && !lineDone(line))
            return true;
    }
    return false;
}

void BoardController::show(const QJsonObject &order, bool marked)
{
    const qint64 id = order.value(u"id"_s).toInteger();
    const QString status = order.value(u"status"_s).toString();
    const bool wasShown = m_active->contains(id) || m_done->contains(id);
    if (status == u"completed"_s && !wasShown) {
        for (OrderListModel *model : {m_active.get(), m_new.get(), m_preparing.get()})
            model->remove(id);
        recount();
        return; // completed before this screen saw it: nothing to show
    }
    if (toCook(order)) {
        if (m_active->upsert(order))
            m_active->setMarked(id, marked);
    } else {
        m_active->remove(id);
    }
    for (OrderListModel *model : {m_new.get(), m_preparing.get(), m_done.get()}) {
        if (model->upsert(order))
            model->setMarked(id, marked);
    }
    if (status != u"pending"_s) {
        // An alert is about an order nobody has started; once it moves, it is moot.
        const qsizetype before = m_alerts.size();
        m_alerts.removeIf([id](const QVariant &a) { return a.toMap().value(u"orderId"_s).toLongLong() == id; });
        if (m_alerts.size() != before)
            emit alertsChanged();
    }
    if (m_selected == id && !m_active->contains(id)) {
        m_selected = 0;
        emit selectionChanged();
    }
    recount();
}

QJsonObject BoardController::findTicket(qint64 id) const
{
    for (OrderListModel *model : {m_active.get(), m_new.get(), m_preparing.get(), m_done.get()}) {
        if (model->contains(id))
            return model->order(id);
    }
    return {};
}

void BoardController::advance(qint64 orderId)
{
    QJsonObject order = findTicket(orderId);
    if (!m_stations.isEmpty() && m_active->contains(orderId)) {
        // A station screen finishes its own part: the other stations' lines are not its to bump.
        QStringList mine;
        for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
            const QString station = lineStation(value.toObject());
            if (m_stations.contains(station) && !lineDone(value.toObject()) && !mine.contains(station))
                mine.append(station);
        }
        for (const QString &station : std::as_const(mine))
            postOrder(orderId, u"/api/v1/orders/%1/done"_s.arg(orderId), {{u"station"_s, station}},
                      tr("Order #%1 (%2)").arg(order.value(u"number"_s).toInt()).arg(station));
        remember(order, mine.size() == 1 ? mine.first() : QString());
        return;
    }
    const QString from = order.value(u"status"_s).toString();
    const QString to = nextStatus(from);
    if (order.isEmpty() || to.isEmpty())
        return;
    if (m_pending)
        commitPending(); // a second tap elsewhere confirms the first
    const QJsonObject original = order;
    order.insert(u"status"_s, to);
    order.insert(to == u"preparing"_s ? u"preparing_at"_s : u"completed_at"_s, nowText());
    order.insert(u"updated_at"_s, nowText());
    m_pending = Change{orderId, from, to, original};
    show(order, true);
    if (to == u"completed"_s)
        remember(original, {});
    m_undoTimer.start(m_undoMs);
    emit undoChanged();
}

void BoardController::undo()
{
    if (!m_pending)
        return;
    m_undoTimer.stop();
    const Change change = *std::exchange(m_pending, std::nullopt);
    emit undoChanged();
    if (change.to == u"completed"_s)
        forget(change.orderId);
    // Back as it was, unless a change the screen has already sent is still in flight.
    if (const auto earlier = localChange(change.orderId)) {
        QJsonObject order = change.original;
        order.insert(u"status"_s, earlier->to);
        show(order, true);
    } else {
        show(change.original, false);
    }
}

void BoardController::recall(qint64 orderId)
{
    if (m_pending && m_pending->orderId == orderId && m_pending->to == u"completed"_s)
        return undo(); // not sent yet: nothing to ask the edge
    if (localChange(orderId)) {
        emit notice(tr("The bump is still being sent; try again in a moment"));
        return;
    }
    const QJsonObject order = findTicket(orderId);
    const QString what = tr("Order #%1").arg(order.value(u"number"_s).toInt());
    forget(orderId);
    if (m_stations.isEmpty())
        return postOrder(orderId, u"/api/v1/orders/%1/recall"_s.arg(orderId), {}, what);
    // A station screen takes back only its own stations' lines, each that has a done line.
    QStringList stations;
    for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
        const QString station = lineStation(value.toObject());
        if (m_stations.contains(station) && lineDone(value.toObject()) && !stations.contains(station))
            stations.append(station);
    }
    if (stations.isEmpty())
        stations = m_stations;
    for (const QString &station : std::as_const(stations))
        postOrder(orderId, u"/api/v1/orders/%1/recall"_s.arg(orderId), {{u"station"_s, station}}, what);
}

void BoardController::recallLast()
{
    if (!m_recent.isEmpty())
        recall(m_recent.first().toMap().value(u"orderId"_s).toLongLong());
}

void BoardController::bumpLine(qint64 orderId, qint64 itemId)
{
    const QJsonObject order = findTicket(orderId);
    if (order.isEmpty() || itemId <= 0)
        return;
    postOrder(orderId, u"/api/v1/orders/%1/lines/%2/done"_s.arg(orderId).arg(itemId), {},
              tr("Order #%1").arg(order.value(u"number"_s).toInt()));
}

void BoardController::bumpNextLine()
{
    const QJsonObject order = m_active->order(m_selected);
    for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
        const QJsonObject line = value.toObject();
        if (stationShown(lineStation(line)) && !lineDone(line))
            return bumpLine(m_selected, line.value(u"id"_s).toInteger());
    }
}

void BoardController::postOrder(qint64 orderId, const QString &path, const QJsonObject &body, const QString &what)
{
    m_api.post(path, body, [this, orderId, what](const ApiReply &reply) {
        if (reply.ok()) {
            place(reply.json);
            return;
        }
        qCWarning(lcBoard) << "refused:" << reply.describe();
        emit notice(tr("%1 could not be changed: %2")
                            .arg(what, reply.noAnswer() ? tr("no connection") : reply.errorMessage()));
        refetch(orderId);
    });
}

void BoardController::refetch(qint64 orderId)
{
    if (orderId <= 0)
        return;
    m_api.get(u"/api/v1/orders/%1"_s.arg(orderId), [this](const ApiReply &r) {
        if (r.ok())
            place(r.json);
    });
}

void BoardController::remember(const QJsonObject &order, const QString &station)
{
    const qint64 id = order.value(u"id"_s).toInteger();
    m_recent.removeIf([id](const QVariant &v) { return v.toMap().value(u"orderId"_s).toLongLong() == id; });
    m_recent.prepend(QVariantMap{{u"orderId"_s, id},
                                 {u"number"_s, order.value(u"number"_s).toInt()},
                                 {u"tableNumber"_s, order.value(u"table_number"_s).toInt()},
                                 {u"station"_s, station},
                                 {u"atMs"_s, QDateTime::currentMSecsSinceEpoch()}});
    while (m_recent.size() > recentKept)
        m_recent.removeLast();
    emit recentChanged();
}

void BoardController::forget(qint64 orderId)
{
    const qsizetype before = m_recent.size();
    m_recent.removeIf([orderId](const QVariant &v) { return v.toMap().value(u"orderId"_s).toLongLong() == orderId; });
    if (m_recent.size() != before)
        emit recentChanged();
}

void BoardController::select(qint64 orderId)
{
    const qint64 next = m_active->contains(orderId) ? orderId : 0;
    if (next == m_selected)
        return;
    m_selected = next;
    emit selectionChanged();
}

void BoardController::commitPending()
{
    m_undoTimer.stop();
    if (!m_pending)
        return;
    m_outbox.append(*std::exchange(m_pending, std::nullopt));
    emit undoChanged();
    sendNext();
}

void BoardController::sendNext()
{
    if (m_sending || m_outbox.isEmpty())
        return;
    m_sending = true;
    const Change change = m_outbox.first();
    m_api.setOrderStatus(change.orderId, change.to, [this, change](const ApiReply &reply) {
        m_sending = false;
        if (m_outbox.isEmpty() || m_outbox.first().orderId != change.orderId || m_outbox.first().to != change.to)
            return sendNext(); // dropped meanwhile (the order changed elsewhere)
        if (!reply.isDefinitive()) {
            // No answer: the change may or may not have happened; sending it again is safe
            // (a repeat that already happened comes back as 409 from/to, handled below).
            m_sendRetry.start(m_sendBackoff.next());
            return;
        }
        m_sendBackoff.reset();
        m_outbox.removeFirst();
        if (reply.ok()) {
            place(reply.json);
        } else if (reply.errorCode() == u"INVALID_TRANSITION"_s
                   && reply.errorDetails().value(u"from"_s).toString() == change.to) {
            // Already there: our earlier attempt made it before its answer got lost.
            refetch(change.orderId);
        } else {
            qCWarning(lcBoard) << "status change refused:" << reply.describe();
            emit notice(tr("Order #%1 could not be changed: %2")
                                .arg(change.original.value(u"number"_s).toInt())
                                .arg(reply.errorMessage()));
            refetch(change.orderId);
        }
        sendNext();
    });
}

void BoardController::acknowledgeShown(qint64 orderId)
{
    if (orderId <= 0 || m_acked.contains(orderId))
        return;
    m_acked.insert(orderId);
    m_stream.acknowledge(orderId);
}

void BoardController::dismissAlert(qint64 orderId)
{
    m_alerts.removeIf([orderId](const QVariant &a) { return a.toMap().value(u"orderId"_s).toLongLong() == orderId; });
    emit alertsChanged();
}

void BoardController::toggleStation(const QString &station)
{
    QStringList next = m_stations;
    if (next.contains(station))
        next.removeAll(station);
    else
        next.append(station);
    next.sort();
    if (next == m_stations)
        return;
    m_stations = next;
    m_settings.setStations(next);
    emit stationsChanged();
    recount();
    if (m_stream.state() != EventStream::State::Stopped)
        connectStream(); // fresh snapshot
}

void BoardController::showAllStations()
{
    if (m_stations.isEmpty())
        return;
    m_stations.clear();
    m_settings.setStations({});
    emit stationsChanged();
    recount();
    if (m_stream.state() != EventStream::State::Stopped)
        connectStream();
}

bool BoardController::stationShown(const QString &station) const
{
    return m_stations.isEmpty() || m_stations.contains(station.isEmpty() ? u"kitchen"_s : station);
}

bool BoardController::isRemovalOption(const QString &name, qint64 priceDelta) const
{
    return kitchen::isRemovalOption(name, priceDelta);
}

void BoardController::recount()
{
    m_allDay->recount(m_active->orders(), m_stations);
}

void BoardController::pruneDone()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QJsonObject &order : m_done->orders()) {
        const qint64 id = order.value(u"id"_s).toInteger();
        if (localChange(id))
            continue;
        if (now - timestampMs(order.value(u"completed_at"_s)) > m_doneRetentionMs)
            m_done->remove(id);
    }
}

QString BoardController::undoText() const
{
    if (!m_pending)
        return {};
    const int number = m_pending->original.value(u"number"_s).toInt();
    return m_pending->to == u"preparing"_s ? tr("#%1 started").arg(number) : tr("#%1 done").arg(number);
}

} // namespace tableorder::kitchen
