#include "linedraft.h"

#include "cartmodel.h"
#include "menumodel.h"
#include "money.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace tableorder::client {

LineDraft::LineDraft(const MenuModel &menu, CartModel &cart, QObject *parent)
    : QObject(parent), m_menu(menu), m_cart(cart)
{
    connect(&menu, &MenuModel::itemChanged, this, &LineDraft::onMenuItemChanged);
    connect(&menu, &MenuModel::languageChanged, this, [this] {
        emit itemChanged();
        emit selectionChanged();
    });
    connect(&menu, &MenuModel::menuChanged, this, [this] { onMenuItemChanged(m_itemId); });
    connect(&cart, &CartModel::changed, this, &LineDraft::selectionChanged);
}

bool LineDraft::start(qint64 itemId)
{
    if (!m_menu.entry(itemId))
        return false;
    m_itemId = itemId;
    m_selected.clear();
    m_quantity = 1;
    m_note.clear();
    emit itemChanged();
    emit noteChanged();
    emit selectionChanged();
    return true;
}

void LineDraft::onMenuItemChanged(qint64 itemId)
{
    if (itemId == 0 || itemId != m_itemId)
        return;
    const MenuEntry *entry = m_menu.entry(m_itemId);
    // An option that went away or became unavailable is no longer chosen.
    m_selected.removeIf([entry](qint64 id) {
        const MenuOption *o = entry ? entry->option(id) : nullptr;
        return !o || !o->available;
    });
    emit itemChanged();
    emit selectionChanged();
}

bool LineDraft::toggle(qint64 optionId)
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    const MenuOptionGroup *group = entry ? entry->groupOf(optionId) : nullptr;
    if (!group)
        return false;
    if (m_selected.contains(optionId)) {
        // A required single choice stays chosen until another replaces it.
        if (group->maxSelect == 1 && group->minSelect == 1)
            return true;
        m_selected.removeOne(optionId);
        emit selectionChanged();
        return true;
    }
    if (!entry->option(optionId)->available)
        return false;
    QList<qint64> inGroup;
    for (qint64 id : std::as_const(m_selected)) {
        if (entry->groupOf(id) == group)
            inGroup.append(id);
    }
    if (group->maxSelect == 1) {
        for (qint64 id : inGroup)
            m_selected.removeOne(id);
    } else if (inGroup.size() >= group->maxSelect) {
        return false;
    }
    m_selected.append(optionId);
    emit selectionChanged();
    return true;
}

bool LineDraft::addToCart()
{
    if (!canAdd())
        return false;
    return m_cart.addLine(m_itemId, m_selected, m_note, m_quantity);
}

QString LineDraft::name() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry ? m_menu.nameOf(*entry) : QString();
}

QString LineDraft::description() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry ? m_menu.descriptionOf(*entry) : QString();
}

QUrl LineDraft::imageUrl() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry ? entry->imageUrl : QUrl();
}

QStringList LineDraft::allergens() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry ? entry->allergens : QStringList();
}

QStringList LineDraft::tags() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry ? entry->tags : QStringList();
}

bool LineDraft::orderable() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry && entry->orderable();
}

QVariantList LineDraft::groups() const
{
    QVariantList out;
    const MenuEntry *entry = m_menu.entry(m_itemId);
    if (!entry)
        return out;
    for (const MenuOptionGroup &group : entry->optionGroups) {
        QVariantList options;
        for (const MenuOption &o : group.options) {
            options.append(QVariantMap{{u"optionId"_s, o.id},
                                       {u"name"_s, m_menu.nameOf(o)},
                                       {u"priceDelta"_s, o.priceDelta},
                                       {u"deltaText"_s, m_menu.formatDelta(o.priceDelta)},
                                       {u"available"_s, o.available}});
        }
        out.append(QVariantMap{{u"groupId"_s, group.id},
                               {u"name"_s, m_menu.nameOf(group)},
                               {u"minSelect"_s, group.minSelect},
                               {u"maxSelect"_s, group.maxSelect},
                               {u"required"_s, group.required()},
                               {u"options"_s, options}});
    }
    return out;
}

QVariantList LineDraft::selectedIds() const
{
    QVariantList out;
    for (qint64 id : m_selected)
        out.append(id);
    return out;
}

QVariantMap LineDraft::groupCounts() const
{
    QVariantMap out;
    const MenuEntry *entry = m_menu.entry(m_itemId);
    if (!entry)
        return out;
    for (const MenuOptionGroup &group : entry->optionGroups)
        out.insert(QString::number(group.id), 0);
    for (qint64 id : m_selected) {
        if (const MenuOptionGroup *group = entry->groupOf(id)) {
            const QString key = QString::number(group->id);
            out.insert(key, out.value(key).toInt() + 1);
        }
    }
    return out;
}

QStringList LineDraft::missing() const
{
    QStringList out;
    const MenuEntry *entry = m_menu.entry(m_itemId);
    if (!entry)
        return out;
    for (const MenuOptionGroup &group : entry->optionGroups) {
        const auto count = std::count_if(m_selected.begin(), m_selected.end(),
                                         [&](qint64 id) { return entry->groupOf(id) == &group; });
        if (count < group.minSelect)
            out.append(m_menu.nameOf(group));
    }
    return out;
}

qint64 LineDraft::unitPrice() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry ? entry->unitPrice(m_selected) : 0;
}

QString LineDraft::unitPriceText() const
{
    return formatMoney(unitPrice(), m_menu.currency());
}

QString LineDraft::totalText() const
{
    return formatMoney(unitPrice() * m_quantity, m_menu.currency());
}

bool LineDraft::canAdd() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    return entry && entry->orderable() && entry->selectionValid(m_selected)
           && entry->unavailableOptions(m_selected).isEmpty() && m_quantity >= 1 && m_quantity <= maxQuantity();
}

void LineDraft::setNote(const QString &note)
{
    const QString cut = note.left(CartModel::maxNoteLength);
    if (cut == m_note)
        return;
    m_note = cut;
    emit noteChanged();
}

int LineDraft::noteLimit() const
{
    return CartModel::maxNoteLength;
}

void LineDraft::setQuantity(int quantity)
{
    quantity = std::clamp(quantity, 1, std::max(1, maxQuantity()));
    if (quantity == m_quantity)
        return;
    m_quantity = quantity;
    emit selectionChanged();
}

int LineDraft::maxQuantity() const
{
    const MenuEntry *entry = m_menu.entry(m_itemId);
    if (!entry)
        return 0;
    int room = CartModel::maxQuantity;
    if (entry->stock)
        room = std::min(room, *entry->stock - m_cart.quantityOf(m_itemId));
    return std::max(0, room);
}

} // namespace tableorder::client
