#include "cartmodel.h"

#include "menumodel.h"
#include "money.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tableorder::client {

namespace {
constexpr int maxQuantity = 100; // the edge's limit per line
}

CartModel::CartModel(const MenuModel &menu, QObject *parent) : QAbstractListModel(parent), m_menu(menu)
{
    connect(&menu, &MenuModel::availabilityChanged, this, [this](qint64 itemId) {
        const qsizetype row = rowOf(itemId);
        if (row < 0)
            return;
        emit dataChanged(index(int(row)), index(int(row)));
        emit changed();
    });
    connect(&menu, &MenuModel::menuChanged, this, &CartModel::refresh);
    m_restoreWindow.setSingleShot(true);
    connect(&m_restoreWindow, &QTimer::timeout, this, &CartModel::forgetDiscarded);
}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const Line &line = m_lines.at(index.row());
    const auto entry = m_menu.find(line.itemId);
    switch (role) {
    case IdRole: return line.itemId;
    case NameRole: return entry ? entry->name : QString();
    case QuantityRole: return line.quantity;
    case UnitPriceTextRole: return entry ? formatMoney(entry->price, m_menu.currency()) : QString();
    case LineTotalTextRole: return entry ? formatMoney(entry->price * line.quantity, m_menu.currency()) : QString();
    case AvailableRole: return entry && entry->available;
    case ThumbnailUrlRole: return entry ? entry->thumbnailUrl : QUrl();
    default: return {};
    }
}

QHash<int, QByteArray> CartModel::roleNames() const
{
    return {{IdRole, "itemId"},          {NameRole, "name"},
            {QuantityRole, "quantity"},  {UnitPriceTextRole, "unitPriceText"},
            {LineTotalTextRole, "lineTotalText"}, {AvailableRole, "available"},
            {ThumbnailUrlRole, "thumbnailUrl"}};
}

qsizetype CartModel::rowOf(qint64 itemId) const
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).itemId == itemId)
            return i;
    }
    return -1;
}

bool CartModel::add(qint64 itemId)
{
    const auto entry = m_menu.find(itemId);
    if (!entry || !entry->available)
        return false;
    const qsizetype row = rowOf(itemId);
    if (row >= 0) {
        if (m_lines[row].quantity >= maxQuantity)
            return false;
        ++m_lines[row].quantity;
        emit dataChanged(index(int(row)), index(int(row)));
    } else {
        beginInsertRows({}, int(m_lines.size()), int(m_lines.size()));
        m_lines.append({itemId, 1});
        endInsertRows();
    }
    forgetDiscarded(); // a new cart: what was emptied stays gone
    emit changed();
    return true;
}

void CartModel::decrement(qint64 itemId)
{
    const qsizetype row = rowOf(itemId);
    if (row < 0)
        return;
    if (m_lines[row].quantity <= 1)
        return remove(itemId);
    --m_lines[row].quantity;
    emit dataChanged(index(int(row)), index(int(row)));
    emit changed();
}

void CartModel::remove(qint64 itemId)
{
    const qsizetype row = rowOf(itemId);
    if (row < 0)
        return;
    beginRemoveRows({}, int(row), int(row));
    m_lines.removeAt(row);
    endRemoveRows();
    emit changed();
}

void CartModel::clear()
{
    forgetDiscarded();
    beginResetModel();
    m_lines.clear();
    endResetModel();
    setNote({});
    emit changed();
}

void CartModel::discard()
{
    if (m_lines.isEmpty())
        return;
    Discarded discarded{m_lines, m_note};
    clear();
    m_discarded = std::move(discarded);
    m_restoreWindow.start(kRestoreMs);
    emit restorableChanged();
}

bool CartModel::restore()
{
    if (!m_discarded || !m_lines.isEmpty())
        return false;
    Discarded discarded = std::move(*m_discarded);
    forgetDiscarded();
    beginResetModel();
    m_lines = std::move(discarded.lines);
    m_lines.removeIf([this](const Line &line) { return !m_menu.find(line.itemId); }); // left the menu since
    endResetModel();
    setNote(discarded.note);
    emit changed();
    return true;
}

void CartModel::forgetDiscarded()
{
    m_restoreWindow.stop();
    if (!m_discarded)
        return;
    m_discarded.reset();
    emit restorableChanged();
}

int CartModel::quantityOf(qint64 itemId) const
{
    const qsizetype row = rowOf(itemId);
    return row < 0 ? 0 : m_lines.at(row).quantity;
}

int CartModel::totalQuantity() const
{
    int sum = 0;
    for (const Line &line : m_lines)
        sum += line.quantity;
    return sum;
}

qint64 CartModel::total() const
{
    qint64 sum = 0;
    for (const Line &line : m_lines) {
        if (const auto entry = m_menu.find(line.itemId))
            sum += entry->price * line.quantity;
    }
    return sum;
}

QString CartModel::totalText() const
{
    return formatMoney(total(), m_menu.currency());
}

bool CartModel::isOrderable() const
{
    if (m_lines.isEmpty())
        return false;
    return std::all_of(m_lines.begin(), m_lines.end(), [this](const Line &line) {
        const auto entry = m_menu.find(line.itemId);
        return entry && entry->available;
    });
}

void CartModel::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    emit noteChanged();
}

QJsonArray CartModel::orderItems() const
{
    QJsonArray items;
    for (const Line &line : m_lines)
        items.append(QJsonObject{{u"menu_item_id"_s, line.itemId}, {u"quantity"_s, line.quantity}});
    return items;
}

void CartModel::refresh()
{
    // Items that left the menu leave the cart; the rest are re-read by data().
    beginResetModel();
    m_lines.removeIf([this](const Line &line) { return !m_menu.find(line.itemId); });
    endResetModel();
    emit changed();
}

} // namespace tableorder::client
