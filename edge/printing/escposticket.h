#pragma once

#include "domain.h"

#include <QByteArray>
#include <QTimeZone>

#include <optional>

namespace tableorder::edge::printing {

/// How a printer takes text: 58 mm paper holds 32 columns of font A, 80 mm 48; Korean
/// models (Bixolon, Sewoo) want CP949, newer firmware takes UTF-8.
struct PaperFormat
{
    int paperMm = 80;
    QString encoding = QStringLiteral("cp949");
    [[nodiscard]] int columns() const { return paperMm == 58 ? 32 : 48; }
};

/// Encodes text for a printer; nullopt when the encoding is unknown to iconv. Characters
/// CP949 cannot hold become '?' (a ticket with one odd character beats no ticket).
[[nodiscard]] std::optional<QByteArray> encodeText(const QString &text, const QString &encoding);

/// What a kitchen ticket says: the order's lines of one station.
struct TicketContent
{
    Order order;
    QString station;
    bool reprint = false;
    bool fallback = false; // printed because no screen of the station showed it in time
    QString title;         // a test print's heading instead of the order's
};

/// The ESC/POS bytes of one ticket: ESC @, the table number in double size, order number,
/// station and local time, each line (quantity x name, options, note), the order's note,
/// "재출력" on reprints, then feed and cut (GS V B). A ticket is the unit the printer ends
/// with a cut: a job is resent whole.
[[nodiscard]] QByteArray renderTicket(const TicketContent &content, const PaperFormat &format,
                                      const QTimeZone &zone);

/// A test print ("테스트 인쇄"): the printer's name, its settings, a Korean sample line.
[[nodiscard]] QByteArray renderTestTicket(const QString &printerName, const PaperFormat &format,
                                          const QTimeZone &zone, const QDateTime &now);

namespace escpos {
inline constexpr char Esc = 0x1b;
inline constexpr char Gs = 0x1d;
inline constexpr char Dle = 0x10;
inline constexpr char Eot = 0x04;
/// DLE EOT 1, 2 and 4: printer status, offline cause, roll paper sensor (3 answer bytes).
QByteArray statusQuery();
} // namespace escpos

} // namespace tableorder::edge::printing
