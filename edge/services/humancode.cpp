#include "humancode.h"

#include <cstring>

namespace tableorder::edge::humancode {

namespace {

// Crockford's base32: no I, L, O or U.
constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

} // namespace

QString encode(const QByteArray &bytes, int length)
{
    QString out;
    quint64 buffer = 0;
    int bits = 0;
    for (char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5 && out.size() < length) {
            out.append(QLatin1Char(alphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
        if (out.size() == length)
            break;
    }
    return out;
}

QString normalize(const QString &text, int length)
{
    QString out;
    for (QChar c : text.trimmed().toUpper()) {
        if (c == u'-' || c == u' ')
            continue;
        if (c == u'I' || c == u'L')
            c = u'1';
        else if (c == u'O')
            c = u'0';
        if (c.unicode() == 0 || c.unicode() > 127 || !std::strchr(alphabet, char(c.unicode())))
            return {};
        out.append(c);
        if (out.size() > length)
            return {};
    }
    return out.size() == length ? out : QString();
}

} // namespace tableorder::edge::humancode
