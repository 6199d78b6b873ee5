#include "testprinter.h"

#include <QDateTime>
#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <iconv.h>

using namespace Qt::StringLiterals;

namespace tableorder::test {

QStringList Ticket::texts() const
{
    QStringList out;
    for (const PrintedLine &line : lines)
        out.append(line.text.trimmed());
    return out;
}

struct TestPrinter::Connection
{
    QPointer<QTcpSocket> socket;
    QByteArray buffer;
    QByteArray lineBytes;
    PrintedLine line;     // the line being printed: its size as set when its text began
    int size = 0;         // GS ! as last set
    bool bold = false;
    int align = 0;
    bool lineStarted = false;
    Ticket ticket;
    bool ticketStarted = false; // print data since the last cut
    QTimer slow;
};

TestPrinter::TestPrinter(QObject *parent) : QObject(parent) {}

TestPrinter::~TestPrinter()
{
    dropAll();
}

bool TestPrinter::start()
{
    if (m_server && m_server->isListening())
        return true;
    delete m_server;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &TestPrinter::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    m_offline = false;
    return true;
}

void TestPrinter::setOffline(bool offline)
{
    if (offline) {
        m_offline = true;
        if (m_server)
            m_server->close();
        dropAll();
    } else {
        start();
    }
}

void TestPrinter::dropAll()
{
    const QList<Connection *> open = m_open;
    for (Connection *c : open) {
        if (c->socket)
            c->socket->abort(); // disconnected() counts the torn ticket and deletes it
    }
}

void TestPrinter::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_offline) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        auto *c = new Connection;
        c->socket = socket;
        m_open.append(c);
        c->slow.setInterval(m_delayMs);
        connect(&c->slow, &QTimer::timeout, this, [this, c] { process(*c); });
        connect(socket, &QTcpSocket::readyRead, this, [this, c] {
            if (m_delayMs > 0) {
                if (!c->slow.isActive())
                    c->slow.start(m_delayMs);
                return;
            }
            process(*c);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, c, socket] {
            if (c->ticketStarted) {
                ++m_torn;
                if (m_firstByteMs.size() > m_tickets.size())
                    m_firstByteMs.removeLast();
            }
            m_open.removeOne(c);
            socket->deleteLater();
            delete c;
        });
    }
}

QString TestPrinter::decodeCp949(const QByteArray &bytes)
{
    iconv_t cd = iconv_open("UTF-8", "CP949");
    if (cd == iconv_t(-1))
        return {};
    QByteArray in = bytes;
    QByteArray out(bytes.size() * 4 + 4, Qt::Uninitialized);
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    const size_t r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (r == size_t(-1))
        return u"<undecodable>"_s;
    out.truncate(out.size() - qsizetype(outLeft));
    return QString::fromUtf8(out);
}

void TestPrinter::finishLine(Connection &c)
{
    PrintedLine line = c.line;
    line.text = m_encoding == u"utf-8"_s ? QString::fromUtf8(c.lineBytes) : decodeCp949(c.lineBytes);
    if (!c.lineStarted) {
        line.widthScale = ((c.size >> 4) & 7) + 1;
        line.heightScale = (c.size & 7) + 1;
        line.bold = c.bold;
        line.align = c.align;
    }
    c.ticket.lines.append(line);
    c.lineBytes.clear();
    c.lineStarted = false;
}

void TestPrinter::process(Connection &c)
{
    if (!c.socket)
        return;
    if (m_delayMs > 0) {
        // A slow printer takes a little at a time; the rest waits in the socket.
        c.buffer.append(c.socket->read(64));
        if (c.socket->bytesAvailable() == 0)
            c.slow.stop();
    } else {
        c.buffer.append(c.socket->readAll());
    }
    qsizetype i = 0;
    const QByteArray &b = c.buffer;
    auto printData = [&](qsizetype bytes) {
        // Print data (not a status query) counts towards going offline mid-job.
        c.ticketStarted = true;
        if (c.ticket.lines.isEmpty() && c.lineBytes.isEmpty() && m_firstByteMs.size() <= m_tickets.size())
            m_firstByteMs.append(QDateTime::currentMSecsSinceEpoch());
        if (m_offlineAfter >= 0) {
            m_offlineAfter -= bytes;
            if (m_offlineAfter <= 0) {
                m_offlineAfter = -1;
                return false;
            }
        }
        return true;
    };
    bool goOffline = false;
    while (i < b.size() && !goOffline) {
        const uchar ch = uchar(b.at(i));
        qsizetype need = 1;
        if (ch == 0x10 || ch == 0x1b || ch == 0x1d) {
            need = 3;
            if (ch == 0x1b && i + 1 < b.size() && b.at(i + 1) == '@')
                need = 2;
            if (ch == 0x1d && i + 2 < b.size() && b.at(i + 1) == 'V' && (b.at(i + 2) == 65 || b.at(i + 2) == 66))
                need = 4;
            if (i + need > b.size() || (ch == 0x1d && i + 2 >= b.size()))
                break; // the rest of the command is still on its way
        }
        if (ch == 0x10) {
            if (b.at(i + 1) == 0x04) {
                ++m_statusQueries;
                const bool offline = m_paperOut || m_coverOpen;
                char answer = 0x12;
                switch (b.at(i + 2)) {
                case 1: answer |= offline ? 0x08 : 0; break;
                case 2: answer |= (m_coverOpen ? 0x04 : 0) | (m_paperOut ? 0x20 : 0); break;
                case 4: answer |= m_paperOut ? 0x60 : 0; break;
                default: break;
                }
                c.socket->write(&answer, 1);
            }
        } else if (ch == 0x1b) {
            const char cmd = b.at(i + 1);
            if (cmd == '@') {
                c.size = 0;
                c.bold = false;
                c.align = 0;
                c.lineBytes.clear();
                c.lineStarted = false;
            } else if (cmd == 'a') {
                c.align = b.at(i + 2);
            } else if (cmd == 'E') {
                c.bold = b.at(i + 2) != 0;
            } else if (cmd == '!') {
                c.size = (b.at(i + 2) & 0x10) ? 0x01 : 0; // ESC ! double height
            }
            goOffline = !printData(need);
        } else if (ch == 0x1d) {
            const char cmd = b.at(i + 1);
            if (cmd == '!') {
                c.size = b.at(i + 2);
            } else if (cmd == 'V') {
                if (c.lineStarted || !c.lineBytes.isEmpty())
                    finishLine(c);
                // Paper out: nothing came out, so there is no ticket.
                if (!m_paperOut && !m_coverOpen) {
                    m_tickets.append(c.ticket);
                    emit ticketPrinted();
                } else if (m_firstByteMs.size() > m_tickets.size()) {
                    m_firstByteMs.removeLast();
                }
                c.ticket = {};
                c.ticketStarted = false;
                i += need;
                continue;
            }
            goOffline = !printData(need);
        } else if (ch == '\n') {
            goOffline = !printData(1);
            finishLine(c);
        } else if (ch != '\r') {
            goOffline = !printData(1);
            if (!c.lineStarted) {
                c.line.widthScale = ((c.size >> 4) & 7) + 1;
                c.line.heightScale = (c.size & 7) + 1;
                c.line.bold = c.bold;
                c.line.align = c.align;
                c.lineStarted = true;
            }
            c.lineBytes.append(char(ch));
        }
        i += need;
    }
    c.buffer.remove(0, i);
    if (goOffline)
        QMetaObject::invokeMethod(this, [this] { setOffline(true); }, Qt::QueuedConnection);
}

QImage TestPrinter::render(const Ticket &ticket, int columns)
{
    QFont font(u"Noto Sans Mono CJK KR"_s);
    font.setStyleHint(QFont::Monospace);
    font.setPixelSize(22);
    const QFontMetrics metrics(font);
    const int cell = metrics.horizontalAdvance(u'0');
    const int margin = 24;
    const int width = columns * cell + 2 * margin;
    int height = 2 * margin;
    for (const PrintedLine &line : ticket.lines)
        height += metrics.height() * line.heightScale;
    QImage image(width, height + 40, QImage::Format_RGB32);
    image.fill(QColor(0xfb, 0xfa, 0xf5));
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(QColor(0x20, 0x20, 0x20));
    int y = margin;
    for (const PrintedLine &line : ticket.lines) {
        QFont f = font;
        f.setPixelSize(22 * line.heightScale);
        f.setBold(line.bold);
        // Double width without double height (or the reverse) stretches the glyphs.
        f.setStretch(100 * line.widthScale / line.heightScale);
        p.setFont(f);
        const QFontMetrics m(f);
        const int textWidth = m.horizontalAdvance(line.text);
        int x = margin;
        if (line.align == 1)
            x = (width - textWidth) / 2;
        else if (line.align == 2)
            x = width - margin - textWidth;
        y += m.height();
        p.drawText(x, y - m.descent(), line.text);
    }
    // The cut: a zigzag tear at the bottom.
    QPolygon tear;
    for (int x = 0; x <= width; x += 12)
        tear << QPoint(x, height + 30 + ((x / 12) % 2 ? 8 : 0));
    tear << QPoint(width, height + 40) << QPoint(0, height + 40);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawPolygon(tear);
    return image;
}

} // namespace tableorder::test
