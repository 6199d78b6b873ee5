#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QTcpServer;
class QTcpSocket;
class QImage;

namespace tableorder::test {

/// One printed line: its text (decoded) and the character size it was printed at.
struct PrintedLine
{
    QString text;
    int widthScale = 1;  // GS ! bits 4-6, plus one
    int heightScale = 1; // GS ! bits 0-2, plus one
    bool bold = false;
    int align = 0; // ESC a: 0 left, 1 centre, 2 right
};

/// What came out on paper between two cuts.
struct Ticket
{
    QList<PrintedLine> lines;
    /// The lines' texts, trimmed, for assertions.
    [[nodiscard]] QStringList texts() const;
    [[nodiscard]] QString joined() const { return texts().join(u'\n'); }
    [[nodiscard]] bool contains(const QString &text) const { return joined().contains(text); }
};

/// A network receipt printer that speaks enough ESC/POS for kitchen tickets, on 127.0.0.1 and
/// a port the OS picks (kept when it goes offline and comes back). It parses what it receives
/// into tickets (text lines with their size; a cut ends a ticket; a connection that ends
/// before the cut leaves no ticket, as paper would show a torn half), decodes text as
/// CP949 (or UTF-8), answers DLE EOT 1, 2 and 4 like an Epson/Bixolon printer, and can
/// simulate paper out, the cover open, going offline mid-job and a slow printer.
class TestPrinter : public QObject
{
    Q_OBJECT
public:
    explicit TestPrinter(QObject *parent = nullptr);
    ~TestPrinter() override;

    /// Listens (again) on the same port; false when it cannot.
    bool start();
    /// Listens on a given port (0: one the OS picks) the first time.
    bool listenOn(quint16 port)
    {
        m_port = port;
        return start();
    }
    [[nodiscard]] quint16 port() const { return m_port; }
    void setEncoding(const QString &encoding) { m_encoding = encoding; }

    /// Paper out: DLE EOT reports it and print data is thrown away (nothing comes out).
    void setPaperOut(bool out) { m_paperOut = out; }
    void setCoverOpen(bool open) { m_coverOpen = open; }
    /// Offline: closes every connection and stops listening (connections are refused) until
    /// set back online.
    void setOffline(bool offline);
    /// Goes offline after taking `bytes` more bytes of print data (mid-job).
    void goOfflineAfter(qint64 bytes) { m_offlineAfter = bytes; }
    /// A slow printer: reads (and answers) only every `ms` milliseconds.
    void setDelayMs(int ms) { m_delayMs = ms; }

    [[nodiscard]] const QList<Ticket> &tickets() const { return m_tickets; }
    /// Tickets begun and never cut (connection lost mid-ticket).
    [[nodiscard]] int tornTickets() const { return m_torn; }
    [[nodiscard]] int statusQueries() const { return m_statusQueries; }
    [[nodiscard]] int connections() const { return m_connections; }
    /// Milliseconds since the epoch when the first byte of print data of each ticket arrived.
    [[nodiscard]] const QList<qint64> &firstByteTimes() const { return m_firstByteMs; }

    /// Draws a ticket as it would look on paper: monospace, double-size lines bigger,
    /// `columns` characters wide (48: 80 mm paper).
    static QImage render(const Ticket &ticket, int columns = 48);

    /// Decodes CP949 bytes with glibc's iconv (an implementation apart from the edge's).
    static QString decodeCp949(const QByteArray &bytes);

signals:
    void ticketPrinted();

private:
    struct Connection;
    void onNewConnection();
    void process(Connection &c);
    void finishLine(Connection &c);
    void dropAll();

    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QString m_encoding = QStringLiteral("cp949");
    bool m_paperOut = false;
    bool m_coverOpen = false;
    bool m_offline = false;
    qint64 m_offlineAfter = -1;
    int m_delayMs = 0;
    QList<Ticket> m_tickets;
    QList<qint64> m_firstByteMs;
    int m_torn = 0;
    int m_statusQueries = 0;
    int m_connections = 0;
    QList<Connection *> m_open;
};

} // namespace tableorder::test
