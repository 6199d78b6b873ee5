#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QString>

namespace tableorder::edge {

struct StoreSettings
{
    QString name;
    QString currency;
    QString timezone;
    int businessDayCutoffHour = 4;
    qint64 menuVersion = 1;
};

/// The single `store` row: settings and the menu version counter.
class StoreRepository
{
public:
    explicit StoreRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<StoreSettings> settings();
    [[nodiscard]] Status setName(const QString &name);
    /// Increments and returns the menu version; call inside the menu write's transaction.
    [[nodiscard]] Result<qint64> bumpMenuVersion();

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
