#include "journal.h"

#include "domain.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

namespace tableorder::journal {

namespace {

void field(QByteArray &out, const QByteArray &bytes)
{
    // A length prefix, not a separator: no field's content can be taken for the next one's.
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes);
}

} // namespace

QByteArray genesis()
{
    return QByteArray(kHashBytes, '\0');
}

QByteArray canonical(const Event &event)
{
    QByteArray out;
    out.reserve(256);
    field(out, QByteArray::number(event.seq));
    field(out, event.id.toUtf8());
    field(out, event.type.toUtf8());
    field(out, timestampText(event.at).toUtf8());
    field(out, QByteArray::number(event.tableId > 0 ? event.tableId : 0));
    field(out, QByteArray::number(event.schemaVersion));
    field(out, QJsonDocument(event.data).toJson(QJsonDocument::Compact));
    field(out, event.actor.isEmpty() ? QByteArray() : QJsonDocument(event.actor).toJson(QJsonDocument::Compact));
    return out;
}

QByteArray chain(const QByteArray &previous, const Event &event)
{
    Q_ASSERT(previous.size() == kHashBytes);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous);
    hash.addData(canonical(event));
    return hash.result();
}

bool chains(const QByteArray &previous, const Event &event)
{
    return previous.size() == kHashBytes && event.hash.size() == kHashBytes && chain(previous, event) == event.hash;
}

} // namespace tableorder::journal
