#pragma once

#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QPainter;
class QRectF;

namespace tableorder::client {
class EdgeApi;
}

namespace tableorder::kitchen {

/// Guests' phones at the tables (issue 16): the manager's table cards, a table's new code, and
/// staff opening a visit to phones. The table cards: a PDF with one card per table (four to an A4 page):
/// the table's number, its order QR (GET /api/v1/guest-tables: the order address on central
/// when the store is linked, else on the LAN), a Wi-Fi QR (`WIFI:T:WPA;S:…;P:…;;`) and short
/// instructions in Korean, English, Chinese and Japanese. Drawn here, in the app (QPdfWriter
/// needs a GUI application's fonts, which the edge daemon has not), from the edge's data.
class TableCards : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    /// Where the last PDF was written; empty until then.
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    /// The id of the table whose visit was opened to phones last (0: none).
    Q_PROPERTY(qint64 openedTableId READ openedTableId NOTIFY changed)
    /// The number of the table whose code was renewed last (0: none).
    Q_PROPERTY(int renewedTable READ renewedTable NOTIFY changed)
public:
    explicit TableCards(client::EdgeApi &api, QObject *parent = nullptr);

    /// Reads the tables' codes from the edge and writes the PDF to `path` (empty: the
    /// Documents folder, tableorder-table-cards.pdf).
    Q_INVOKABLE void save(const QString &path = {});
    /// Gives the table a new printed code (POST /api/v1/tables/{id}/guest-code): its old cards
    /// stop working; `renewedTable` says which table's card to print again.
    Q_INVOKABLE void renewCode(qint64 tableId);
    /// Staff seat guests who will order from their phones (POST /api/v1/tables/{id}/guest-visit):
    /// the table's visit (opened now if free) admits the table code alone until it ends.
    Q_INVOKABLE void openToPhones(qint64 tableId);

    /// The PDF of `guestTables` (GET /api/v1/guest-tables) at `path`; false with `error`.
    static bool writePdf(const QString &path, const QJsonObject &guestTables, QString *error);
    /// Card `index` of `guestTables` as an image at `dpi` (what the PDF prints), to read back.
    static QImage cardImage(const QJsonObject &guestTables, int index, int dpi = 200);
    /// `WIFI:T:WPA;S:<ssid>;P:<password>;;` with \ ; , : " escaped; `T:nopass` without a password.
    static QString wifiPayload(const QString &ssid, const QString &password);

    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString savedPath() const { return m_savedPath; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int renewedTable() const { return m_renewedTable; }
    [[nodiscard]] qint64 openedTableId() const { return m_openedTableId; }

signals:
    void changed();

private:
    client::EdgeApi &m_api;
    bool m_busy = false;
    QString m_savedPath;
    QString m_error;
    int m_renewedTable = 0;
    qint64 m_openedTableId = 0;
};

} // namespace tableorder::kitchen
