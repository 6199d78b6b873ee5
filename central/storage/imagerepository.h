#pragma once

#include "error.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <optional>

namespace tableorder::central {

/// Re-encoded menu pictures by content hash, and which store's menus reference them.
class ImageRepository
{
public:
    explicit ImageRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Stores a picture; one that is already there (same hash, same bytes) is left as is.
    [[nodiscard]] Status insert(const QString &hash, const QByteArray &full, const QByteArray &thumb,
                                const QString &createdAt);
    /// The full-size JPEG or the thumbnail, or nullopt.
    [[nodiscard]] Result<std::optional<QByteArray>> get(const QString &hash, bool thumbnail);
    /// True when the store's working menu or one of its published versions names the picture.
    [[nodiscard]] Result<bool> referencedByStore(qint64 storeId, const QString &hash);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
