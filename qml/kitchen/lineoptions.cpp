#include "lineoptions.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

bool isRemovalOption(const QString &name, qint64 priceDelta)
{
    const QString text = name.trimmed().toLower();
    // "no" as a word ("no onions", "no-ice"), not "noodles".
    static const QRegularExpression startsWithNo(u"^no(\\b|[-\\s]|$)"_s);
    if (startsWithNo.match(text).hasMatch() || text.startsWith(u"빼"_s))
        return true;
    if (priceDelta != 0)
        return false;
    // "양파 빼기", "빼고", "고수 없이", "제외", "without"; not "곱빼기" (a double portion).
    static const QRegularExpression removal(u"(?<!곱)빼기|빼고|빼\\s|빼$|없이|제외|\\bwithout\\b"_s);
    return removal.match(text).hasMatch();
}

} // namespace tableorder::kitchen
