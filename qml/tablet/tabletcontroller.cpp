#include "tabletcontroller.h"

#include "billcontroller.h"
#include "billmodel.h"
#include "callcontroller.h"
#include "phonecodecontroller.h"
#include "cartmodel.h"
#include "categorymodel.h"
#include "certificatepins.h"
#include "clientsettings.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "linedraft.h"
#include "menumodel.h"
#include "orderlistmodel.h"
#include "ordersubmitter.h"
#include "pairinglink.h"
#include "qrscanner.h"
#include "translations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

Q_LOGGING_CATEGORY(lcTablet, "tableorder.tablet")

namespace tableorder::tablet {

TabletController::TabletController(const ui::AppOptions &options, ui::Translations &translations,
                                   QObject *parent)
    : QObject(parent), m_options(options), m_translations(translations),
      m_settings(std::make_unique<ClientSettings>(options.settingsFile)),
      m_api(std::make_unique<EdgeApi>()), m_stream(std::make_unique<EventStream>()),
      m_menu(std::make_unique<MenuModel>()), m_categories(std::make_unique<CategoryModel>()),
      m_cart(std::make_unique<CartModel>(*m_menu)),
      m_draft(std::make_unique<LineDraft>(*m_menu, *m_cart)), m_orders(std::make_unique<OrderListModel>()),
      m_submitter(std::make_unique<OrderSubmitter>(*m_api, *m_settings)),
      m_scanner(std::make_unique<QrScanner>()), m_calls(std::make_unique<CallController>(*m_api)),
      m_phoneCode(std::make_unique<PhoneCodeController>(*m_api)),
      m_billing(std::make_unique<BillController>(*m_api, *m_menu))
{
    m_orders->setNewestFirst(true);
    m_translations.setLanguage(options.language.isEmpty() ? m_settings->language() : options.language);

    connect(m_stream.get(), &EventStream::eventReceived, this, &TabletController::onEvent);
    connect(m_stream.get(), &EventStream::stateChanged, this, [this] {
        if (m_stream->isOnline()) {
            m_everOnline = true;
            if (!m_menuReady)
                loadMenu();
            // Events of calls and of the bill may have passed while away.
            m_calls->refresh();
            m_billing->refreshIfOpen();
        }
        followConnection();
        emit connectionChanged();
    });
    connect(m_stream.get(), &EventStream::retryChanged, this, &TabletController::connectionChanged);
    connect(m_stream.get(), &EventStream::connectFailed, this, [this](int failures) {
        // A refused upgrade looks like any other failure to a WebSocket client; ask the REST
        // API whether the token is still good (it answers 401 if not).
        if (failures == 3 || failures % 10 == 0)
            m_api->listOrders(QUrlQuery(u"limit=1"_s), [](const ApiReply &) {});
    });
    connect(m_api.get(), &EdgeApi::unauthorized, this, &TabletController::onUnauthorized);

    connect(m_submitter.get(), &OrderSubmitter::stateChanged, this, [this] {
        if (m_stream->state() == EventStream::State::Waiting)
            m_submitter->holdRetry();
        emit connectionChanged();
    });
    connect(m_submitter.get(), &OrderSubmitter::retryTick, this, &TabletController::connectionChanged);
    connect(m_submitter.get(), &OrderSubmitter::accepted, this, [this](const QJsonObject &order) {
        m_cart->clear();
        m_orders->upsert(order);
        m_lastOrderId = order.value(u"id"_s).toInteger();
        if (OrderListModel::kitchenConfirmed(order))
            m_confirmedOrders.insert(m_lastOrderId);
        updateKitchenConfirmed();
        emit orderAccepted(int(order.value(u"number"_s).toInteger()));
    });
    connect(m_submitter.get(), &OrderSubmitter::rejected, this, [this](const QString &code, const QString &message) {
        // Sold-out flags, hours, stock or options this tablet missed.
        if (code == u"ITEM_UNAVAILABLE"_s || code == u"OPTION_UNAVAILABLE"_s || code == u"OUT_OF_STOCK"_s)
            loadMenu();
        emit orderRejected(code, message);
    });

    m_menuRetry.setSingleShot(true);
    connect(&m_menuRetry, &QTimer::timeout, this, &TabletController::loadMenu);
    // Menu texts come in every language with the menu: switching asks the edge for nothing.
    m_menu->setLanguage(m_translations.language());
    m_categories->setLanguage(m_translations.language());
    connect(&m_translations, &ui::Translations::languageChanged, this, [this] {
        m_menu->setLanguage(m_translations.language());
        m_categories->setLanguage(m_translations.language());
        m_billing->bill()->refreshNames();
        emit languageChanged();
        emit rejectionTextChanged();
    });
    connect(m_submitter.get(), &OrderSubmitter::stateChanged, this, &TabletController::rejectionTextChanged);
    connect(m_menu.get(), &MenuModel::menuChanged, m_billing->bill(), &BillModel::refreshNames);
}

TabletController::~TabletController() = default;

void TabletController::start()
{
    if (!m_options.edgeUrl.isEmpty())
        m_settings->setEdgeUrl(m_options.edgeUrl);
    if (!m_options.edgeFingerprint.isEmpty())
        m_settings->setEdgeFingerprint(CertificatePins::normalize(m_options.edgeFingerprint));
    if (m_settings->token().isEmpty() || m_settings->edgeUrl().isEmpty() || m_settings->role() != u"table"_s) {
        setScreen(Screen::Setup);
        return;
    }
    connectToEdge();
}

void TabletController::connectToEdge()
{
    CertificatePins::pin(m_settings->edgeUrl(), m_settings->edgeFingerprint());
    m_api->setBaseUrl(m_settings->edgeUrl());
    m_api->setToken(m_settings->token());
    m_menu->setCategoryId(0);
    setScreen(Screen::Menu);
    loadMenu();
    m_stream->start(m_settings->edgeUrl(), m_settings->token());
    m_submitter->resumePending();
}

void TabletController::loadMenu()
{
    m_menuRetry.stop();
    m_api->fetchMenu(m_menuReady ? m_menuEtag : QByteArray(), [this](const ApiReply &reply) {
        if (reply.status == 304) {
            m_menuBackoff.reset();
            return;
        }
        if (!reply.ok()) {
            qCInfo(lcTablet) << "menu not loaded:" << reply.describe();
            m_menuRetry.start(m_menuBackoff.next());
            return;
        }
        m_menuBackoff.reset();
        m_menuEtag = reply.etag;
        const qint64 selected = m_menu->categoryId();
        m_menu->setMenu(reply.json, m_api->baseUrl());
        m_categories->setCategories(reply.json.value(u"categories"_s).toArray());
        m_orders->setCurrency(m_menu->currency());
        // Keep the guests' category if it still exists, else the first one.
        bool found = false;
        for (const auto &c : m_categories->categories())
            found = found || c.id == selected;
        m_menu->setCategoryId(found ? selected : m_categories->idAt(0));
        m_menuReady = true;
        emit menuReadyChanged();
    });
}

void TabletController::onEvent(const QString &type, const QJsonObject &data, qint64 seq)
{
    Q_UNUSED(seq);
    m_calls->onEvent(type, data);
    m_billing->onEvent(type, data);
    if (type == u"snapshot"_s) {
        m_orders->replaceAll(data.value(u"orders"_s).toArray());
        for (const QJsonValue &order : data.value(u"orders"_s).toArray()) {
            m_submitter->noteOrderSeen(order.toObject());
            // A receipt that came while this tablet was away is not replayed: the order says it.
            if (OrderListModel::kitchenConfirmed(order.toObject()))
                noteConfirmed(order.toObject().value(u"id"_s).toInteger());
        }
        if (data.value(u"menu_version"_s).toInteger() != m_menu->version())
            loadMenu();
    } else if (type == u"reset"_s) {
        m_orders->clear();
    } else if (type == u"order.acknowledged"_s) {
        m_orders->setKitchenAcked(data.value(u"order_id"_s).toInteger(), data.value(u"acknowledged_at"_s).toString());
        noteConfirmed(data.value(u"order_id"_s).toInteger());
    } else if (type == u"order.created"_s || type == u"order.updated"_s) {
        // A first order opens the visit: its code is no longer the free table's.
        if (type == u"order.created"_s && !m_phoneCode->url().isEmpty() && m_orders->rowCount() == 0)
            m_phoneCode->refresh();
        const QJsonObject order = data;
        // The edge sends this visit's orders only (its stream ends with the visit); still,
        // show new orders and those the screen already has.
        if (type == u"order.created"_s || m_orders->contains(order.value(u"id"_s).toInteger()))
            m_orders->upsert(order);
        m_submitter->noteOrderSeen(order);
        // A cook who moved it on has seen it.
        if (OrderListModel::kitchenConfirmed(order))
            noteConfirmed(order.value(u"id"_s).toInteger());
    } else if (type == u"table.session_closed"_s) {
        // The guests paid and left: the next guests start with an empty table.
        m_orders->clear();
        m_cart->clear();
        m_confirmedOrders.clear();
        m_calls->clear();
        m_billing->clear();
        m_phoneCode->forget();
        emit sessionClosed();
    } else if (type == u"table.visit_left"_s) {
        // The party moved to another table (or joined one): their orders, calls and bill went
        // with them; what is in the cart stays for whoever sits here.
        m_orders->clear();
        m_confirmedOrders.clear();
        m_calls->clear();
        m_billing->clear();
        m_phoneCode->forget();
        emit visitLeft();
    } else if (type == u"table.visit_arrived"_s) {
        m_phoneCode->forget();
        for (const QJsonValue &order : data.value(u"orders"_s).toArray())
            m_orders->upsert(order.toObject());
        m_calls->refresh();
    } else if (type == u"menu.item_availability_changed"_s) {
        if (!m_menu->updateItem(data.value(u"item"_s).toObject()))
            loadMenu();
    } else if (type == u"menu.option_availability_changed"_s) {
        if (!m_menu->updateOption(data.value(u"option"_s).toObject()))
            loadMenu();
    } else if (type == u"menu.updated"_s) {
        loadMenu();
    }
}

void TabletController::setup(const QString &edgeUrl, int tableNumber, const QString &password,
                             const QString &fingerprint)
{
    const QUrl url = m_options.edgeUrl.isEmpty() ? ui::edgeUrlFromText(edgeUrl) : m_options.edgeUrl;
    if (url.isEmpty())
        return setSetupState(false, tr("Enter the edge address, for example http://192.168.0.10:8080"));
    if (tableNumber < 1 || tableNumber > 9999)
        return setSetupState(false, tr("Enter a table number from 1 to 9999"));
    if (password.isEmpty())
        return setSetupState(false, tr("Enter the table's password"));
    // An https edge's certificate is self-signed: it is trusted only by its fingerprint.
    const QString pin = CertificatePins::normalize(m_options.edgeFingerprint.isEmpty() ? fingerprint
                                                                                       : m_options.edgeFingerprint);
    if (!startConnecting(url, pin))
        return;
    m_api->tableLogin(tableNumber, password, [this, url, tableNumber, pin](const ApiReply &reply) {
        if (reply.status == 401)
            return setSetupState(false, tr("Wrong table number or password"));
        finishSetup(reply, url, pin, tableNumber);
    });
}

bool TabletController::startConnecting(const QUrl &url, const QString &pin)
{
    if (url.scheme() == u"https"_s && pin.isEmpty()) {
        setSetupState(false, tr("Enter the edge's certificate fingerprint (SHA-256, 64 hex digits) "
                                "that the manager screen shows"));
        return false;
    }
    CertificatePins::pin(url, pin);
    setSetupState(true, {});
    m_api->setBaseUrl(url);
    m_api->setToken({});
    return true;
}

void TabletController::pair(const QString &text)
{
    const auto link = PairingLink::parse(text);
    if (!link)
        return setSetupState(false, tr("This is not a pairing link from the manager screen (%1)").arg(link.error()));
    if (!link->hasTable())
        return setSetupState(false, tr("This link has no table: show the pairing QR of a table on the "
                                       "manager screen (Tables, then the table)"));
    // A tablet provisioned with an edge keeps it; the link only brings the table and code.
    const QUrl url = m_options.edgeUrl.isEmpty() ? link->edge : m_options.edgeUrl;
    const QString pin = m_options.edgeFingerprint.isEmpty() ? link->fingerprint
                                                            : CertificatePins::normalize(m_options.edgeFingerprint);
    if (!startConnecting(url, pin))
        return;
    const int tableNumber = link->tableNumber;
    m_api->tablePair(tableNumber, link->code, [this, url, tableNumber, pin](const ApiReply &reply) {
        if (reply.errorCode() == u"PAIRING_CODE_USED"_s)
            return setSetupState(false, tr("This pairing QR was already used. Show a new one on the manager screen."));
        if (reply.errorCode() == u"PAIRING_CODE_EXPIRED"_s)
            return setSetupState(false, tr("This pairing QR has expired or was replaced. Show a new one on the "
                                           "manager screen."));
        if (reply.status == 401)
            return setSetupState(false, tr("The edge does not accept this pairing code for table %1.").arg(tableNumber));
        finishSetup(reply, url, pin, tableNumber);
    });
}

void TabletController::finishSetup(const ApiReply &reply, const QUrl &url, const QString &pin, int tableNumber)
{
    if (reply.certificateRefused)
        return setSetupState(false, tr("The edge's certificate does not match the fingerprint: "
                                       "check it on the manager screen. Not connected."));
    if (reply.noAnswer())
        return setSetupState(false, tr("Cannot reach the edge at %1").arg(url.toString()));
    if (reply.status == 429)
        return setSetupState(false, tr("Too many attempts; wait %n seconds", nullptr, reply.retryAfter));
    if (!reply.ok())
        return setSetupState(false, tr("The edge refused: %1").arg(reply.errorMessage()));
    m_settings->setEdgeUrl(url);
    m_settings->setEdgeFingerprint(pin);
    m_settings->setTableNumber(int(reply.json.value(u"table"_s).toObject().value(u"number"_s).toInt(tableNumber)));
    m_settings->setToken(reply.json.value(u"token"_s).toString(), u"table"_s);
    setSetupState(false, {});
    emit configChanged();
    connectToEdge();
}

void TabletController::resetSetup()
{
    m_stream->stop();
    m_settings->clearToken();
    m_cart->clear();
    m_orders->clear();
    m_calls->clear();
    m_billing->clear();
    setScreen(Screen::Setup);
    emit configChanged();
}

void TabletController::onUnauthorized()
{
    if (m_screen != Screen::Menu)
        return;
    qCWarning(lcTablet) << "the edge no longer accepts this tablet's token";
    resetSetup();
    setSetupState(false, tr("This tablet's login is no longer valid. Staff: please set it up again."));
}

bool TabletController::placeOrder()
{
    if (!m_cart->isOrderable())
        return false;
    return m_submitter->submit(m_cart->orderItems(), m_cart->note());
}

void TabletController::setLanguage(const QString &language)
{
    if (m_translations.setLanguage(language))
        m_settings->setLanguage(language);
}

void TabletController::openItem(qint64 itemId)
{
    if (m_draft->start(itemId))
        emit itemSheetRequested();
}

void TabletController::selectCategory(qint64 categoryId)
{
    m_menu->setCategoryId(categoryId);
}

QString TabletController::itemNames(const QVariantList &ids) const
{
    QStringList names;
    for (const QVariant &id : ids) {
        if (const MenuEntry *entry = m_menu->entry(id.toLongLong()))
            names.append(m_menu->nameOf(*entry));
    }
    return names.join(u", "_s);
}

QString TabletController::storeTime(qint64 msecsSinceEpoch) const
{
    return m_billing->bill()->clockTime(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()));
}

QString TabletController::optionNames(const QVariantList &ids) const
{
    QStringList names;
    for (const QVariant &id : ids) {
        for (const MenuEntry &entry : m_menu->allItems()) {
            if (const MenuOption *option = entry.option(id.toLongLong())) {
                names.append(m_menu->nameOf(*option));
                break;
            }
        }
    }
    return names.join(u", "_s);
}

QString TabletController::rejectionText() const
{
    const QString code = m_submitter->errorCode();
    if (m_submitter->state() != OrderSubmitter::State::Rejected || code.isEmpty())
        return {};
    if (code == u"ITEM_UNAVAILABLE"_s) {
        const QString names = itemNames(m_submitter->unavailableItemIds());
        if (m_submitter->unavailableReason() == u"hours"_s)
            return tr("Not served at this time: %1. Please remove it and order again.").arg(names);
        return tr("Sold out just now: %1. Please remove it and order again.").arg(names);
    }
    if (code == u"OPTION_UNAVAILABLE"_s)
        return tr("This choice just ran out: %1. Please choose again and order again.")
                .arg(optionNames(m_submitter->unavailableOptionIds()));
    if (code == u"OUT_OF_STOCK"_s) {
        const QString name = itemNames({m_submitter->outOfStockItemId()});
        if (m_submitter->remaining() <= 0)
            return tr("Sold out just now: %1. Please remove it and order again.").arg(name);
        return tr("Only %n left of %1. Please lower the quantity and order again.", nullptr,
                  m_submitter->remaining()).arg(name);
    }
    return tr("Please ask a member of staff. (%1)").arg(code);
}

int TabletController::tableNumber() const
{
    return m_settings->tableNumber();
}

QString TabletController::edgeUrl() const
{
    const QUrl url = m_options.edgeUrl.isEmpty() ? m_settings->edgeUrl() : m_options.edgeUrl;
    return url.toString();
}

bool TabletController::certificateRefused() const
{
    return m_stream->certificateRefused();
}

bool TabletController::online() const
{
    return m_stream->isOnline();
}

int TabletController::retryInSeconds() const
{
    return online() ? m_submitter->retryInSeconds() : m_stream->retryInSeconds();
}

void TabletController::followConnection()
{
    // Back online: an order waiting to be resent goes now, not at its next backoff.
    // One schedule for the guests: while the stream waits to reconnect, an order waiting to be
    // resent has no timer of its own and goes out when the stream tries again (or is back),
    // so the banner and the order dialog count down to the same attempt.
    switch (m_stream->state()) {
    case EventStream::State::Waiting:
        m_submitter->holdRetry();
        break;
    case EventStream::State::Connecting:
    case EventStream::State::Online:
        m_submitter->retryNow();
        break;
    case EventStream::State::Stopped:
        break;
    }
}

void TabletController::noteConfirmed(qint64 orderId)
{
    if (orderId <= 0)
        return;
    m_confirmedOrders.insert(orderId);
    updateKitchenConfirmed();
}

void TabletController::updateKitchenConfirmed()
{
    const bool confirmed = m_lastOrderId > 0 && m_confirmedOrders.contains(m_lastOrderId);
    if (confirmed == m_kitchenConfirmed)
        return;
    m_kitchenConfirmed = confirmed;
    emit kitchenConfirmedChanged();
}

QString TabletController::language() const
{
    return m_translations.language();
}

QString TabletController::storeName() const
{
    return m_menu->storeName();
}

void TabletController::setScreen(Screen screen)
{
    if (screen == m_screen)
        return;
    m_screen = screen;
    emit screenChanged();
}

void TabletController::setSetupState(bool busy, const QString &error)
{
    m_setupBusy = busy;
    m_setupError = error;
    emit setupChanged();
}

} // namespace tableorder::tablet
