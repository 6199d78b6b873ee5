#pragma once

#include "appoptions.h"
#include "backoff.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVariantList>

#include <memory>
#include <optional>

Q_MOC_INCLUDE("boardcontroller.h")
Q_MOC_INCLUDE("expocontroller.h")
Q_MOC_INCLUDE("billcontroller.h")
Q_MOC_INCLUDE("callboard.h")
Q_MOC_INCLUDE("dayclose.h")
Q_MOC_INCLUDE("printercontroller.h")
Q_MOC_INCLUDE("kitchentimes.h")
Q_MOC_INCLUDE("categorymodel.h")
Q_MOC_INCLUDE("menueditor.h")
Q_MOC_INCLUDE("stafforder.h")
Q_MOC_INCLUDE("menumodel.h")
Q_MOC_INCLUDE("orderlistmodel.h")
Q_MOC_INCLUDE("tablelistmodel.h")
Q_MOC_INCLUDE("tablepairing.h")
Q_MOC_INCLUDE("tablecards.h")

namespace tableorder::client {
class CategoryModel;
class ClientSettings;
class EdgeApi;
class EventStream;
class MenuModel;
class OrderListModel;
class TableListModel;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::ui {
class Translations;
}

namespace tableorder::kitchen {

class BillController;
class BoardController;
class ExpoController;
class CallBoard;
class DayClose;
class PrinterController;
class KitchenTimes;
class MenuEditor;
class NewOrderSound;
class StaffOrder;
class TablePairing;
class TableCards;

/// The staff app's session: login, connection, language, the menu, and one controller per
/// screen (the kitchen board, the expo, tables, bills, calls, the menu editor, the day's
/// close). Events from the one stream are handed to the screens that use them.
class KitchenController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(QString role READ role NOTIFY screenChanged)
    Q_PROPERTY(bool isManager READ isManager NOTIFY screenChanged)
    /// Kitchen work (the ticket board, sold-out switches): kitchen and manager.
    Q_PROPERTY(bool canKitchen READ canKitchen NOTIFY screenChanged)
    /// Floor work (calls, tables, bills, payments, moves): staff and manager.
    Q_PROPERTY(bool canFloor READ canFloor NOTIFY screenChanged)
    Q_PROPERTY(QString username READ username NOTIFY screenChanged)
    Q_PROPERTY(QString edgeUrl READ edgeUrl NOTIFY screenChanged)
    Q_PROPERTY(bool edgeProvisioned READ edgeProvisioned CONSTANT)
    Q_PROPERTY(bool loginBusy READ loginBusy NOTIFY loginChanged)
    Q_PROPERTY(QString loginError READ loginError NOTIFY loginChanged)
    Q_PROPERTY(bool online READ online NOTIFY connectionChanged)
    /// The edge's TLS certificate is not the one this screen was paired with.
    Q_PROPERTY(bool certificateRefused READ certificateRefused NOTIFY connectionChanged)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY connectionChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QString storeName READ storeName NOTIFY menuChanged)
    /// Kitchen: the ticket board (tickets, bump, recall, stations, the bump bar).
    Q_PROPERTY(tableorder::kitchen::BoardController *board READ board CONSTANT)
    /// Kitchen and floor: every open order's progress per station, and `served`.
    Q_PROPERTY(tableorder::kitchen::ExpoController *expo READ expo CONSTANT)
    Q_PROPERTY(tableorder::client::TableListModel *tables READ tables CONSTANT)
    Q_PROPERTY(tableorder::client::OrderListModel *tableOrders READ tableOrders CONSTANT)
    Q_PROPERTY(tableorder::client::OrderListModel *tableHistory READ tableHistory CONSTANT)
    Q_PROPERTY(qint64 selectedTableId READ selectedTableId NOTIFY selectedTableChanged)
    Q_PROPERTY(QVariantMap selectedTable READ selectedTable NOTIFY selectedTableChanged)
    /// Manager: the "pair a tablet" QR of a table.
    Q_PROPERTY(tableorder::kitchen::TablePairing *pairing READ pairing CONSTANT)
    /// The manager's table cards PDF (issue 16).
    Q_PROPERTY(tableorder::kitchen::TableCards *tableCards READ tableCards CONSTANT)
    Q_PROPERTY(tableorder::client::MenuModel *menu READ menu CONSTANT)
    /// Floor: the guests' calls.
    Q_PROPERTY(tableorder::kitchen::CallBoard *calls READ calls CONSTANT)
    /// Floor: the selected table's bill.
    Q_PROPERTY(tableorder::kitchen::BillController *bill READ bill CONSTANT)
    /// Floor: an order for a table placed by staff ("주문 추가").
    Q_PROPERTY(tableorder::kitchen::StaffOrder *staffOrder READ staffOrder CONSTANT)
    /// Manager: closing the business day.
    Q_PROPERTY(tableorder::kitchen::DayClose *day READ day CONSTANT)
    Q_PROPERTY(tableorder::kitchen::PrinterController *printers READ printers CONSTANT)
    Q_PROPERTY(tableorder::kitchen::KitchenTimes *kitchenTimes READ kitchenTimes CONSTANT)
    /// Manager: the menu editor (categories, items, option groups).
    Q_PROPERTY(tableorder::kitchen::MenuEditor *editor READ editor CONSTANT)
    Q_PROPERTY(tableorder::client::CategoryModel *categories READ categories CONSTANT)
    Q_PROPERTY(QStringList knownStations READ knownStations NOTIFY menuChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool soundAvailable READ soundAvailable CONSTANT)
public:
    enum class Screen { Login, Board };
    Q_ENUM(Screen)

    KitchenController(const ui::AppOptions &options, ui::Translations &translations,
                      QObject *parent = nullptr);
    ~KitchenController() override;

    /// With a stored staff token: the board at once; otherwise the login.
    void start();

    /// `fingerprint`: the SHA-256 of an https edge's certificate, pinned from now on.
    Q_INVOKABLE void login(const QString &edgeUrl, const QString &username, const QString &password,
                           const QString &fingerprint = {});
    Q_INVOKABLE void logout();
    Q_INVOKABLE void setLanguage(const QString &language);


    // Manager and kitchen
    Q_INVOKABLE void setAvailable(qint64 itemId, bool available);
    // Floor staff and manager
    Q_INVOKABLE void refreshTables();
    Q_INVOKABLE void selectTable(qint64 tableId);
    /// Numbers of the selected table's orders still pending or preparing.
    Q_INVOKABLE QVariantList cookingOrderNumbers() const;
    // Manager only
    Q_INVOKABLE void setCategoryStation(qint64 categoryId, const QString &station);
    Q_INVOKABLE void clearMessage();


    [[nodiscard]] Screen screen() const { return m_screen; }
    [[nodiscard]] QString role() const;
    [[nodiscard]] bool isManager() const { return role() == QStringLiteral("manager"); }
    [[nodiscard]] bool canKitchen() const { return isManager() || role() == QStringLiteral("kitchen"); }
    [[nodiscard]] bool canFloor() const { return isManager() || role() == QStringLiteral("staff"); }
    [[nodiscard]] QString username() const;
    [[nodiscard]] QString edgeUrl() const;
    [[nodiscard]] bool edgeProvisioned() const { return !m_options.edgeUrl.isEmpty(); }
    [[nodiscard]] bool loginBusy() const { return m_loginBusy; }
    [[nodiscard]] QString loginError() const { return m_loginError; }
    [[nodiscard]] bool online() const;
    [[nodiscard]] bool certificateRefused() const;
    [[nodiscard]] int retryInSeconds() const;
    [[nodiscard]] QString language() const;
    [[nodiscard]] QString storeName() const;
    [[nodiscard]] BoardController *board() const { return m_board.get(); }
    [[nodiscard]] ExpoController *expo() const { return m_expo.get(); }
    [[nodiscard]] client::TableListModel *tables() const { return m_tables.get(); }
    [[nodiscard]] client::OrderListModel *tableOrders() const { return m_tableOrders.get(); }
    [[nodiscard]] client::OrderListModel *tableHistory() const { return m_tableHistory.get(); }
    [[nodiscard]] qint64 selectedTableId() const { return m_selectedTable; }
    [[nodiscard]] QVariantMap selectedTable() const;
    [[nodiscard]] TablePairing *pairing() const { return m_pairing.get(); }
    [[nodiscard]] TableCards *tableCards() const { return m_tableCards.get(); }
    [[nodiscard]] client::MenuModel *menu() const { return m_menu.get(); }
    [[nodiscard]] CallBoard *calls() const { return m_calls.get(); }
    [[nodiscard]] BillController *bill() const { return m_bill.get(); }
    [[nodiscard]] StaffOrder *staffOrder() const { return m_staffOrder.get(); }
    [[nodiscard]] DayClose *day() const { return m_day.get(); }
    [[nodiscard]] PrinterController *printers() const { return m_printers.get(); }
    [[nodiscard]] KitchenTimes *kitchenTimes() const { return m_kitchenTimes.get(); }
    [[nodiscard]] MenuEditor *editor() const { return m_editor.get(); }
    [[nodiscard]] client::CategoryModel *categories() const { return m_categories.get(); }
    [[nodiscard]] QStringList knownStations() const;
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool soundAvailable() const;
    [[nodiscard]] client::EventStream *stream() const { return m_stream.get(); }
    /// Logged in and the first snapshot of the edge's orders is on the board.
    [[nodiscard]] bool boardReady() const;
    [[nodiscard]] client::ClientSettings &settings() const { return *m_settings; }

signals:
    void screenChanged();
    void loginChanged();
    void connectionChanged();
    void languageChanged();
    void menuChanged();
    void messageChanged();
    void selectedTableChanged();

private:
    void connectToEdge();
    void loadMenu();
    void onEvent(const QString &type, const QJsonObject &data);
    void setScreen(Screen screen);
    void setLoginState(bool busy, const QString &error);
    void setMessage(const QString &message);
    void scheduleTablesRefresh();
    void onUnauthorized();

    ui::AppOptions m_options;
    ui::Translations &m_translations;
    std::unique_ptr<client::ClientSettings> m_settings;
    std::unique_ptr<client::EdgeApi> m_api;
    std::unique_ptr<client::EventStream> m_stream;
    std::unique_ptr<client::TableListModel> m_tables;
    std::unique_ptr<client::OrderListModel> m_tableOrders;
    std::unique_ptr<client::OrderListModel> m_tableHistory;
    std::unique_ptr<client::MenuModel> m_menu;
    std::unique_ptr<client::CategoryModel> m_categories;
    std::unique_ptr<NewOrderSound> m_sound;
    std::unique_ptr<BoardController> m_board;
    std::unique_ptr<ExpoController> m_expo;
    std::unique_ptr<TablePairing> m_pairing;
    std::unique_ptr<TableCards> m_tableCards;
    std::unique_ptr<MenuEditor> m_editor;
    std::unique_ptr<CallBoard> m_calls;
    std::unique_ptr<BillController> m_bill;
    std::unique_ptr<DayClose> m_day;
    std::unique_ptr<PrinterController> m_printers;
    std::unique_ptr<KitchenTimes> m_kitchenTimes;
    std::unique_ptr<StaffOrder> m_staffOrder;
    Screen m_screen = Screen::Login;
    bool m_loginBusy = false;
    QString m_loginError;
    QTimer m_tablesRefresh;
    QTimer m_menuRetry;
    client::Backoff m_menuBackoff{client::Backoff::Settings{1000, 15'000, 2.0, 0.2}};
    QString m_message;
    qint64 m_selectedTable = 0;
};

} // namespace tableorder::kitchen
