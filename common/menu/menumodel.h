#pragma once

#include "error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace tableorder {
/// Money is an integer count of the currency's minor unit (KRW has none: 1 = 1 won).
using Money = qint64;
} // namespace tableorder

/// The menu model that edge and central share (docs/design/menu-contract.md): types, strict
/// JSON reading and writing, allergen/tag codes, line pricing and hours evaluation.
namespace tableorder::menu {

inline constexpr int maxGroupsPerItem = 10;
inline constexpr int maxOptionsPerGroup = 30;
inline constexpr int maxGroupsPerStore = 200;
inline constexpr int maxHoursWindows = 14;
inline constexpr qsizetype maxNameLength = 100;
inline constexpr qsizetype maxDescriptionLength = 500;
inline constexpr qsizetype maxLineNoteLength = 140;
inline constexpr Money maxPrice = 100'000'000;
inline constexpr Money maxPriceDelta = 100'000'000;

/// One language's text; an empty field falls back to Korean (on the client).
struct Translation
{
    QString name;
    QString description;
    bool operator==(const Translation &) const = default;
};

/// Language code ("en", "zh", "ja") -> text. Korean is the base text of the object itself.
using Translations = QMap<QString, Translation>;

/// The languages of a menu, Korean (the base) first.
const QStringList &languages();
/// The languages a translation may be given in ("en", "zh", "ja").
const QStringList &translationLanguages();
/// Korea's mandatory allergen labelling list (식품 등의 표시기준) as codes.
const QStringList &allergenCodes();
const QStringList &tagCodes();

struct Option
{
    qint64 id = 0;
    QString name;
    Money priceDelta = 0;
    bool available = true;
    Translations translations;
    bool operator==(const Option &) const = default;
};

/// A named choice on an item (맵기, 사이즈); shared by every item that lists its id.
struct OptionGroup
{
    qint64 id = 0;
    QString name;
    int minSelect = 0;
    int maxSelect = 1;
    QList<Option> options;
    Translations translations;
    bool isRequired() const { return minSelect >= 1; }
    bool operator==(const OptionGroup &) const = default;
};

/// A weekly window in the store's time zone; `to < from` runs past midnight into the next day.
struct HoursWindow
{
    /// ISO days of the week, 1 = Monday ... 7 = Sunday, ascending, no duplicates.
    QList<int> days;
    QTime from;
    QTime to;
    bool operator==(const HoursWindow &) const = default;
};
/// Empty means always.
using Hours = QList<HoursWindow>;

struct Category
{
    qint64 id = 0;
    QString name;
    int displayOrder = 0;
    /// Where its items are prepared ("kitchen", "bar", ...); empty means not set (central
    /// menus carry none) and the store keeps or defaults it.
    QString station;
    Translations translations;
    Hours hours;
};

struct Item
{
    qint64 id = 0;
    qint64 categoryId = 0;
    QString name;
    QString description;
    Money price = 0;
    QString imagePath; // relative to the image directory; empty when none
    /// The manual sold-out switch (see isAvailable() for stock).
    bool available = true;
    int displayOrder = 0;
    QList<qint64> optionGroupIds;
    QStringList allergens;
    QStringList tags;
    Translations translations;
    Hours hours;
    /// Portions left; nullopt = unlimited.
    std::optional<qint64> stock;

    /// The sold-out switch and stock together: what a guest may order (hours aside).
    bool isAvailable() const { return available && (!stock || *stock > 0); }
};

/// A whole menu: categories, items and the option groups they use.
struct Menu
{
    QList<Category> categories;
    QList<Item> items;
    QList<OptionGroup> groups;
};

// ---- JSON reading: strict (unknown fields refused, VALIDATION_FAILED naming the field path).

/// `{"en":{"name","description"?},"zh":...,"ja":...}`; null or absent gives no translations.
/// `withDescription` false (groups, options) refuses descriptions.
[[nodiscard]] Result<Translations> translationsFromJson(const QJsonValue &value, const QString &path,
                                                        bool withDescription = true);
/// `[{days:[1..7], from:"HH:MM", to:"HH:MM"}]`; null or absent is always.
[[nodiscard]] Result<Hours> hoursFromJson(const QJsonValue &value, const QString &path);
[[nodiscard]] Result<QStringList> allergensFromJson(const QJsonValue &value, const QString &path);
[[nodiscard]] Result<QStringList> tagsFromJson(const QJsonValue &value, const QString &path);
/// `[id, ...]` of distinct positive ids, at most maxGroupsPerItem (else LIMIT_REACHED).
[[nodiscard]] Result<QList<qint64>> groupIdsFromJson(const QJsonValue &value, const QString &path);
/// `null` (unlimited) or an integer >= 0.
[[nodiscard]] Result<std::optional<qint64>> stockFromJson(const QJsonValue &value,
                                                          const QString &path);

/// An option group as a manager sends it: `{name, min_select, max_select, translations?,
/// options:[{id?, name, price_delta, available?, translations?}]}`; with `withId` the group's
/// own `id` is read too (a published menu). Limits are LIMIT_REACHED.
[[nodiscard]] Result<OptionGroup> optionGroupFromJson(const QJsonObject &object,
                                                      const QString &path, bool withId = false);
/// A whole menu as menuToJson() writes it (HQ's published menu): categories with items with
/// expanded option groups; a group shared by several items is one group.
[[nodiscard]] Result<Menu> menuFromJson(const QJsonObject &object);

// ---- JSON writing.

QJsonObject toJson(const Translations &translations);
QJsonArray toJson(const Hours &hours);
QJsonObject toJson(const Option &option);
QJsonObject toJson(const OptionGroup &group);

/// How an item or category is written: the base fields and the model's fields; hours state
/// and pictures are added by the writer that knows the time and where pictures live.
QJsonObject categoryToJson(const Category &category);
/// The item with `option_groups` expanded from `groups` (ids it names that are missing are
/// left out), `stock`, and `available` = the switch and stock together.
QJsonObject itemToJson(const Item &item, const QList<OptionGroup> &groups);

/// The menu as HQ publishes it: `{categories:[{..., items:[...]}]}` in display order.
QJsonObject menuToJson(const Menu &menu);

/// "HH:MM" of a time.
QString timeText(const QTime &time);

} // namespace tableorder::menu
