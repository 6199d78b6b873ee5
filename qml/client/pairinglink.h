#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>

namespace tableorder::client {

/// What a screen needs to join the store's edge, as the manager's "pair a tablet" QR carries
/// it: `tableorder://pair?edge=URL&fp=SHA256&table=N&code=CODE`. The fingerprint pins an https
/// edge's certificate; table and code (a single-use pairing code, never the table's password)
/// are there for a tablet and ignored by the kitchen screen's login.
struct PairingLink
{
    QUrl edge;
    /// 64 lower-case hex digits; empty for a plain-http edge.
    QString fingerprint;
    int tableNumber = 0;
    QString code;

    /// Reads a link as scanned, pasted or typed (spaces around it are fine); the error says
    /// what is wrong with it, in English.
    [[nodiscard]] static std::expected<PairingLink, QString> parse(const QString &text);
    [[nodiscard]] QString toString() const;
    [[nodiscard]] bool hasTable() const { return tableNumber > 0 && !code.isEmpty(); }

    /// The edge address to give tablets: the one the manager's screen uses, unless that is
    /// loopback (a screen on the edge's own box), then the first LAN address the edge reports.
    [[nodiscard]] static QUrl edgeForTablets(const QUrl &managerUrl, const QStringList &edgeUrls);
};

} // namespace tableorder::client
