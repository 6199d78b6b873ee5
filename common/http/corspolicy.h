#pragma once

#include "error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace tableorder::http {

/// The browser origins allowed to call the API from another site (CORS, Fetch standard §3.2):
/// none by default. Each entry is an exact origin, `scheme://host[:port]` with scheme http or
/// https and nothing after the authority; `*` is refused (every token-bearing API would then be
/// readable from any page a staff member opens).
class CorsPolicy
{
public:
    /// "https://hq.example.com, http://10.0.0.5:8080" (commas and/or spaces); empty allows none.
    [[nodiscard]] static Result<CorsPolicy> parse(const QString &list);
    /// From a daemon's settings: the repeatable option's values when there are any, else the
    /// environment's or the INI file's text, else the INI value QSettings read as a list (an
    /// unquoted value with commas).
    [[nodiscard]] static Result<CorsPolicy> fromSettings(const QStringList &optionValues, const QString &setting,
                                                         const QVariant &iniValue);

    [[nodiscard]] bool isEmpty() const { return m_origins.isEmpty(); }
    /// Whether an `Origin` header value is on the list (compared without regard to case).
    [[nodiscard]] bool allows(QByteArrayView origin) const;

private:
    QList<QByteArray> m_origins;
};

} // namespace tableorder::http
