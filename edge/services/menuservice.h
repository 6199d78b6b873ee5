#pragma once

#include "domain.h"

#include "event.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimeZone>
#include <QTimer>

#include <functional>

namespace tableorder {
class Metrics;
}

namespace tableorder::edge {

class MenuRepository;
class StoreRepository;
class EventLog;
struct StoreLimits;

struct CategoryInput
{
    std::optional<QString> name;
    std::optional<int> displayOrder;
    std::optional<QString> station;
    std::optional<menu::Translations> translations;
    std::optional<menu::Hours> hours;
};

struct ItemInput
{
    std::optional<qint64> categoryId;
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<Money> price;
    std::optional<bool> available;
    std::optional<int> displayOrder;
    std::optional<QList<qint64>> optionGroupIds;
    std::optional<QStringList> allergens;
    std::optional<QStringList> tags;
    std::optional<menu::Translations> translations;
    std::optional<menu::Hours> hours;
    /// Outer: given or not; inner: nullopt = unlimited.
    std::optional<std::optional<qint64>> stock;
};

/// Why an item cannot be ordered now, if it cannot.
enum class Unavailability { None, SoldOut, Hours };

/// The whole menu as served: JSON bytes, ETag and an id index used to price orders.
struct MenuSnapshot
{
    qint64 version = 0;
    QByteArray json;
    QByteArray etag;
    /// The tag of the gzip-encoded body: a different representation of the same menu.
    QByteArray gzipEtag;
    QHash<qint64, MenuItem> items;
    QHash<qint64, MenuCategory> categories;
    QList<menu::OptionGroup> groups;
    /// Item id -> the station of its category, copied onto order lines.
    QHash<qint64, QString> stations;
    /// When some item's or category's hours next open or close (invalid: never): the
    /// snapshot's "available now" flags hold until then.
    QDateTime validUntil;

    /// `json` gzip-compressed, made the first time a client asks for it (a 500-item menu in
    /// four languages is ~1.5 MB of JSON and ~30-150 KB compressed). Snapshots are used on
    /// the event loop's thread only.
    [[nodiscard]] const QByteArray &gzipJson() const;

private:
    mutable QByteArray m_gzipJson;
};

/// Menu reads from an in-memory snapshot that every write replaces; writes bump the
/// store's menu version in the same transaction.
class MenuService : public QObject
{
    Q_OBJECT
public:
    MenuService(QSqlDatabase db, MenuRepository &menu, StoreRepository &store, EventLog &events,
                const StoreLimits &limits, QString imageDir, QTimeZone zone = QTimeZone::utc(),
                QObject *parent = nullptr);

    /// The menu as served now; rebuilt after a change and at every hours boundary (then
    /// `menu.updated` tells the tablets).
    [[nodiscard]] Result<std::shared_ptr<const MenuSnapshot>> snapshot();
    [[nodiscard]] const QTimeZone &timeZone() const { return m_zone; }
    /// Whether the item can be ordered at `at`: its switch and stock (as the snapshot has
    /// them), then its and its category's hours.
    [[nodiscard]] Unavailability unavailability(const MenuSnapshot &snapshot, const MenuItem &item,
                                                const QDateTime &at) const;
    /// An item as the API shows it (option groups expanded, pictures, hours state).
    [[nodiscard]] QJsonObject describe(const MenuItem &item);

    /// Inside the caller's transaction (an order's savepoint): takes each item's portions
    /// (item id -> quantity) from those that count stock. OUT_OF_STOCK with what is left, or
    /// ITEM_UNAVAILABLE (sold_out) when nothing is; else the events to publish after the
    /// commit, one `menu.item_availability_changed` per item whose stock moved.
    [[nodiscard]] Result<QList<Event>> takeStock(const MenuSnapshot &snapshot,
                                                 const QList<std::pair<qint64, int>> &quantities);
    /// Drops the snapshot after stock moved in a committed (or failed) transaction.
    void invalidate() { m_snapshot.reset(); }
    /// HQ changed the store's time zone (issue 17): hours are read in it from now on.
    void setTimeZone(QTimeZone zone)
    {
        m_zone = std::move(zone);
        m_snapshot.reset();
    }
    /// Counts snapshot() answered from the cache and rebuilt
    /// (tableorder_menu_cache_requests_total{result="hit"|"miss"}), for the health snapshots.
    void setMetrics(Metrics *metrics);

    [[nodiscard]] Result<QList<menu::OptionGroup>> groups();
    [[nodiscard]] Result<menu::OptionGroup> createGroup(menu::OptionGroup group, const QJsonObject &actor = {});
    [[nodiscard]] Result<menu::OptionGroup> updateGroup(qint64 id, menu::OptionGroup group, const QJsonObject &actor = {});
    [[nodiscard]] Status deleteGroup(qint64 id, const QJsonObject &actor = {});
    /// Kitchen or manager; also on a store whose menu HQ manages.
    [[nodiscard]] Result<menu::Option> setOptionAvailability(qint64 optionId, bool available, const QJsonObject &actor = {});
    /// Manager; also on a store whose menu HQ manages.
    [[nodiscard]] Result<MenuItem> setStock(qint64 id, std::optional<qint64> stock, const QJsonObject &actor = {});

    [[nodiscard]] Result<MenuCategory> createCategory(const CategoryInput &input, const QJsonObject &actor = {});
    [[nodiscard]] Result<MenuCategory> updateCategory(qint64 id, const CategoryInput &input, const QJsonObject &actor = {});
    [[nodiscard]] Status deleteCategory(qint64 id, const QJsonObject &actor = {});
    /// Puts every category in the order of `ids` (display_order 10, 20, ...) in one change;
    /// `ids` must list each category exactly once (else VALIDATION_FAILED on `ids`).
    [[nodiscard]] Result<QList<MenuCategory>> reorderCategories(const QList<qint64> &ids, const QJsonObject &actor = {});
    /// The same for the items of one category.
    [[nodiscard]] Result<QList<MenuItem>> reorderItems(qint64 categoryId, const QList<qint64> &ids, const QJsonObject &actor = {});
    [[nodiscard]] Result<MenuItem> createItem(const ItemInput &input, const QJsonObject &actor = {});
    [[nodiscard]] Result<MenuItem> updateItem(qint64 id, const ItemInput &input, const QJsonObject &actor = {});
    [[nodiscard]] Status deleteItem(qint64 id, const QJsonObject &actor = {});
    [[nodiscard]] Result<MenuItem> setAvailability(qint64 id, bool available, const QJsonObject &actor = {});

    /// Decodes and re-encodes the picture on a worker thread (full size and thumbnail),
    /// then stores it and calls `done` on this object's thread.
    void setImage(qint64 id, QByteArray data, std::function<void(Result<MenuItem>)> done,
                  const QJsonObject &actor = {});
    /// Same, synchronously (demo data, command line).
    [[nodiscard]] Result<MenuItem> setImageNow(qint64 id, const QByteArray &data, const QJsonObject &actor = {});

    /// A store linked to central gets its menu from HQ: local edits are refused with
    /// MENU_MANAGED_CENTRALLY (sold-out toggles stay the store's own).
    void setManagedCentrally(bool managed) { m_managedCentrally = managed; }
    [[nodiscard]] bool isManagedCentrally() const { return m_managedCentrally; }
    /// Applies a menu published at HQ atomically; availability of items that stay is kept.
    /// `inTransaction` runs inside the transaction (e.g. to record the applied version).
    /// HQ's pictures (`/images/<hash>.jpg`) point at this edge's copy when it has one; the
    /// others show no picture for now and come back as the hashes to fetch.
    [[nodiscard]] Result<QStringList> applyCentralMenu(const QByteArray &menuJson,
                                                       const std::function<Status()> &inTransaction);
    /// The HQ pictures a central menu names that this edge does not have yet.
    [[nodiscard]] QStringList missingCentralImages(const QByteArray &menuJson) const;
    /// Stores a picture fetched from central as `<hash>.jpg` (+ `-thumb.jpg`), after checking
    /// that the bytes are the ones the hash names.
    [[nodiscard]] Status saveCentralImage(const QString &hash, const QByteArray &full, const QByteArray &thumb);

    /// A station name: 1-32 characters, a-z first, then a-z, 0-9, '_' or '-'.
    [[nodiscard]] static bool isValidStation(QStringView name);
    /// The checks of a category or item edit that need no database (lengths, station name,
    /// price range): VALIDATION_FAILED naming the field.
    [[nodiscard]] static Status checkCategory(const CategoryInput &input);
    [[nodiscard]] static Status checkItem(const ItemInput &input);
    [[nodiscard]] static QString imageUrl(const QString &imagePath);
    [[nodiscard]] static QString thumbnailUrl(const QString &imagePath);
    [[nodiscard]] int pendingImageJobs() const { return m_pendingImages; }

private:
    /// Runs a change, bumps the menu version and records `menu.updated` (or, for
    /// availability, `menu.item_availability_changed`) in one transaction.
    template<typename T, typename F>
    Result<T> write(F &&change, const char *eventType = nullptr, const QJsonObject &actor = {},
                    const QJsonObject &what = {});
    Result<MenuItem> storeImage(qint64 id, const QString &imagePath, const QJsonObject &actor = {});
    [[nodiscard]] Status checkGroupIds(const QList<qint64> &ids);
    void scheduleBoundary(const QDateTime &at);
    void onBoundary();
    QJsonObject itemJson(const MenuItem &item, const QList<menu::OptionGroup> &groups,
                         const menu::Hours &categoryHours, const QDateTime &now) const;
    QJsonObject categoryJson(const MenuCategory &category, const QDateTime &now) const;
    [[nodiscard]] Status checkLocallyManaged() const;

    QSqlDatabase m_db;
    MenuRepository &m_menu;
    StoreRepository &m_store;
    EventLog &m_events;
    const StoreLimits &m_limits;
    QString m_imageDir;
    QTimeZone m_zone;
    QTimer m_boundary;
    std::shared_ptr<const MenuSnapshot> m_snapshot;
    Metrics *m_metrics = nullptr;
    int m_pendingImages = 0;
    bool m_managedCentrally = false;
};

/// A category as the API shows it after an edit (hours state left to GET /menu).
QJsonObject toJson(const MenuCategory &category);

} // namespace tableorder::edge
