#pragma once

#include "menu/menumodel.h"

namespace tableorder::menu {

/// An option as an order line keeps it: copied at order time (names in Korean).
struct PricedOption
{
    qint64 id = 0;
    QString group;
    QString name;
    Money priceDelta = 0;
    bool operator==(const PricedOption &) const = default;
};

struct PricedLine
{
    /// max(0, item price + Σ price_delta).
    Money unitPrice = 0;
    /// In the item's group order, then the group's option order, whatever order was sent.
    QList<PricedOption> options;
};

/// Prices one order line of `item` with the chosen options. `groups` must hold the groups the
/// item names (others may be there too). Refusals: an option twice, an option not in one of the
/// item's groups, a group's min/max not met -> VALIDATION_FAILED naming `field`; a chosen
/// option that is switched off -> OPTION_UNAVAILABLE with `details.option_ids`.
[[nodiscard]] Result<PricedLine> priceLine(const Item &item, const QList<OptionGroup> &groups,
                                           const QList<qint64> &optionIds,
                                           const QString &field = QStringLiteral("options"));

QJsonObject toJson(const PricedOption &option);
QJsonArray toJson(const QList<PricedOption> &options);
/// Reads `[{id, group, name, price_delta}]` (an order line's options, as stored or synced).
[[nodiscard]] Result<QList<PricedOption>> pricedOptionsFromJson(const QJsonValue &value,
                                                                const QString &path);

} // namespace tableorder::menu
