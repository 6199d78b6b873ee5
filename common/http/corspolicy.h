#pragma once

#include "error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

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

    [[nodiscard]] bool isEmpty() const { return m_origins.isEmpty(); }
    /// Whether an `Origin` header value is on the list (compared without regard to case).
    [[nodiscard]] bool allows(QByteArrayView origin) const;

private:
    QList<QByteArray> m_origins;
};

} // namespace tableorder::http
