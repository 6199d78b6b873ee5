#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tableorder::client {

/// GET /api/v1/tables for the manager: each table, its open session and what it has spent.
class TableListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        OpenRole,
        SessionIdRole,
        OpenedMsRole,
        OrderCountRole,
        TotalRole,
        TotalTextRole,
    };

    explicit TableListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setTables(const QJsonArray &tables);
    void setCurrency(const QString &currency) { m_currency = currency; }
    [[nodiscard]] int openCount() const;
    [[nodiscard]] QJsonObject table(qint64 id) const;

signals:
    void countChanged();

private:
    QList<QJsonObject> m_tables;
    QString m_currency = QStringLiteral("KRW");
};

} // namespace tableorder::client
