#include "kitchencontroller.h"

#include "apireply.h"
#include "billcontroller.h"
#include "boardcontroller.h"
#include "expocontroller.h"
#include "stafforder.h"
#include "callboard.h"
#include "categorymodel.h"
#include "certificatepins.h"
#include "clientsettings.h"
#include "dayclose.h"
#include "printercontroller.h"
#include "kitchentimes.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "menueditor.h"
#include "menumodel.h"
#include "newordersound.h"
#include "orderlistmodel.h"
#include "tablelistmodel.h"
#include "tablepairing.h"
#include "tablecards.h"
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

KitchenController::KitchenController(const ui::AppOptions &options, ui::Translations &translations,
                                     QObject *parent)
    : QObject(parent), m_options(options), m_translations(translations),
      m_settings(std::make_unique<ClientSettings>(options.settingsFile)), m_api(std::make_unique<EdgeApi>()),
      m_stream(std::make_unique<EventStream>()), m_tables(std::make_unique<TableListModel>()),
      m_tableOrders(std::make_unique<OrderListModel>()), m_tableHistory(std::make_unique<OrderListModel>()),
      m_menu(std::make_unique<MenuModel>()), m_categories(std::make_unique<CategoryModel>()),
      m_sound(std::make_unique<NewOrderSound>(options.mute)),
      m_board(std::make_unique<BoardController>(*m_api, *m_stream, *m_settings, *m_sound,
                                                [this] { return canKitchen(); })),
      m_expo(std::make_unique<ExpoController>(*m_api)),
      m_pairing(std::make_unique<TablePairing>(*m_api, *m_tables)),
      m_tableCards(std::make_unique<TableCards>(*m_api)),
      m_editor(std::make_unique<MenuEditor>(*m_api)), m_calls(std::make_unique<CallBoard>(*m_api)),
      m_bill(std::make_unique<BillController>(*m_api)), m_day(std::make_unique<DayClose>(*m_api)),
      m_printers(std::make_unique<PrinterController>(*m_api)),
      m_kitchenTimes(std::make_unique<KitchenTimes>(*m_api)),
      m_staffOrder(std::make_unique<StaffOrder>(*m_api, *m_menu))
{
    m_tableOrders->setNewestFirst(true);
    m_tableHistory->setNewestFirst(true);
    m_translations.setLanguage(options.language.isEmpty() ? m_settings->language() : options.language);
    m_bill->setLanguage(m_translations.language());
    m_day->setLanguage(m_translations.language());
    connect(&m_translations, &ui::Translations::languageChanged, this, [this] {
        m_bill->setLanguage(m_translations.language());
        m_day->setLanguage(m_translations.language());
        emit m_calls->callsChanged(); // reasons in the new language
    });
    connect(m_calls.get(), &CallBoard::failed, this, &KitchenController::setMessage);
    connect(m_printers.get(), &PrinterController::message, this, &KitchenController::setMessage);
    connect(m_board.get(), &BoardController::notice, this, &KitchenController::setMessage);
    connect(m_expo.get(), &ExpoController::notice, this, &KitchenController::setMessage);
    connect(m_board.get(), &BoardController::menuVersionSeen, this, [this](qint64 version) {
        if (version != m_menu->version())
            loadMenu();
    });
    connect(m_bill.get(), &BillController::notice, this, &KitchenController::setMessage);
    connect(m_bill.get(), &BillController::tablesChanged, this, &KitchenController::scheduleTablesRefresh);
    connect(m_staffOrder.get(), &StaffOrder::placed, this, [this](int table, int number) {
        setMessage(tr("Order %1 placed for table %2").arg(number).arg(table));
        m_bill->refresh();
        scheduleTablesRefresh(); // a free table has a visit now
    });

    connect(m_stream.get(), &EventStream::eventReceived, this,
            [this](const QString &type, const QJsonObject &data, qint64) { onEvent(type, data); });
    connect(m_stream.get(), &EventStream::stateChanged, this, &KitchenController::connectionChanged);
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
    m_board->clear();
    m_expo->clear();
    m_calls->clear();
    m_bill->open(0);
    m_selectedTable = 0;
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
    m_board->resetSnapshot();
    m_calls->clear();
    setScreen(Screen::Board);
    loadMenu();
    m_board->connectStream();
    m_printers->refresh(); // the board's printer fault banner
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
    m_board->onEvent(type, data);
    m_expo->onEvent(type, data);
    if (type == u"menu.item_availability_changed"_s) {
        if (!m_menu->updateItem(data.value(u"item"_s).toObject()))
            loadMenu();
    } else if (type == u"menu.updated"_s) {
        loadMenu();
    }
    m_printers->onEvent(type, data);
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

QStringList KitchenController::knownStations() const
{
    return m_categories->stations();
}

bool KitchenController::boardReady() const
{
    return m_screen == Screen::Board && m_board->snapshotSeen();
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
