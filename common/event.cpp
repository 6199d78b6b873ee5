#include "event.h"

#include "domain.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder {

QJsonObject Event::toJson() const
{
    QJsonObject json{{u"seq"_s, seq}, {u"type"_s, type}, {u"at"_s, timestampJson(at)}, {u"data"_s, data}};
    if (!actor.isEmpty())
        json.insert(u"actor"_s, actor);
    return json;
}

QByteArray Event::sseFrame() const
{
    return "id: " + QByteArray::number(seq) + "\nevent: " + type.toUtf8() + "\ndata: "
            + QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace tableorder
