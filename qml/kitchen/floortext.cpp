#include "floortext.h"

#include "money.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

QString wonText(qint64 won, const QString &language)
{
    if (language != u"ko"_s)
        return client::formatMoney(won, u"KRW"_s);
    // formatMoney groups the digits; the Korean reading puts 원 after them instead of ₩ before.
    QString text = client::formatMoney(won < 0 ? -won : won, u"KRW"_s).mid(1) + u"원"_s;
    return won < 0 ? u"-"_s + text : text;
}

QString dateText(const QDate &date, const QString &language)
{
    if (!date.isValid())
        return {};
    if (language == u"ko"_s)
        return QLocale(QLocale::Korean, QLocale::SouthKorea).toString(date, u"yyyy년 M월 d일 (ddd)"_s);
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, u"ddd d MMM yyyy"_s);
}

QString clockText(const QString &timestamp)
{
    const QDateTime at = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(u"HH:mm"_s) : QString();
}

} // namespace tableorder::kitchen
