#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

#include <functional>

namespace tableorder::client {
class EdgeApi;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::kitchen {

/// The manager's menu editor (standalone store): categories, items, option groups, their
/// translations, allergens, tags, hours, stock, pictures and display order, through the
/// edge's menu endpoints. Forms come from QML as maps of what the manager typed; they are
/// checked here before anything is sent, and a refusal from the edge is turned into a
/// sentence in the app's language (`error`). After every change the menu is read again, so
/// what the lists show is what the edge has.
class MenuEditor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// Why the last save or delete did not happen (validation or the edge's refusal); empty
    /// when the last one went through.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// What the last change did ("Saved."), for a short confirmation.
    Q_PROPERTY(QString notice READ notice NOTIFY errorChanged)
    /// [{id, name, displayOrder, station, itemCount, translations, hours}] in display order.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY changed)
    Q_PROPERTY(qint64 selectedCategoryId READ selectedCategoryId WRITE setSelectedCategoryId NOTIFY changed)
    /// The selected category's items: [{id, name, priceText, available, stock, thumbnailUrl, ...}].
    Q_PROPERTY(QVariantList categoryItems READ categoryItems NOTIFY changed)
    /// The store's option groups: [{id, name, minSelect, maxSelect, options:[...], usedBy}].
    Q_PROPERTY(QVariantList groups READ groups NOTIFY changed)
    /// [{code, label}] of Korea's allergen list and of the tags, labels in the app's language.
    Q_PROPERTY(QVariantList allergenChoices READ allergenChoices NOTIFY labelsChanged)
    Q_PROPERTY(QVariantList tagChoices READ tagChoices NOTIFY labelsChanged)
public:
    explicit MenuEditor(client::EdgeApi &api, QObject *parent = nullptr);

    /// Reads the menu and the option groups again.
    Q_INVOKABLE void reload();
    /// Takes a menu (`GET /api/v1/menu`) and the groups (`GET /api/v1/menu/option-groups`).
    void load(const QJsonObject &menu, const QJsonArray &groups);

    /// A form for a category/item/group: the stored one by id, or an empty one (id 0).
    Q_INVOKABLE QVariantMap categoryForm(qint64 id) const;
    Q_INVOKABLE QVariantMap itemForm(qint64 id) const;
    Q_INVOKABLE QVariantMap groupForm(qint64 id) const;

    /// What is wrong with a form, in words for the manager; empty when it can be sent.
    Q_INVOKABLE QString checkCategory(const QVariantMap &form) const;
    Q_INVOKABLE QString checkItem(const QVariantMap &form) const;
    Q_INVOKABLE QString checkGroup(const QVariantMap &form) const;

    /// Checks, then creates (id 0) or replaces; `saved(kind, id)` on success.
    Q_INVOKABLE bool saveCategory(const QVariantMap &form);
    Q_INVOKABLE bool saveItem(const QVariantMap &form);
    Q_INVOKABLE bool saveGroup(const QVariantMap &form);
    Q_INVOKABLE void deleteCategory(qint64 id);
    Q_INVOKABLE void deleteItem(qint64 id);
    Q_INVOKABLE void deleteGroup(qint64 id);
    /// Moves a category (or an item within its category) one place up (-1) or down (+1).
    Q_INVOKABLE void moveCategory(qint64 id, int delta);
    Q_INVOKABLE void moveItem(qint64 id, int delta);
    /// Uploads a picture file (JPEG, PNG or WebP, at most 2 MiB) as the item's picture.
    Q_INVOKABLE void uploadPicture(qint64 itemId, const QUrl &file);
    Q_INVOKABLE QString formatPrice(qint64 won) const;
    Q_INVOKABLE void clearError();

    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString notice() const { return m_notice; }
    [[nodiscard]] QVariantList categories() const;
    [[nodiscard]] qint64 selectedCategoryId() const { return m_selectedCategory; }
    void setSelectedCategoryId(qint64 id);
    [[nodiscard]] QVariantList categoryItems() const;
    [[nodiscard]] QVariantList groups() const;
    [[nodiscard]] QVariantList allergenChoices() const;
    [[nodiscard]] QVariantList tagChoices() const;

    /// The sentence shown for a refusal (or no answer) from the edge to a change of a
    /// `kind` ("category", "item", "group", "picture", "order").
    [[nodiscard]] static QString describeRefusal(const client::ApiReply &reply, const QString &kind = {});
    /// Call when the app's language changes (labels are translated).
    void retranslate() { emit labelsChanged(); }

signals:
    void changed();
    void busyChanged();
    void errorChanged();
    void labelsChanged();
    /// kind: "category", "item" or "group".
    void saved(const QString &kind, qint64 id);
    void deleted(const QString &kind, qint64 id);

private:
    struct Request
    {
        QByteArray method;
        QString path;
        QJsonObject body;
    };
    using Done = std::function<void(const client::ApiReply &)>;

    [[nodiscard]] QJsonObject findCategory(qint64 id) const;
    [[nodiscard]] QJsonObject findItem(qint64 id) const;
    [[nodiscard]] QJsonObject findGroup(qint64 id) const;
    [[nodiscard]] QJsonArray itemsOf(qint64 categoryId) const;
    /// reload(), then `then` (also when the edge did not answer).
    void reloadThen(std::function<void()> then);
    /// Sends the requests one after another; stops at the first refusal (shown), then reads
    /// the menu again; busy until then. `done` gets the last answer when all went through.
    void run(const QString &kind, QList<Request> requests, const QString &notice, Done done = {});
    void setBusy(bool busy);
    void setError(const QString &error);
    void setNotice(const QString &notice);

    client::EdgeApi &m_api;
    QJsonObject m_menu;
    QJsonArray m_groups;
    bool m_loaded = false;
    bool m_busy = false;
    QString m_error;
    QString m_notice;
    qint64 m_selectedCategory = 0;
    quint64 m_loadSerial = 0;
};

} // namespace tableorder::kitchen
