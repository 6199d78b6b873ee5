#pragma once

#include "appoptions.h"
#include "backoff.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

Q_MOC_INCLUDE("billcontroller.h")
Q_MOC_INCLUDE("callcontroller.h")
Q_MOC_INCLUDE("cartmodel.h")
Q_MOC_INCLUDE("categorymodel.h")
Q_MOC_INCLUDE("linedraft.h")
Q_MOC_INCLUDE("menumodel.h")
Q_MOC_INCLUDE("orderlistmodel.h")
Q_MOC_INCLUDE("ordersubmitter.h")
Q_MOC_INCLUDE("qrscanner.h")

namespace tableorder::client {
class CartModel;
class CategoryModel;
class ClientSettings;
class EdgeApi;
class EventStream;
class LineDraft;
class MenuModel;
class OrderListModel;
class OrderSubmitter;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::ui {
class Translations;
}

namespace tableorder::tablet {

class BillController;
class CallController;
class PhoneCodeController;
class QrScanner;

/// Everything the table's tablet does, for its QML: first-run setup by staff (edge address,
/// table number, password -> a stored table token), the menu with live sold-out changes, the
/// cart, placing the order exactly once (OrderSubmitter), and this visit's orders with their
/// live status from the event stream.
class TabletController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(int tableNumber READ tableNumber NOTIFY configChanged)
    Q_PROPERTY(QString edgeUrl READ edgeUrl NOTIFY configChanged)
    Q_PROPERTY(bool edgeProvisioned READ edgeProvisioned CONSTANT)
    Q_PROPERTY(bool setupBusy READ setupBusy NOTIFY setupChanged)
    Q_PROPERTY(QString setupError READ setupError NOTIFY setupChanged)
    Q_PROPERTY(bool menuReady READ menuReady NOTIFY menuReadyChanged)
    Q_PROPERTY(bool online READ online NOTIFY connectionChanged)
    /// The edge's TLS certificate is not the one this screen was paired with.
    Q_PROPERTY(bool certificateRefused READ certificateRefused NOTIFY connectionChanged)
    /// The one countdown the guests see (offline banner and order dialog alike): to the next
    /// reconnect while offline, else to the order's next attempt; 0 while trying.
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY connectionChanged)
    /// The kitchen has confirmed the order last placed here (a screen acknowledged it, or it
    /// moved on from pending): the order dialog says "kitchen confirmed" instead of "received".
    Q_PROPERTY(bool kitchenConfirmed READ kitchenConfirmed NOTIFY kitchenConfirmedChanged)
    Q_PROPERTY(bool everOnline READ everOnline NOTIFY connectionChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QString storeName READ storeName NOTIFY menuReadyChanged)
    Q_PROPERTY(tableorder::client::MenuModel *menu READ menu CONSTANT)
    Q_PROPERTY(tableorder::client::CategoryModel *categories READ categories CONSTANT)
    Q_PROPERTY(tableorder::client::CartModel *cart READ cart CONSTANT)
    /// The line being put together on an item's sheet (options, note, quantity).
    Q_PROPERTY(tableorder::client::LineDraft *draft READ draft CONSTANT)
    /// Why the last order was refused, in words for the guests (empty unless refused).
    Q_PROPERTY(QString rejectionText READ rejectionText NOTIFY rejectionTextChanged)
    Q_PROPERTY(tableorder::client::OrderListModel *orders READ orders CONSTANT)
    Q_PROPERTY(tableorder::client::OrderSubmitter *submitter READ submitter CONSTANT)
    /// 직원 호출: the call-staff button and the state of the table's calls.
    Q_PROPERTY(tableorder::tablet::CallController *staffCalls READ staffCalls CONSTANT)
    /// The QR that lets guests order from their phones (the visit's code, issue 16).
    Q_PROPERTY(tableorder::tablet::PhoneCodeController *phoneCode READ phoneCode CONSTANT)
    /// The bill screen (lines with their origins, figures, the even split).
    Q_PROPERTY(tableorder::tablet::BillController *billing READ billing CONSTANT)
    /// The setup screen's camera scan of the manager's pairing QR.
    Q_PROPERTY(tableorder::tablet::QrScanner *scanner READ scanner CONSTANT)
public:
    enum class Screen { Setup, Menu };
    Q_ENUM(Screen)

    TabletController(const ui::AppOptions &options, ui::Translations &translations,
                     QObject *parent = nullptr);
    ~TabletController() override;

    /// With a stored token: load the menu and connect; otherwise the setup screen.
    void start();

    /// Staff: log this tablet in as a table (the token is stored and reused).
    /// `fingerprint`: the SHA-256 of an https edge's certificate, pinned from now on.
    Q_INVOKABLE void setup(const QString &edgeUrl, int tableNumber, const QString &password,
                           const QString &fingerprint = {});
    /// Staff: pair this tablet with the manager's pairing link (scanned from the QR, or
    /// pasted): its edge, certificate fingerprint, table and single-use code.
    Q_INVOKABLE void pair(const QString &link);
    /// Staff: forget the table login and show the setup screen.
    Q_INVOKABLE void resetSetup();
    /// Sends the cart as an order; false when the cart cannot be ordered or one is in flight.
    Q_INVOKABLE bool placeOrder();
    Q_INVOKABLE void setLanguage(const QString &language);
    /// Opens an item's sheet (options, allergens, note) with a fresh line.
    Q_INVOKABLE void openItem(qint64 itemId);
    Q_INVOKABLE void selectCategory(qint64 categoryId);
    /// Names of menu items, for "sold out: ..." messages.
    Q_INVOKABLE QString itemNames(const QVariantList &ids) const;
    /// "19:42": a moment (ms since the epoch) in the store's time zone, 24 h, as the bill
    /// shows its times (the tablet's own zone when the menu has none).
    Q_INVOKABLE QString storeTime(qint64 msecsSinceEpoch) const;
    /// Names of options (of any item), for "ran out: ..." messages.
    Q_INVOKABLE QString optionNames(const QVariantList &ids) const;

    [[nodiscard]] Screen screen() const { return m_screen; }
    [[nodiscard]] int tableNumber() const;
    [[nodiscard]] QString edgeUrl() const;
    [[nodiscard]] bool edgeProvisioned() const { return !m_options.edgeUrl.isEmpty(); }
    [[nodiscard]] bool setupBusy() const { return m_setupBusy; }
    [[nodiscard]] QString setupError() const { return m_setupError; }
    [[nodiscard]] bool menuReady() const { return m_menuReady; }
    [[nodiscard]] bool online() const;
    [[nodiscard]] bool certificateRefused() const;
    [[nodiscard]] bool everOnline() const { return m_everOnline; }
    [[nodiscard]] int retryInSeconds() const;
    [[nodiscard]] bool kitchenConfirmed() const { return m_kitchenConfirmed; }
    [[nodiscard]] QString language() const;
    [[nodiscard]] QString storeName() const;

    [[nodiscard]] client::MenuModel *menu() const { return m_menu.get(); }
    [[nodiscard]] client::CategoryModel *categories() const { return m_categories.get(); }
    [[nodiscard]] client::CartModel *cart() const { return m_cart.get(); }
    [[nodiscard]] client::LineDraft *draft() const { return m_draft.get(); }
    [[nodiscard]] QString rejectionText() const;
    [[nodiscard]] client::OrderListModel *orders() const { return m_orders.get(); }
    [[nodiscard]] client::OrderSubmitter *submitter() const { return m_submitter.get(); }
    [[nodiscard]] QrScanner *scanner() const { return m_scanner.get(); }
    [[nodiscard]] CallController *staffCalls() const { return m_calls.get(); }
    [[nodiscard]] PhoneCodeController *phoneCode() const { return m_phoneCode.get(); }
    [[nodiscard]] BillController *billing() const { return m_billing.get(); }
    [[nodiscard]] client::EventStream *stream() const { return m_stream.get(); }
    [[nodiscard]] client::ClientSettings &settings() const { return *m_settings; }

signals:
    void screenChanged();
    void configChanged();
    void setupChanged();
    void menuReadyChanged();
    void connectionChanged();
    void languageChanged();
    void rejectionTextChanged();
    void itemSheetRequested();
    void orderAccepted(int number);
    void orderRejected(const QString &code, const QString &message);
    void sessionClosed();
    /// The visit moved or merged to another table: this table is free again.
    void visitLeft();
    void kitchenConfirmedChanged();

private:
    void connectToEdge();
    void loadMenu();
    void onEvent(const QString &type, const QJsonObject &data, qint64 seq);
    void setScreen(Screen screen);
    void setSetupState(bool busy, const QString &error);
    /// Pins an https edge's fingerprint (refusing one without), then points the API at `url`
    /// with no token; false (and the setup error shown) when the fingerprint is missing.
    bool startConnecting(const QUrl &url, const QString &pin);
    void onUnauthorized();
    /// After a table login or pairing answered: store the token and start, or say why not.
    void finishSetup(const client::ApiReply &reply, const QUrl &url, const QString &pin, int tableNumber);
    void followConnection();
    void noteConfirmed(qint64 orderId);
    void updateKitchenConfirmed();

    ui::AppOptions m_options;
    ui::Translations &m_translations;
    std::unique_ptr<client::ClientSettings> m_settings;
    std::unique_ptr<client::EdgeApi> m_api;
    std::unique_ptr<client::EventStream> m_stream;
    std::unique_ptr<client::MenuModel> m_menu;
    std::unique_ptr<client::CategoryModel> m_categories;
    std::unique_ptr<client::CartModel> m_cart;
    std::unique_ptr<client::LineDraft> m_draft;
    std::unique_ptr<client::OrderListModel> m_orders;
    std::unique_ptr<client::OrderSubmitter> m_submitter;
    std::unique_ptr<QrScanner> m_scanner;
    std::unique_ptr<CallController> m_calls;
    std::unique_ptr<PhoneCodeController> m_phoneCode;
    std::unique_ptr<BillController> m_billing;
    Screen m_screen = Screen::Setup;
    bool m_setupBusy = false;
    QString m_setupError;
    bool m_menuReady = false;
    bool m_everOnline = false;
    QByteArray m_menuEtag;
    client::Backoff m_menuBackoff{client::Backoff::Settings{1000, 15'000, 2.0, 0.2}};
    QTimer m_menuRetry;
    QSet<qint64> m_confirmedOrders; // this party's orders a kitchen screen acknowledged
    qint64 m_lastOrderId = 0;
    bool m_kitchenConfirmed = false;
};

} // namespace tableorder::tablet
