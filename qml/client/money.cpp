#include "money.h"

using namespace Qt::StringLiterals;

namespace tableorder::client {

namespace {

QString grouped(qint64 value)
{
    QString digits = QString::number(value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return digits;
}

} // namespace

QString formatMoney(qint64 minorUnits, const QString &currency)
{
    const QString sign = minorUnits < 0 ? u"-"_s : QString();
    const qint64 amount = minorUnits < 0 ? -minorUnits : minorUnits;
    // Currencies without a minor unit (ISO 4217 exponent 0) that a store here may use.
    if (currency == u"KRW"_s)
        return sign + u"₩"_s + grouped(amount);
    if (currency == u"JPY"_s)
        return sign + u"¥"_s + grouped(amount);
    const QString symbol = currency == u"USD"_s ? u"$"_s : currency == u"EUR"_s ? u"€"_s : currency + u' ';
    return sign + symbol + grouped(amount / 100) + u'.' + u"%1"_s.arg(amount % 100, 2, 10, QChar(u'0'));
}

} // namespace tableorder::client
