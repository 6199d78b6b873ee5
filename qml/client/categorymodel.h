#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tableorder::client {

/// The menu's categories in menu order, with the station that prepares each; names in
/// `language` (Korean fallback).
class CategoryModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QStringList stations READ stations NOTIFY countChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, StationRole, ItemCountRole };

    struct Category
    {
        qint64 id = 0;
        QString name;
        QString station;
        int itemCount = 0;
        QJsonObject translations;
    };

    explicit CategoryModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// The `categories` array of GET /api/v1/menu.
    void setCategories(const QJsonArray &categories);
    [[nodiscard]] const QList<Category> &categories() const { return m_categories; }
    /// Every station some category uses, plus the usual ones, sorted.
    [[nodiscard]] QStringList stations() const;
    [[nodiscard]] Q_INVOKABLE qint64 idAt(int row) const;
    void setLanguage(const QString &language);

signals:
    void countChanged();

private:
    QList<Category> m_categories;
    QString m_language = QStringLiteral("ko");
};

} // namespace tableorder::client
