#include "corspolicy.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::http {

Result<CorsPolicy> CorsPolicy::parse(const QString &list)
{
    // scheme://host[:port]: a DNS name, an IPv4 address or a bracketed IPv6 address.
    static const QRegularExpression origin(
            uR"(^https?://([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$)"_s);
    CorsPolicy policy;
    static const QRegularExpression separators(u"[,\\s]+"_s);
    for (const QString &entry : list.split(separators, Qt::SkipEmptyParts)) {
        const QString lower = entry.toLower();
        if (!origin.match(lower).hasMatch())
            return fail(Error::validation(u"cors-origin"_s,
                                          u"cors-origin '%1' is not an origin: write scheme://host[:port], "
                                          "http or https, without a path or '*'"_s.arg(entry)));
        const qsizetype colon = lower.lastIndexOf(u':');
        if (colon > 5 && !lower.endsWith(u']') && lower.sliced(colon + 1).toInt() > 65535)
            return fail(Error::validation(u"cors-origin"_s, u"cors-origin '%1' has no valid port"_s.arg(entry)));
        policy.m_origins.append(lower.toLatin1());
    }
    return policy;
}

Result<CorsPolicy> CorsPolicy::fromSettings(const QStringList &optionValues, const QString &setting,
                                            const QVariant &iniValue)
{
    if (!optionValues.isEmpty())
        return parse(optionValues.join(u','));
    if (!setting.isEmpty())
        return parse(setting);
    return parse(iniValue.toStringList().join(u','));
}

bool CorsPolicy::allows(QByteArrayView origin) const
{
    for (const QByteArray &allowed : m_origins) {
        if (origin.compare(allowed, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace tableorder::http
