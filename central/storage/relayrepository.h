#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tableorder::central {

/// What central knows of a store for its guests: that it exists, and what its edge last
/// reported over the relay (LAN address, Wi-Fi name) and which instance holds its connection.
struct StoreRelayInfo
{
    qint64 storeId = 0;
    QString lanUrl;
    QString wifiSsid;
    QString instance; // the central instance holding the relay connection; empty: none
};

/// The store_relay table (migration 011).
class RelayRepository
{
public:
    explicit RelayRepository(QSqlDatabase db);

    /// Nothing when no such store exists; a store that never connected has empty fields.
    [[nodiscard]] Result<std::optional<StoreRelayInfo>> find(qint64 storeId);
    /// The edge connected to `instance` and reported these.
    [[nodiscard]] Status connected(qint64 storeId, const QString &lanUrl, const QString &wifiSsid,
                                   const QString &instance);
    /// The connection held by `instance` ended (a newer one elsewhere is left alone).
    [[nodiscard]] Status disconnected(qint64 storeId, const QString &instance);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
