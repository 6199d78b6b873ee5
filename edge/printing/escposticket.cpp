#include "escposticket.h"

#include <QStringList>

#include <iconv.h>

using namespace Qt::StringLiterals;

namespace tableorder::edge::printing {

namespace {

constexpr char SizeNormal = 0x00;
constexpr char SizeTall = 0x01;   // double height
constexpr char SizeDouble = 0x11; // double width and height

class Writer
{
public:
    Writer(const PaperFormat &format) : m_format(format) { m_out.append("\x1b\x40", 2); }

    void align(int n) { m_out.append(escpos::Esc).append('a').append(char(n)); }
    void bold(bool on) { m_out.append(escpos::Esc).append('E').append(char(on ? 1 : 0)); }
    void size(char n) { m_out.append(escpos::Gs).append('!').append(n); }
    void line(const QString &text)
    {
        // Control characters from a note would be printer commands: never send them.
        QString clean;
        clean.reserve(text.size());
        for (QChar c : text)
            clean.append(c.unicode() < 0x20 || c.unicode() == 0x7f ? u' ' : c);
        m_out.append(encodeText(clean, m_format.encoding).value_or(clean.toLatin1()));
        m_out.append('\n');
    }
    void rule() { line(QString(m_format.columns(), u'-')); }
    void cut()
    {
        m_out.append(escpos::Esc).append('d').append(char(4)); // feed past the cutter
        m_out.append(escpos::Gs).append('V').append('B').append(char(0));
    }
    QByteArray take() { return std::move(m_out); }

private:
    const PaperFormat &m_format;
    QByteArray m_out;
};

} // namespace

std::optional<QByteArray> encodeText(const QString &text, const QString &encoding)
{
    if (encoding.compare(u"utf-8"_s, Qt::CaseInsensitive) == 0)
        return text.toUtf8();
    if (encoding.compare(u"cp949"_s, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    // Qt 6.4's QStringConverter knows CP949 only through ICU; glibc's iconv always does.
    iconv_t cd = iconv_open("CP949", "UTF-8");
    if (cd == iconv_t(-1))
        return std::nullopt;
    QByteArray out;
    for (QChar c : text) {
        // One character at a time: a character CP949 lacks becomes '?' and the rest goes on.
        QByteArray in = QString(c).toUtf8();
        if (c.isSurrogate()) {
            if (c.isHighSurrogate())
                out.append('?');
            continue;
        }
        char buffer[8];
        char *inPtr = in.data();
        size_t inLeft = size_t(in.size());
        char *outPtr = buffer;
        size_t outLeft = sizeof buffer;
        if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == size_t(-1)) {
            out.append('?');
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
            continue;
        }
        out.append(buffer, qsizetype(sizeof buffer - outLeft));
    }
    iconv_close(cd);
    return out;
}

QByteArray escpos::statusQuery()
{
    return QByteArray("\x10\x04\x01\x10\x04\x02\x10\x04\x04", 9);
}

QByteArray renderTicket(const TicketContent &content, const PaperFormat &format, const QTimeZone &zone)
{
    const Order &order = content.order;
    Writer w(format);
    w.align(1);
    if (content.reprint) {
        w.size(SizeDouble);
        w.bold(true);
        w.line(u"** 재출력 **"_s);
        w.bold(false);
    }
    w.size(SizeDouble);
    w.line(u"테이블 %1"_s.arg(order.tableNumber));
    w.size(SizeNormal);
    w.line(u"주문 #%1  [%2]"_s.arg(order.number).arg(content.station));
    const QDateTime local = order.createdAt.toTimeZone(zone);
    w.line(local.toString(u"yyyy-MM-dd HH:mm"_s));
    if (content.fallback)
        w.line(u"(화면 미확인 자동 출력)"_s);
    w.align(0);
    w.rule();
    for (const OrderLine &line : order.items) {
        if (!content.station.isEmpty() && line.station != content.station)
            continue;
        w.size(SizeTall);
        w.line(u"%1 x %2"_s.arg(line.quantity).arg(line.name));
        w.size(SizeNormal);
        for (const menu::PricedOption &option : line.options)
            w.line(u"  + %1: %2"_s.arg(option.group, option.name));
        if (!line.note.isEmpty())
            w.line(u"  메모: %1"_s.arg(line.note));
    }
    w.rule();
    if (!order.note.isEmpty()) {
        w.size(SizeTall);
        w.line(u"요청: %1"_s.arg(order.note));
        w.size(SizeNormal);
    }
    w.cut();
    return w.take();
}

QByteArray renderTestTicket(const QString &printerName, const PaperFormat &format,
                            const QTimeZone &zone, const QDateTime &now)
{
    Writer w(format);
    w.align(1);
    w.size(SizeDouble);
    w.line(u"테스트 인쇄"_s);
    w.size(SizeNormal);
    w.line(printerName);
    w.line(now.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm"_s));
    w.align(0);
    w.rule();
    w.line(u"%1mm, %2"_s.arg(format.paperMm).arg(format.encoding));
    w.line(u"가나다라마바사 아자차카타파하"_s);
    w.rule();
    w.cut();
    return w.take();
}

} // namespace tableorder::edge::printing
