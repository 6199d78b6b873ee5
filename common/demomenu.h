#pragma once

#include "domain.h"

namespace tableorder {

struct DemoItem
{
    QString name;
    QString description;
    Money price = 0;
    /// Allergen codes (menu::allergenCodes()).
    QStringList allergens = {};
    /// English, Simplified Chinese and Japanese names.
    QString en = {};
    QString zh = {};
    QString ja = {};
    /// Keys of demoOptionGroups() the item offers, in order.
    QStringList groups = {};
    QStringList tags = {};
    menu::Hours hours = {};
    std::optional<qint64> stock = std::nullopt;

    /// en/zh/ja as menu translations.
    menu::Translations translations() const;
};

struct DemoCategory
{
    QString name;
    QList<DemoItem> items;
    /// The kitchen station that prepares it (the edge's demo sets it; central has none).
    QString station = QStringLiteral("kitchen");
    QString en = {};
    QString zh = {};
    QString ja = {};

    menu::Translations translations() const;
};

struct DemoOptionGroup
{
    /// How demo items name it.
    QString key;
    /// The group itself (ids 0: the store gives them).
    menu::OptionGroup group;
};

/// The demo's Korean restaurant menu (6 categories, 32 items, KRW, four languages, allergens
/// on every item, options on stews, noodles and drinks, a weekday lunch set and a special of
/// 20 portions), shared by the edge's and central's demo modes.
const QList<DemoCategory> &demoMenu();
/// The option groups demo items use: 맵기, 공기밥 추가, 곱빼기, 사이즈, 찌개 선택.
const QList<DemoOptionGroup> &demoOptionGroups();

} // namespace tableorder
