#include "stafforder.h"

#include "apireply.h"
#include "edgeapi.h"
#include "floortext.h"
#include "menumodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

namespace {
bool needsOptions(const MenuEntry &entry)
{
    for (const MenuOptionGroup &group : entry.optionGroups) {
        if (group.required())
            return true;
    }
    return false;
}
} // namespace

StaffOrder::StaffOrder(EdgeApi &api, MenuModel &menu, QObject *parent) : QObject(parent), m_api(api), m_menu(menu)
{
    connect(&m_menu, &MenuModel::menuChanged, this, &StaffOrder::changed);
    connect(&m_menu, &MenuModel::itemChanged, this, &StaffOrder::changed);
}

void StaffOrder::begin(qint64 tableId)
{
    ++m_generation;
    m_tableId = tableId;
    m_orderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_order.clear();
    m_quantities.clear();
    m_busy = false;
    m_uncertain = false;
    m_error.clear();
    emit changed();
}

void StaffOrder::add(qint64 itemId, int delta)
{
    if (m_busy || m_uncertain)
        return; // an order on its way, or sent without an answer, stays as it was sent
    const MenuEntry *entry = m_menu.entry(itemId);
    if (!entry || needsOptions(*entry))
        return;
    const int quantity = std::clamp(m_quantities.value(itemId) + delta, 0, 99);
    if (quantity > 0 && !m_order.contains(itemId))
        m_order.append(itemId);
    m_quantities.insert(itemId, quantity);
    m_error.clear();
    emit changed();
}

QVariantList StaffOrder::items() const
{
    QVariantList out;
    qint64 category = -1;
    for (const MenuEntry &entry : m_menu.allItems()) {
        const bool first = entry.categoryId != category;
        category = entry.categoryId;
        out.append(QVariantMap{
                {u"firstInCategory"_s, first},
                {u"itemId"_s, entry.id},
                {u"categoryName"_s, entry.categoryName},
                {u"name"_s, m_menu.nameOf(entry)},
                {u"priceText"_s, wonText(entry.price, m_menu.language())},
                {u"orderable"_s, entry.orderable()},
                {u"needsOptions"_s, needsOptions(entry)},
                {u"quantity"_s, m_quantities.value(entry.id)},
        });
    }
    return out;
}

int StaffOrder::count() const
{
    int total = 0;
    for (int quantity : m_quantities)
        total += quantity;
    return total;
}

QString StaffOrder::totalText() const
{
    qint64 total = 0;
    for (auto it = m_quantities.cbegin(); it != m_quantities.cend(); ++it) {
        if (const MenuEntry *entry = m_menu.entry(it.key()))
            total += entry->price * it.value();
    }
    return wonText(total, m_menu.language());
}

void StaffOrder::send()
{
    if (m_busy || m_tableId <= 0 || count() == 0)
        return; // a second tap while the first is on its way
    QJsonArray lines;
    for (qint64 id : m_order) {
        if (const int quantity = m_quantities.value(id); quantity > 0)
            lines.append(QJsonObject{{u"menu_item_id"_s, id}, {u"quantity"_s, quantity}});
    }
    m_busy = true;
    m_error.clear();
    emit changed();
    const quint64 generation = m_generation;
    const QJsonObject body{{u"client_order_id"_s, m_orderId}, {u"items"_s, lines}};
    m_api.post(u"/api/v1/tables/%1/orders"_s.arg(m_tableId), body, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (reply.ok()) {
            m_uncertain = false;
            emit changed();
            emit placed(reply.json.value(u"table_number"_s).toInt(), reply.json.value(u"number"_s).toInt());
            return;
        }
        if (!reply.isDefinitive()) {
            // It may have been placed: the next tap sends the very same order.
            m_uncertain = true;
            m_error = tr("No answer from the edge. Tap Order again to send the same order: it is never placed twice.");
            emit changed();
            return;
        }
        // Refused: nothing was placed; the corrected order is a new attempt.
        m_uncertain = false;
        m_orderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_error = describe(reply);
        emit changed();
    });
}

QString StaffOrder::itemNames(const QJsonArray &ids) const
{
    QStringList names;
    for (const QJsonValue &id : ids) {
        if (const MenuEntry *entry = m_menu.entry(id.toInteger()))
            names.append(m_menu.nameOf(*entry));
    }
    return names.join(u", "_s);
}

QString StaffOrder::describe(const ApiReply &reply) const
{
    const QString code = reply.errorCode();
    const QJsonObject details = reply.errorDetails();
    if (code == u"ITEM_UNAVAILABLE"_s) {
        const QString names = itemNames(details.value(u"menu_item_ids"_s).toArray());
        return details.value(u"reason"_s).toString() == u"hours"_s
                ? tr("Not served at this hour: %1").arg(names)
                : tr("Sold out: %1").arg(names);
    }
    if (code == u"OUT_OF_STOCK"_s) {
        return tr("Only %1 left: %2")
                .arg(details.value(u"remaining"_s).toInteger())
                .arg(itemNames(QJsonArray{details.value(u"menu_item_id"_s)}));
    }
    if (code == u"OPTION_UNAVAILABLE"_s)
        return tr("An option is sold out");
    if (code == u"VALIDATION_FAILED"_s)
        return tr("The order is not valid: %1").arg(reply.errorMessage());
    if (code == u"FORBIDDEN"_s)
        return tr("This account may not order for a table");
    if (code == u"NOT_FOUND"_s)
        return tr("This table no longer exists");
    return tr("Refused: %1").arg(reply.errorMessage());
}

} // namespace tableorder::kitchen
