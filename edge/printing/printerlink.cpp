#include "printerlink.h"

#include "escposticket.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace tableorder::edge::printing {

QString printerStateName(PrinterState state)
{
    switch (state) {
    case PrinterState::Ok: return u"ok"_s;
    case PrinterState::Offline: return u"offline"_s;
    case PrinterState::PaperOut: return u"paper_out"_s;
    case PrinterState::CoverOpen: return u"cover_open"_s;
    case PrinterState::Unknown: break;
    }
    return u"unknown"_s;
}

PrinterState parseStatus(char printer, char offlineCause, char paper)
{
    // Every DLE EOT answer has bit 1 and bit 4 set and bits 0 and 7 clear (Epson's ESC/POS
    // reference, shared by Bixolon and Sewoo); anything else is not an ESC/POS printer.
    const auto wellFormed = [](char b) { return (uchar(b) & 0x93) == 0x12; };
    if (!wellFormed(printer) || !wellFormed(offlineCause) || !wellFormed(paper))
        return PrinterState::Unknown;
    if ((uchar(paper) & 0x60) || (uchar(offlineCause) & 0x20))
        return PrinterState::PaperOut;
    if (uchar(offlineCause) & 0x04)
        return PrinterState::CoverOpen;
    if ((uchar(printer) & 0x08) || (uchar(offlineCause) & 0x40))
        return PrinterState::Offline;
    return PrinterState::Ok;
}

PrinterLink::PrinterLink(int connectTimeoutMs, int answerTimeoutMs, QObject *parent)
    : QObject(parent), m_connectTimeoutMs(connectTimeoutMs), m_answerTimeoutMs(answerTimeoutMs)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        onGone(m_step == Step::Connecting ? u"connect timed out"_s : u"no answer from the printer"_s);
    });
    m_linger.setSingleShot(true);
    m_linger.setInterval(300);
    connect(&m_linger, &QTimer::timeout, this, [this] {
        if (m_step == Step::Idle)
            m_socket.abort();
    });
    connect(&m_socket, &QTcpSocket::connected, this, &PrinterLink::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &PrinterLink::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { onGone(m_socket.errorString()); });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { onGone(u"the printer closed the connection"_s); });
    connect(&m_socket, &QTcpSocket::bytesWritten, this, [this] {
        // Slow printers read slowly: the answer deadline runs from the last byte they took.
        if (m_step == Step::StatusAfter)
            m_deadline.start(m_answerTimeoutMs);
    });
}

void PrinterLink::run(const QString &host, quint16 port, const QByteArray &job)
{
    Q_ASSERT(m_step == Step::Idle);
    m_job = job;
    m_answer.clear();
    m_outcome = {};
    m_linger.stop();
    // The printer answered ok after the last job a moment ago on this very connection: the
    // next job goes straight after it (a rush's tickets do not pay a connect and a status
    // round trip each).
    if (!job.isEmpty() && m_socket.state() == QAbstractSocket::ConnectedState && m_host == host && m_port == port) {
        m_step = Step::StatusAfter;
        m_outcome.state = PrinterState::Ok;
        m_outcome.firstByteAtMs = QDateTime::currentMSecsSinceEpoch();
        m_socket.write(m_job + escpos::statusQuery());
        m_deadline.start(m_answerTimeoutMs);
        return;
    }
    m_socket.abort();
    m_host = host;
    m_port = port;
    m_step = Step::Connecting;
    m_deadline.start(m_connectTimeoutMs);
    m_socket.connectToHost(host, port);
}

void PrinterLink::onConnected()
{
    if (m_step != Step::Connecting)
        return;
    m_step = Step::StatusBefore;
    m_socket.write(escpos::statusQuery());
    m_deadline.start(m_answerTimeoutMs);
}

void PrinterLink::onReadyRead()
{
    m_answer.append(m_socket.readAll());
    if (m_step != Step::StatusBefore && m_step != Step::StatusAfter)
        return;
    if (m_answer.size() < 3)
        return;
    const PrinterState state = parseStatus(m_answer.at(0), m_answer.at(1), m_answer.at(2));
    m_answer.remove(0, 3);
    Outcome outcome = m_outcome;
    outcome.state = state;
    if (m_step == Step::StatusBefore && state == PrinterState::Ok && !m_job.isEmpty()) {
        m_outcome = outcome;
        m_step = Step::StatusAfter;
        m_outcome.firstByteAtMs = QDateTime::currentMSecsSinceEpoch();
        m_socket.write(m_job + escpos::statusQuery());
        m_deadline.start(m_answerTimeoutMs);
        return;
    }
    if (m_step == Step::StatusAfter) {
        // The printer read the whole job (the answer comes after its last byte); a fault it
        // reports now (paper ran out mid-ticket) means the ticket may be cut short: resend.
        outcome.printed = state == PrinterState::Ok;
        if (!outcome.printed)
            outcome.error = u"printer reported %1 after the job"_s.arg(printerStateName(state));
    } else if (state != PrinterState::Ok) {
        outcome.error = u"printer reports %1"_s.arg(printerStateName(state));
    }
    finish(outcome);
}

void PrinterLink::onGone(const QString &why)
{
    if (m_step == Step::Idle || m_step == Step::Reporting)
        return;
    Outcome outcome = m_outcome;
    outcome.printed = false;
    outcome.state = PrinterState::Offline;
    outcome.error = why;
    finish(outcome);
}

void PrinterLink::finish(Outcome outcome)
{
    m_step = Step::Reporting;
    m_deadline.stop();
    m_job.clear();
    // After a printed job the connection stays open a little for the next one; otherwise
    // (and after that) it closes: many printers take one connection at a time.
    if (outcome.printed)
        m_linger.start();
    else
        m_socket.abort();
    // Queued: the receiver may start the next conversation, which must not begin inside
    // this socket's signal handler. Busy until then: a job queued meanwhile must not start
    // a conversation that sends the job just printed again (it is not marked yet).
    QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                m_step = Step::Idle;
                emit finished(outcome);
            },
            Qt::QueuedConnection);
}

} // namespace tableorder::edge::printing
