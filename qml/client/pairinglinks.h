#pragma once

#include <QObject>
#include <QVariantMap>

namespace tableorder::client {

/// PairingLink for QML (singleton "PairingLinks" in TableOrder.Client): a login or setup
/// field that takes a pasted pairing link fills itself from it.
class PairingLinks : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// {ok, error, edge, fingerprint, table, code}
    Q_INVOKABLE QVariantMap parse(const QString &text) const;
    /// Starts like a pairing link (worth parsing, or worth an error when it does not parse).
    Q_INVOKABLE bool looksLikeLink(const QString &text) const;
};

} // namespace tableorder::client
