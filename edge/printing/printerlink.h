#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

namespace tableorder::edge::printing {

/// What DLE EOT said (or that nothing answered).
enum class PrinterState { Unknown, Ok, Offline, PaperOut, CoverOpen };
QString printerStateName(PrinterState state);

/// The three DLE EOT answers (n = 1, 2, 4) read as one state: paper out first (the usual
/// fault in a kitchen), then cover open, then any other offline cause.
PrinterState parseStatus(char printer, char offlineCause, char paper);

/// One conversation with a network printer (ESC/POS over TCP, usually port 9100), on the
/// event loop: connect, ask its status (DLE EOT 1, 2, 4), and when it is fine and there is a
/// job, send the job and ask again; the job counts as printed only when the printer answered
/// after the last byte of it (it has read the cut). A printer that drops the connection or
/// stops answering ends the conversation with the job not printed: the caller sends it again
/// whole, so a ticket is never left half-printed without a cut.
class PrinterLink : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        PrinterState state = PrinterState::Unknown;
        bool printed = false;
        QString error;               // why not, for the job's last_error and logs
        qint64 firstByteAtMs = -1;   // QDateTime ms since epoch when the job's first byte went out
    };

    PrinterLink(int connectTimeoutMs, int answerTimeoutMs, QObject *parent = nullptr);

    /// Starts a conversation; `job` empty: only the status. One at a time.
    void run(const QString &host, quint16 port, const QByteArray &job);
    [[nodiscard]] bool busy() const { return m_step != Step::Idle; }

signals:
    void finished(const tableorder::edge::printing::PrinterLink::Outcome &outcome);

private:
    // Reporting: over, its outcome queued for the receiver; still busy until delivered.
    enum class Step { Idle, Connecting, StatusBefore, StatusAfter, Reporting };
    void onConnected();
    void onReadyRead();
    void onGone(const QString &why);
    void finish(Outcome outcome);

    int m_connectTimeoutMs;
    int m_answerTimeoutMs;
    QTcpSocket m_socket;
    QTimer m_deadline;
    QTimer m_linger; // closes the connection kept after a printed job
    QString m_host;
    quint16 m_port = 0;
    Step m_step = Step::Idle;
    QByteArray m_job;
    QByteArray m_answer;
    Outcome m_outcome;
};

} // namespace tableorder::edge::printing
