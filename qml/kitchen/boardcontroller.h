#pragma once

#include "backoff.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

Q_MOC_INCLUDE("alldaymodel.h")
Q_MOC_INCLUDE("orderlistmodel.h")

namespace tableorder::client {
class ClientSettings;
class EdgeApi;
class EventStream;
class OrderListModel;
} // namespace tableorder::client

namespace tableorder::kitchen {

class AllDayModel;
class NewOrderSound;

/// The kitchen's ticket board (the rush board). Tickets come from the event stream, filtered
/// by this screen's stations; `active` holds every ticket still to cook in arrival order, the
/// board tiles and pages it. A bump advances a ticket on screen at once (new -> preparing ->
/// ready) and is sent after an undo window, because PATCH has no way back; a station screen
/// bumps only its station's lines (POST /orders/{id}/done) and a tapped line is done on its
/// own (POST /orders/{id}/lines/{itemId}/done). The last bumped tickets can be recalled
/// (POST /orders/{id}/recall). Every ticket on screen is acknowledged to the edge (delivery
/// receipt).
class BoardController : public QObject
{
    Q_OBJECT
    /// Tickets to cook (pending and preparing), oldest first: what the board tiles.
    Q_PROPERTY(tableorder::client::OrderListModel *active READ active CONSTANT)
    Q_PROPERTY(tableorder::client::OrderListModel *newTickets READ newTickets CONSTANT)
    Q_PROPERTY(tableorder::client::OrderListModel *preparingTickets READ preparingTickets CONSTANT)
    Q_PROPERTY(tableorder::client::OrderListModel *doneTickets READ doneTickets CONSTANT)
    Q_PROPERTY(tableorder::kitchen::AllDayModel *allDay READ allDay CONSTANT)
    Q_PROPERTY(QStringList stations READ stations NOTIFY stationsChanged)
    Q_PROPERTY(QVariantList alerts READ alerts NOTIFY alertsChanged)
    Q_PROPERTY(qint64 undoOrderId READ undoOrderId NOTIFY undoChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    Q_PROPERTY(int undoWindowMs READ undoWindowMs NOTIFY undoChanged)
    Q_PROPERTY(int newOrderSerial READ newOrderSerial NOTIFY newOrderArrived)
    /// The ticket the bump bar acts on (0: none).
    Q_PROPERTY(qint64 selectedOrderId READ selectedOrderId NOTIFY selectionChanged)
    /// The tickets this screen bumped last, newest first: [{orderId, number, tableNumber, station, atMs}].
    Q_PROPERTY(QVariantList recent READ recent NOTIFY recentChanged)
    Q_PROPERTY(int lateMinutes MEMBER m_lateMinutes CONSTANT)
    Q_PROPERTY(int veryLateMinutes MEMBER m_veryLateMinutes CONSTANT)
public:
    /// `canKitchen`: whether the logged-in role works the board (sound, alerts).
    BoardController(client::EdgeApi &api, client::EventStream &stream, client::ClientSettings &settings,
                    NewOrderSound &sound, std::function<bool()> canKitchen, QObject *parent = nullptr);
    ~BoardController() override;

    /// One bump: new -> preparing -> ready, on screen now, sent after the undo window. On a
    /// station screen: this station's lines are done, sent at once.
    Q_INVOKABLE void advance(qint64 orderId);
    /// Takes back the last tap while its undo window is open.
    Q_INVOKABLE void undo();
    /// Brings a bumped ticket back (its undo window, else POST /orders/{id}/recall; a station
    /// screen recalls only its stations' lines).
    Q_INVOKABLE void recall(qint64 orderId);
    /// Recalls the newest of `recent`.
    Q_INVOKABLE void recallLast();
    /// One line is done (POST /orders/{id}/lines/{itemId}/done).
    Q_INVOKABLE void bumpLine(qint64 orderId, qint64 itemId);
    /// The selected ticket's first line of this screen's stations that is not done yet.
    Q_INVOKABLE void bumpNextLine();
    Q_INVOKABLE void select(qint64 orderId);
    /// A ticket's delegate is on screen: send the delivery receipt (once per order).
    Q_INVOKABLE void acknowledgeShown(qint64 orderId);
    Q_INVOKABLE void dismissAlert(qint64 orderId);
    /// Shows or hides a station's tickets on this screen (saved; empty = every station).
    Q_INVOKABLE void toggleStation(const QString &station);
    Q_INVOKABLE void showAllStations();
    /// Whether a line of this station is shown on this screen.
    Q_INVOKABLE bool stationShown(const QString &station) const;
    /// An option that removes something ("no onions", "양파 빼기"): shown so it stands out.
    Q_INVOKABLE bool isRemovalOption(const QString &name, qint64 priceDelta) const;

    /// The stream's events; `canKitchen` as of now.
    void onEvent(const QString &type, const QJsonObject &data);
    /// Logged out: nothing on the board.
    void clear();
    /// (Re)starts the stream for this screen's stations.
    void connectStream();

    void setUndoWindowMs(int ms) { m_undoMs = ms; }
    void setDoneRetentionMs(int ms) { m_doneRetentionMs = ms; }

    [[nodiscard]] client::OrderListModel *active() const { return m_active.get(); }
    [[nodiscard]] client::OrderListModel *newTickets() const { return m_new.get(); }
    [[nodiscard]] client::OrderListModel *preparingTickets() const { return m_preparing.get(); }
    [[nodiscard]] client::OrderListModel *doneTickets() const { return m_done.get(); }
    [[nodiscard]] AllDayModel *allDay() const { return m_allDay.get(); }
    [[nodiscard]] QStringList stations() const { return m_stations; }
    [[nodiscard]] QVariantList alerts() const { return m_alerts; }
    [[nodiscard]] qint64 undoOrderId() const { return m_pending ? m_pending->orderId : 0; }
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] int undoWindowMs() const { return m_undoMs; }
    [[nodiscard]] int newOrderSerial() const { return m_newOrderSerial; }
    [[nodiscard]] qint64 selectedOrderId() const { return m_selected; }
    [[nodiscard]] QVariantList recent() const { return m_recent; }
    /// The first snapshot of the edge's orders is on the board.
    [[nodiscard]] bool snapshotSeen() const { return m_snapshotSeen; }
    void resetSnapshot() { m_snapshotSeen = false; }
    /// Order ids this screen has acknowledged.
    [[nodiscard]] QSet<qint64> acknowledged() const { return m_acked; }

signals:
    void stationsChanged();
    void alertsChanged();
    void undoChanged();
    void newOrderArrived();
    void selectionChanged();
    void recentChanged();
    /// Something the cook should read (a refusal, a canceled order).
    void notice(const QString &text);
    /// The snapshot's menu version differs from the one shown.
    void menuVersionSeen(qint64 version);

private:
    struct Change
    {
        qint64 orderId = 0;
        QString from;
        QString to;
        QJsonObject original;
    };

    /// Puts an order from the edge in its place (or none), keeping a local change that the
    /// edge has not seen yet.
    void place(const QJsonObject &order);
    void show(const QJsonObject &order, bool marked);
    /// Pending or preparing with a line of this screen's stations still to do.
    [[nodiscard]] bool toCook(const QJsonObject &order) const;
    [[nodiscard]] QJsonObject findTicket(qint64 id) const;
    [[nodiscard]] std::optional<Change> localChange(qint64 id) const;
    void commitPending();
    void sendNext();
    void recount();
    void pruneDone();
    void remember(const QJsonObject &order, const QString &station);
    void forget(qint64 orderId);
    /// POST to an order's kitchen endpoint; the answer (the order) goes on the board.
    void postOrder(qint64 orderId, const QString &path, const QJsonObject &body, const QString &what);
    void refetch(qint64 orderId);

    client::EdgeApi &m_api;
    client::EventStream &m_stream;
    client::ClientSettings &m_settings;
    NewOrderSound &m_sound;
    std::function<bool()> m_canKitchen;
    std::unique_ptr<client::OrderListModel> m_active;
    std::unique_ptr<client::OrderListModel> m_new;
    std::unique_ptr<client::OrderListModel> m_preparing;
    std::unique_ptr<client::OrderListModel> m_done;
    std::unique_ptr<AllDayModel> m_allDay;
    QStringList m_stations;
    QVariantList m_alerts;
    QVariantList m_recent;
    QSet<qint64> m_acked;
    std::optional<Change> m_pending; // tapped, inside its undo window
    QList<Change> m_outbox;          // committed, being sent in order
    bool m_sending = false;
    QTimer m_undoTimer;
    QTimer m_sendRetry;
    client::Backoff m_sendBackoff{client::Backoff::Settings{500, 10'000, 2.0, 0.2}};
    QTimer m_pruneTimer;
    int m_undoMs = 5000;
    int m_doneRetentionMs = 120'000;
    int m_lateMinutes = 10;
    int m_veryLateMinutes = 15;
    int m_newOrderSerial = 0;
    bool m_snapshotSeen = false;
    qint64 m_selected = 0;
};

} // namespace tableorder::kitchen
