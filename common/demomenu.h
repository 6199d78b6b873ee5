#pragma once

#include "domain.h"

namespace tableorder {

struct DemoItem
{
    QString name;
    QString description;
    Money price = 0;
};

struct DemoCategory
{
    QString name;
    QList<DemoItem> items;
    /// The kitchen station that prepares it (the edge's demo sets it; central has none).
    QString station = QStringLiteral("kitchen");
};

/// The demo's Korean restaurant menu (5 categories, 30 items, KRW), shared by the edge's
/// and central's demo modes.
const QList<DemoCategory> &demoMenu();

} // namespace tableorder
