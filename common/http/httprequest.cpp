#include "httprequest.h"

#include <QUrlQuery>

namespace tableorder::http {

QString HttpRequest::query(const QString &key) const
{
    return raw.query().queryItemValue(key, QUrl::FullyDecoded);
}

bool HttpRequest::hasQuery(const QString &key) const
{
    return raw.query().hasQueryItem(key);
}

qint64 HttpRequest::idParam(qsizetype i) const
{
    if (i >= params.size())
        return 0;
    bool ok = false;
    const qint64 id = params.at(i).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace tableorder::http
