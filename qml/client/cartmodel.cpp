#include "cartmodel.h"

#include "menumodel.h"
#include "money.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tableorder::client {

CartModel::CartModel(const MenuModel &menu, QObject *parent) : QAbstractListModel(parent), m_menu(menu)
{
    connect(&menu, &MenuModel::itemChanged, this, [this](qint64 itemId) {
        bool any = false;
        for (qsizetype row = 0; row < m_lines.size(); ++row) {
            if (m_lines.at(row).itemId == itemId) {
                emit dataChanged(index(int(row)), index(int(row)));
                any = true;
            }
        }
        if (any)
            emit changed();
    });
    connect(&menu, &MenuModel::languageChanged, this, [this] {
        if (!m_lines.isEmpty())
            emit dataChanged(index(0), index(int(m_lines.size()) - 1), {NameRole, OptionsTextRole});
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
    const MenuEntry *entry = m_menu.entry(line.itemId);
    const qint64 unit = entry ? entry->unitPrice(line.optionIds) : 0;
    switch (role) {
    case IdRole: return line.itemId;
    case NameRole: return entry ? m_menu.nameOf(*entry) : QString();
    case QuantityRole: return line.quantity;
    case UnitPriceTextRole: return entry ? formatMoney(unit, m_menu.currency()) : QString();
    case LineTotalTextRole: return entry ? formatMoney(unit * line.quantity, m_menu.currency()) : QString();
    case AvailableRole: return problemOf(line) == Problem::None;
    case ThumbnailUrlRole: return entry ? entry->thumbnailUrl : QUrl();
    case OptionsTextRole: {
        if (!entry)
            return QString();
        QStringList parts;
        for (qint64 id : line.optionIds) {
            if (const MenuOption *o = entry->option(id)) {
                const QString delta = m_menu.formatDelta(o->priceDelta);
                // A no-break space: the price stays with its option when the line wraps.
                parts.append(delta.isEmpty() ? m_menu.nameOf(*o) : u"%1\u00A0%2"_s.arg(m_menu.nameOf(*o), delta));
            }
        }
        return parts.join(u" · "_s);
    }
    case LineNoteRole: return line.note;
    case ProblemRole: return int(problemOf(line));
    default: return {};
    }
}

QHash<int, QByteArray> CartModel::roleNames() const
{
    return {{IdRole, "itemId"},
            {NameRole, "name"},
            {QuantityRole, "quantity"},
            {UnitPriceTextRole, "unitPriceText"},
            {LineTotalTextRole, "lineTotalText"},
            {AvailableRole, "available"},
            {ThumbnailUrlRole, "thumbnailUrl"},
            {OptionsTextRole, "optionsText"},
            {LineNoteRole, "lineNote"},
            {ProblemRole, "problem"}};
}

qsizetype CartModel::rowOf(qint64 itemId) const
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).itemId == itemId)
            return i;
    }
    return -1;
}

CartModel::Problem CartModel::problemOf(const Line &line) const
{
    const MenuEntry *entry = m_menu.entry(line.itemId);
    if (!entry || !entry->available)
        return Problem::SoldOut;
    if (!entry->availableNow)
        return Problem::Hours;
    if (!entry->selectionValid(line.optionIds))
        return Problem::Options;
    if (!entry->unavailableOptions(line.optionIds).isEmpty())
        return Problem::OptionUnavailable;
    return Problem::None;
}

CartModel::Problem CartModel::problemAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? problemOf(m_lines.at(row)) : Problem::None;
}

bool CartModel::stockAllows(qint64 itemId, int more) const
{
    const MenuEntry *entry = m_menu.entry(itemId);
    return entry && (!entry->stock || quantityOf(itemId) + more <= *entry->stock);
}

bool CartModel::add(qint64 itemId)
{
    return addLine(itemId, {}, {});
}

bool CartModel::addLine(qint64 itemId, QList<qint64> optionIds, const QString &note, int quantity)
{
    const MenuEntry *entry = m_menu.entry(itemId);
    if (!entry || !entry->orderable() || quantity < 1 || note.size() > maxNoteLength)
        return false;
    std::sort(optionIds.begin(), optionIds.end());
    if (!entry->selectionValid(optionIds) || !entry->unavailableOptions(optionIds).isEmpty())
        return false;
    if (!stockAllows(itemId, quantity))
        return false;
    const QString trimmed = note.trimmed();
    for (qsizetype row = 0; row < m_lines.size(); ++row) {
        Line &line = m_lines[row];
        if (line.itemId != itemId || line.optionIds != optionIds || line.note != trimmed)
            continue;
        if (line.quantity + quantity > maxQuantity)
            return false;
        line.quantity += quantity;
        lineChanged(row);
        return true;
    }
    if (quantity > maxQuantity)
        return false;
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size()));
    m_lines.append({itemId, std::move(optionIds), trimmed, quantity});
    endInsertRows();
    forgetDiscarded(); // a new cart: what was emptied stays gone
    emit changed();
    return true;
}

void CartModel::lineChanged(qsizetype row)
{
    emit dataChanged(index(int(row)), index(int(row)));
    emit changed();
}

void CartModel::incrementRow(int row)
{
    if (row < 0 || row >= m_lines.size())
        return;
    Line &line = m_lines[row];
    if (line.quantity >= maxQuantity || problemOf(line) != Problem::None || !stockAllows(line.itemId, 1))
        return;
    ++line.quantity;
    lineChanged(row);
}

void CartModel::decrementRow(int row)
{
    if (row < 0 || row >= m_lines.size())
        return;
    if (m_lines[row].quantity <= 1)
        return removeRow(row);
    --m_lines[row].quantity;
    lineChanged(row);
}

void CartModel::removeRow(int row)
{
    if (row < 0 || row >= m_lines.size())
        return;
    beginRemoveRows({}, row, row);
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
    int sum = 0;
    for (const Line &line : m_lines)
        sum += line.itemId == itemId ? line.quantity : 0;
    return sum;
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
        if (const MenuEntry *entry = m_menu.entry(line.itemId))
            sum += entry->unitPrice(line.optionIds) * line.quantity;
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
    return std::all_of(m_lines.begin(), m_lines.end(),
                       [this](const Line &line) { return problemOf(line) == Problem::None; });
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
    for (const Line &line : m_lines) {
        QJsonObject item{{u"menu_item_id"_s, line.itemId}, {u"quantity"_s, line.quantity}};
        if (!line.optionIds.isEmpty()) {
            QJsonArray options;
            for (qint64 id : line.optionIds)
                options.append(id);
            item.insert(u"options"_s, options);
        }
        if (!line.note.isEmpty())
            item.insert(u"note"_s, line.note);
        items.append(item);
    }
    return items;
}

void CartModel::refresh()
{
    // Items that left the menu leave the cart, and lines whose options the item no longer
    // has; the rest are re-read by data().
    beginResetModel();
    m_lines.removeIf([this](const Line &line) {
        const MenuEntry *entry = m_menu.entry(line.itemId);
        return !entry || std::any_of(line.optionIds.begin(), line.optionIds.end(),
                                     [entry](qint64 id) { return !entry->option(id); });
    });
    endResetModel();
    emit changed();
}

} // namespace tableorder::client
