#include "kitchencontroller.h"

#include "alldaymodel.h"
#include "apireply.h"
#include "billcontroller.h"
#include "stafforder.h"
#include "callboard.h"
#include "categorymodel.h"
#include "certificatepins.h"
#include "clientsettings.h"
#include "dayclose.h"
#include "kitchentimes.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "lineoptions.h"
#include "menueditor.h"
#include "menumodel.h"
#include "newordersound.h"
#include "orderlistmodel.h"
#include "tablelistmodel.h"
#include "tablepairing.h"
#include "translations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

Q_LOGGING_CATEGORY(lcKitchen, "tableorder.kitchen")

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

} // namespace

KitchenController::KitchenController(const ui::AppOptions &options, ui::Translations &translations,
                                     QObject *parent)
    : QObject(parent), m_options(options), m_translations(translations),
      m_settings(std::make_unique<ClientSettings>(options.settingsFile)), m_api(std::make_unique<EdgeApi>()),
      m_stream(std::make_unique<EventStream>()), m_new(std::make_unique<OrderListModel>()),
      m_preparing(std::make_unique<OrderListModel>()), m_done(std::make_unique<OrderListModel>()),
      m_allDay(std::make_unique<AllDayModel>()), m_tables(std::make_unique<TableListModel>()),
      m_tableOrders(std::make_unique<OrderListModel>()), m_tableHistory(std::make_unique<OrderListModel>()),
      m_menu(std::make_unique<MenuModel>()), m_categories(std::make_unique<CategoryModel>()),
      m_sound(std::make_unique<NewOrderSound>(options.mute)),
      m_pairing(std::make_unique<TablePairing>(*m_api, *m_tables)),
      m_editor(std::make_unique<MenuEditor>(*m_api)), m_calls(std::make_unique<CallBoard>(*m_api)),
      m_bill(std::make_unique<BillController>(*m_api)), m_day(std::make_unique<DayClose>(*m_api)),
      m_kitchenTimes(std::make_unique<KitchenTimes>(*m_api)),
      m_staffOrder(std::make_unique<StaffOrder>(*m_api, *m_menu))
{
    m_new->setStatuses({u"pending"_s});
    m_preparing->setStatuses({u"preparing"_s});
    m_done->setStatuses({u"completed"_s});
    m_done->setNewestFirst(true);
    m_tableOrders->setNewestFirst(true);
    m_tableHistory->setNewestFirst(true);
    m_stations = m_settings->stations();
    m_translations.setLanguage(options.language.isEmpty() ? m_settings->language() : options.language);
    m_bill->setLanguage(m_translations.language());
    m_day->setLanguage(m_translations.language());
    connect(&m_translations, &ui::Translations::languageChanged, this, [this] {
        m_bill->setLanguage(m_translations.language());
        m_day->setLanguage(m_translations.language());
        emit m_calls->callsChanged(); // reasons in the new language
    });
    connect(m_calls.get(), &CallBoard::failed, this, &KitchenController::setMessage);
    connect(m_bill.get(), &BillController::notice, this, &KitchenController::setMessage);
    connect(m_bill.get(), &BillController::tablesChanged, this, &KitchenController::scheduleTablesRefresh);
    connect(m_staffOrder.get(), &StaffOrder::placed, this, [this](int table, int number) {
        setMessage(tr("Order %1 placed for table %2").arg(number).arg(table));
        m_bill->refresh();
        scheduleTablesRefresh(); // a free table has a visit now
    });

    connect(m_stream.get(), &EventStream::eventReceived, this,
            [this](const QString &type, const QJsonObject &data, qint64) { onEvent(type, data); });
    connect(m_stream.get(), &EventStream::stateChanged, this, [this] {
        if (m_stream->isOnline()) {
            // Back online: whatever was tapped meanwhile goes out now.
            m_sendRetry.stop();
            sendNext();
        }
        emit connectionChanged();
    });
    connect(m_stream.get(), &EventStream::retryChanged, this, &KitchenController::connectionChanged);
    connect(m_stream.get(), &EventStream::connectFailed, this, [this](int failures) {
        if (failures == 3 || failures % 10 == 0)
            m_api->listTables([](const ApiReply &) {}); // answers 401 if the token is gone
    });
    connect(m_api.get(), &EdgeApi::unauthorized, this, &KitchenController::onUnauthorized);
    connect(&m_translations, &ui::Translations::languageChanged, this, &KitchenController::languageChanged);
    connect(&m_translations, &ui::Translations::languageChanged, m_editor.get(), &MenuEditor::retranslate);
    // Another screen changed the menu: the editor's lists follow (an open form keeps its text).
    connect(this, &KitchenController::menuChanged, m_editor.get(), [this] {
        if (m_editor->loaded() && !m_editor->busy())
            m_editor->reload();
    });

    m_undoTimer.setSingleShot(true);
    connect(&m_undoTimer, &QTimer::timeout, this, &KitchenController::commitPending);
    m_sendRetry.setSingleShot(true);
    connect(&m_sendRetry, &QTimer::timeout, this, &KitchenController::sendNext);
    m_pruneTimer.setInterval(5000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &KitchenController::pruneDone);
    m_pruneTimer.start();
    m_tablesRefresh.setSingleShot(true);
    m_tablesRefresh.setInterval(300);
    connect(&m_tablesRefresh, &QTimer::timeout, this, &KitchenController::refreshTables);
    m_menuRetry.setSingleShot(true);
    connect(&m_menuRetry, &QTimer::timeout, this, &KitchenController::loadMenu);
}

KitchenController::~KitchenController() = default;

void KitchenController::start()
{
    if (!m_options.edgeUrl.isEmpty())
        m_settings->setEdgeUrl(m_options.edgeUrl);
    if (!m_options.edgeFingerprint.isEmpty())
        m_settings->setEdgeFingerprint(CertificatePins::normalize(m_options.edgeFingerprint));
    const QString role = m_settings->role();
    if (m_settings->token().isEmpty() || m_settings->edgeUrl().isEmpty()
        || (role != u"kitchen"_s && role != u"manager"_s && role != u"staff"_s)) {
        setScreen(Screen::Login);
        return;
    }
    connectToEdge();
}

void KitchenController::login(const QString &edgeUrl, const QString &username, const QString &password,
                              const QString &fingerprint)
{
    const QUrl url = m_options.edgeUrl.isEmpty() ? ui::edgeUrlFromText(edgeUrl) : m_options.edgeUrl;
    if (url.isEmpty())
        return setLoginState(false, tr("Enter the edge address, for example http://192.168.0.10:8080"));
    if (username.trimmed().isEmpty() || password.isEmpty())
        return setLoginState(false, tr("Enter your user name and password"));
    // An https edge's certificate is self-signed: it is trusted only by its fingerprint.
    const QString pin = CertificatePins::normalize(m_options.edgeFingerprint.isEmpty() ? fingerprint
                                                                                       : m_options.edgeFingerprint);
    if (url.scheme() == u"https"_s && pin.isEmpty())
        return setLoginState(false, tr("Enter the edge's certificate fingerprint (SHA-256, 64 hex digits) "
                                       "that the manager screen shows"));
    CertificatePins::pin(url, pin);
    setLoginState(true, {});
    m_api->setBaseUrl(url);
    m_api->setToken({});
    m_api->staffLogin(username.trimmed(), password, [this, url, username, pin](const ApiReply &reply) {
        if (reply.certificateRefused)
            return setLoginState(false, tr("The edge's certificate does not match the fingerprint: "
                                           "check it on the manager screen. Not connected."));
        if (reply.noAnswer())
            return setLoginState(false, tr("Cannot reach the edge at %1").arg(url.toString()));
        if (reply.status == 401)
            return setLoginState(false, tr("Wrong user name or password"));
        if (reply.status == 429)
            return setLoginState(false, tr("Too many attempts; wait %n seconds", nullptr, reply.retryAfter));
        if (!reply.ok())
            return setLoginState(false, tr("The edge refused: %1").arg(reply.errorMessage()));
        m_settings->setEdgeUrl(url);
        m_settings->setEdgeFingerprint(pin);
        m_settings->setUsername(username.trimmed());
        m_settings->setToken(reply.json.value(u"token"_s).toString(), reply.json.value(u"role"_s).toString());
        setLoginState(false, {});
        connectToEdge();
    });
}

void KitchenController::logout()
{
    m_pairing->clear();
    m_stream->stop();
    m_settings->clearToken();
    m_new->clear();
    m_preparing->clear();
    m_done->clear();
    m_calls->clear();
    m_bill->open(0);
    m_selectedTable = 0;
    m_alerts.clear();
    emit alertsChanged();
    recount();
    setScreen(Screen::Login);
}

void KitchenController::onUnauthorized()
{
    if (m_screen != Screen::Board)
        return;
    logout();
    setLoginState(false, tr("Your login has expired. Please log in again."));
}

void KitchenController::setLanguage(const QString &language)
{
    if (m_translations.setLanguage(language))
        m_settings->setLanguage(language);
}

void KitchenController::connectToEdge()
{
    CertificatePins::pin(m_settings->edgeUrl(), m_settings->edgeFingerprint());
    m_api->setBaseUrl(m_settings->edgeUrl());
    m_api->setToken(m_settings->token());
    m_snapshotSeen = false;
    m_calls->clear();
    setScreen(Screen::Board);
    loadMenu();
    m_stream->start(m_settings->edgeUrl(), m_settings->token(), m_stations);
    if (canFloor())
        refreshTables();
}

void KitchenController::loadMenu()
{
    m_menuRetry.stop();
    m_api->fetchMenu({}, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            m_menuRetry.start(m_menuBackoff.next());
            return;
        }
        m_menuBackoff.reset();
        m_menu->setMenu(reply.json, m_api->baseUrl());
        m_categories->setCategories(reply.json.value(u"categories"_s).toArray());
        m_tables->setCurrency(m_menu->currency());
        m_tableOrders->setCurrency(m_menu->currency());
        m_tableHistory->setCurrency(m_menu->currency());
        m_day->setTimeZone(QTimeZone(reply.json.value(u"time_zone"_s).toString().toUtf8()));
        emit menuChanged();
    });
}

void KitchenController::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == u"snapshot"_s) {
        m_new->clear();
        m_preparing->clear();
        for (const QJsonValue &order : data.value(u"orders"_s).toArray())
            place(order.toObject());
        m_snapshotSeen = true;
        if (data.value(u"menu_version"_s).toInteger() != m_menu->version())
            loadMenu();
    } else if (type == u"reset"_s) {
        m_new->clear();
        m_preparing->clear();
    } else if (type == u"order.created"_s) {
        const bool fresh = findTicket(data.value(u"id"_s).toInteger()).isEmpty();
        place(data);
        if (fresh && canKitchen()) {
            ++m_newOrderSerial;
            m_sound->play();
            emit newOrderArrived();
        }
    } else if (type == u"order.updated"_s) {
        place(data);
    } else if (type == u"order.unacknowledged"_s && canKitchen()) {
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
    } else if (type == u"menu.item_availability_changed"_s) {
        if (!m_menu->updateItem(data.value(u"item"_s).toObject()))
            loadMenu();
    } else if (type == u"menu.updated"_s) {
        loadMenu();
    }
    if (canFloor()) {
        if (m_calls->onEvent(type, data))
            m_sound->play(); // a guest's call: the same chime as a new ticket
        m_bill->onEvent(type, data);
        // A call opens the table's visit as a first order does.
        if (type.startsWith(u"order."_s) || type.startsWith(u"table."_s) || type == u"payment.recorded"_s
            || type == u"bill.discount_added"_s || type == u"call.created"_s)
            scheduleTablesRefresh();
    }
}

std::optional<KitchenController::Change> KitchenController::localChange(qint64 id) const
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

void KitchenController::place(const QJsonObject &order)
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
        setMessage(tr("Order #%1 (table %2) was canceled")
                           .arg(order.value(u"number"_s).toInt())
                           .arg(order.value(u"table_number"_s).toInt()));
    show(order, false);
}

void KitchenController::show(const QJsonObject &order, bool marked)
{
    const qint64 id = order.value(u"id"_s).toInteger();
    const QString status = order.value(u"status"_s).toString();
    const bool wasShown = m_new->contains(id) || m_preparing->contains(id) || m_done->contains(id);
    if (status == u"completed"_s && !wasShown) {
        m_new->remove(id);
        m_preparing->remove(id);
        recount();
        return; // completed before this screen saw it: nothing to show
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
    recount();
}

QJsonObject KitchenController::findTicket(qint64 id) const
{
    for (OrderListModel *model : {m_new.get(), m_preparing.get(), m_done.get()}) {
        if (model->contains(id))
            return model->order(id);
    }
    return {};
}

void KitchenController::advance(qint64 orderId)
{
    QJsonObject order = findTicket(orderId);
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
    m_undoTimer.start(m_undoMs);
    emit undoChanged();
}

void KitchenController::undo()
{
    if (!m_pending)
        return;
    m_undoTimer.stop();
    const Change change = *std::exchange(m_pending, std::nullopt);
    emit undoChanged();
    // Back as it was, unless a change the screen has already sent is still in flight.
    if (const auto earlier = localChange(change.orderId)) {
        QJsonObject order = change.original;
        order.insert(u"status"_s, earlier->to);
        show(order, true);
    } else {
        show(change.original, false);
    }
}

void KitchenController::commitPending()
{
    m_undoTimer.stop();
    if (!m_pending)
        return;
    m_outbox.append(*std::exchange(m_pending, std::nullopt));
    emit undoChanged();
    sendNext();
}

void KitchenController::sendNext()
{
    if (m_sending || m_outbox.isEmpty())
        return;
    m_sending = true;
    const Change change = m_outbox.first();
    m_api->setOrderStatus(change.orderId, change.to, [this, change](const ApiReply &reply) {
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
            m_api->get(u"/api/v1/orders/%1"_s.arg(change.orderId), [this](const ApiReply &r) {
                if (r.ok())
                    place(r.json);
            });
        } else {
            qCWarning(lcKitchen) << "status change refused:" << reply.describe();
            setMessage(tr("Order #%1 could not be changed: %2")
                               .arg(change.original.value(u"number"_s).toInt())
                               .arg(reply.errorMessage()));
            m_api->get(u"/api/v1/orders/%1"_s.arg(change.orderId), [this](const ApiReply &r) {
                if (r.ok())
                    place(r.json);
            });
        }
        sendNext();
    });
}

void KitchenController::acknowledgeShown(qint64 orderId)
{
    if (orderId <= 0 || m_acked.contains(orderId))
        return;
    m_acked.insert(orderId);
    m_stream->acknowledge(orderId);
}

void KitchenController::dismissAlert(qint64 orderId)
{
    m_alerts.removeIf([orderId](const QVariant &a) { return a.toMap().value(u"orderId"_s).toLongLong() == orderId; });
    emit alertsChanged();
}

void KitchenController::toggleStation(const QString &station)
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
    m_settings->setStations(next);
    emit stationsChanged();
    recount();
    if (m_screen == Screen::Board)
        m_stream->start(m_settings->edgeUrl(), m_settings->token(), m_stations); // fresh snapshot
}

void KitchenController::showAllStations()
{
    if (m_stations.isEmpty())
        return;
    m_stations.clear();
    m_settings->setStations({});
    emit stationsChanged();
    recount();
    if (m_screen == Screen::Board)
        m_stream->start(m_settings->edgeUrl(), m_settings->token(), m_stations);
}

QStringList KitchenController::knownStations() const
{
    return m_categories->stations();
}

bool KitchenController::isRemovalOption(const QString &name, qint64 priceDelta) const
{
    return kitchen::isRemovalOption(name, priceDelta);
}

void KitchenController::recount()
{
    QList<QJsonObject> active = m_new->orders();
    active.append(m_preparing->orders());
    m_allDay->recount(active, m_stations);
}

void KitchenController::pruneDone()
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

void KitchenController::setAvailable(qint64 itemId, bool available)
{
    m_api->setAvailability(itemId, available, [this](const ApiReply &reply) {
        if (reply.ok())
            m_menu->updateItem(reply.json);
        else
            setMessage(tr("Could not change the item: %1").arg(reply.noAnswer() ? tr("no connection") : reply.errorMessage()));
    });
}

void KitchenController::setCategoryStation(qint64 categoryId, const QString &station)
{
    m_api->updateCategory(categoryId, {{u"station"_s, station}}, [this](const ApiReply &reply) {
        if (reply.ok())
            loadMenu();
        else
            setMessage(tr("Could not change the station: %1").arg(reply.noAnswer() ? tr("no connection") : reply.errorMessage()));
    });
}

void KitchenController::scheduleTablesRefresh()
{
    if (!m_tablesRefresh.isActive())
        m_tablesRefresh.start();
}

void KitchenController::refreshTables()
{
    if (!canFloor())
        return;
    m_api->listTables([this](const ApiReply &reply) {
        if (!reply.ok())
            return;
        m_tables->setTables(reply.json.value(u"tables"_s).toArray());
        if (m_selectedTable)
            selectTable(m_selectedTable);
    });
}

void KitchenController::selectTable(qint64 tableId)
{
    const bool changed = tableId != m_selectedTable;
    m_selectedTable = tableId;
    if (changed) {
        m_tableOrders->clear();
        m_tableHistory->clear();
    }
    m_bill->open(tableId);
    emit selectedTableChanged();
    const QJsonObject table = m_tables->table(tableId);
    const qint64 session = table.value(u"session_id"_s).toInteger();
    if (session > 0) {
        QUrlQuery query;
        query.addQueryItem(u"from"_s, table.value(u"session_opened_at"_s).toString());
        query.addQueryItem(u"limit"_s, u"1000"_s);
        m_api->listOrders(query, [this, tableId, session](const ApiReply &reply) {
            if (!reply.ok() || tableId != m_selectedTable)
                return;
            QJsonArray mine;
            for (const QJsonValue &order : reply.json.value(u"orders"_s).toArray()) {
                if (order.toObject().value(u"session_id"_s).toInteger() == session)
                    mine.append(order);
            }
            m_tableOrders->replaceAll(mine);
        });
    } else {
        m_tableOrders->clear();
    }
    if (!isManager())
        return; // the history of closed visits is the manager's
    m_api->tableHistory(tableId, [this, tableId](const ApiReply &reply) {
        if (reply.ok() && tableId == m_selectedTable)
            m_tableHistory->replaceAll(reply.json.value(u"orders"_s).toArray());
    });
}

QVariantList KitchenController::cookingOrderNumbers() const
{
    QVariantList numbers;
    for (const QJsonObject &order : m_tableOrders->orders()) {
        const QString status = order.value(u"status"_s).toString();
        if (status == u"pending"_s || status == u"preparing"_s)
            numbers.prepend(order.value(u"number"_s).toInt()); // the model is newest first
    }
    return numbers;
}

QVariantMap KitchenController::selectedTable() const
{
    return m_tables->table(m_selectedTable).toVariantMap();
}

void KitchenController::clearMessage()
{
    setMessage({});
}

QString KitchenController::role() const
{
    return m_settings->role();
}

QString KitchenController::username() const
{
    return m_settings->username();
}

QString KitchenController::edgeUrl() const
{
    return (m_options.edgeUrl.isEmpty() ? m_settings->edgeUrl() : m_options.edgeUrl).toString();
}

bool KitchenController::certificateRefused() const
{
    return m_stream->certificateRefused();
}

bool KitchenController::online() const
{
    return m_stream->isOnline();
}

int KitchenController::retryInSeconds() const
{
    return m_stream->retryInSeconds();
}

QString KitchenController::language() const
{
    return m_translations.language();
}

QString KitchenController::storeName() const
{
    return m_menu->storeName();
}

QString KitchenController::undoText() const
{
    if (!m_pending)
        return {};
    const int number = m_pending->original.value(u"number"_s).toInt();
    return m_pending->to == u"preparing"_s ? tr("#%1 started").arg(number) : tr("#%1 done").arg(number);
}

bool KitchenController::soundAvailable() const
{
    return NewOrderSound::isAvailable() && !m_options.mute;
}

void KitchenController::setScreen(Screen screen)
{
    m_screen = screen;
    emit screenChanged();
}

void KitchenController::setLoginState(bool busy, const QString &error)
{
    m_loginBusy = busy;
    m_loginError = error;
    emit loginChanged();
}

void KitchenController::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace tableorder::kitchen
