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

EncodedEvent encode(const Event &event)
{
    return { QJsonDocument(event.data).toJson(QJsonDocument::Compact),
             event.actor.isEmpty() ? QByteArray() : QJsonDocument(event.actor).toJson(QJsonDocument::Compact) };
}

QByteArray canonical(const Event &event, const EncodedEvent &encoded)
{
    QByteArray out;
    out.reserve(64 + encoded.data.size() + encoded.actor.size());
    field(out, QByteArray::number(event.seq));
    field(out, event.id.toUtf8());
    field(out, event.type.toUtf8());
    field(out, timestampText(event.at).toUtf8());
    field(out, QByteArray::number(event.tableId > 0 ? event.tableId : 0));
    field(out, QByteArray::number(event.schemaVersion));
    field(out, encoded.data);
    field(out, encoded.actor);
    return out;
}

QByteArray canonical(const Event &event)
{
    return canonical(event, encode(event));
}

QByteArray chain(const QByteArray &previous, const Event &event, const EncodedEvent &encoded)
{
    Q_ASSERT(previous.size() == kHashBytes);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous);
    hash.addData(canonical(event, encoded));
    return hash.result();
}

QByteArray chain(const QByteArray &previous, const Event &event)
{
    return chain(previous, event, encode(event));
}

bool chains(const QByteArray &previous, const Event &event, const EncodedEvent &encoded)
{
    return previous.size() == kHashBytes && event.hash.size() == kHashBytes
            && chain(previous, event, encoded) == event.hash;
}

bool chains(const QByteArray &previous, const Event &event)
{
    return chains(previous, event, encode(event));
}

} // namespace tableorder::journal
