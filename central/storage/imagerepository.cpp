#include "imagerepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::central {

Status ImageRepository::insert(const QString &hash, const QByteArray &full, const QByteArray &thumb,
                               const QString &createdAt)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO images (hash, full_jpeg, thumb_jpeg, created_at) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING"_s);
    for (const QVariant &v : QVariantList{hash, full, thumb, createdAt})
        q.addBindValue(v);
    return db::exec(q, "insert image");
}

Result<std::optional<QByteArray>> ImageRepository::get(const QString &hash, bool thumbnail)
{
    QSqlQuery q = db::prepared(m_db, thumbnail ? u"SELECT thumb_jpeg FROM images WHERE hash = ?"_s
                                               : u"SELECT full_jpeg FROM images WHERE hash = ?"_s);
    q.addBindValue(hash);
    if (auto ok = db::exec(q, "read image"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q.value(0).toByteArray());
}

Result<bool> ImageRepository::referencedByStore(qint64 storeId, const QString &hash)
{
    // The hash is 64 hex digits (checked by the caller), so it is safe inside LIKE.
    const QString url = u"/images/"_s + hash + u".jpg"_s;
    QSqlQuery q = db::prepared(m_db, u"SELECT 1 WHERE EXISTS (SELECT 1 FROM menu_items WHERE store_id = ? "
                                      "AND image_url = ?) OR EXISTS (SELECT 1 FROM menu_versions "
                                      "WHERE store_id = ? AND menu_json LIKE ?)"_s);
    for (const QVariant &v : QVariantList{storeId, url, storeId, QString(u"%"_s + url + u"%"_s)})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "image referenced by store"); !ok)
        return fail(ok.error());
    return q.next();
}

} // namespace tableorder::central
