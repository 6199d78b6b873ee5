#include "billmodel.h"

#include "menumodel.h"
#include "money.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tableorder::tablet {

BillModel::BillModel(const client::MenuModel &menu, QObject *parent) : QAbstractListModel(parent), m_menu(menu) {}

void BillModel::setBill(const QJsonObject &bill)
{
    beginResetModel();
    m_bill = bill;
    m_lines.clear();
    for (const QJsonValue &line : bill.value(u"lines"_s).toArray())
        m_lines.append(line.toObject());
    endResetModel();
    emit billChanged();
}

void BillModel::refreshNames()
{
    if (!m_lines.isEmpty())
        emit dataChanged(index(0), index(int(m_lines.size()) - 1), {NameRole, OptionsTextRole});
}

void BillModel::clear()
{
    setBill({});
}

int BillModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant BillModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const QJsonObject &line = m_lines.at(index.row());
    const QJsonObject origin = line.value(u"added_by"_s).toObject();
    const QJsonObject voided = line.value(u"void"_s).toObject();
    const QJsonObject voidBy = voided.value(u"by"_s).toObject();
    switch (role) {
    case LineIdRole: return line.value(u"line_id"_s).toInteger();
    case NameRole: return nameOf(line);
    case OptionsTextRole: return optionsOf(line);
    case NoteRole: return line.value(u"note"_s).toString();
    case QuantityRole: return line.value(u"quantity"_s).toInt();
    case UnitPriceTextRole: return format(line.value(u"unit_price"_s).toInteger());
    case LineTotalTextRole: return format(line.value(u"line_total"_s).toInteger());
    case OriginKindRole: return origin.value(u"kind"_s).toString();
    case OriginNameRole: return origin.value(u"name"_s).toString();
    case OriginTableRole: return origin.value(u"table_number"_s).toInt();
    case AddedTimeRole: return timeOf(line.value(u"added_at"_s));
    case VoidedRole: return line.contains(u"void"_s);
    case VoidByKindRole: return voidBy.value(u"kind"_s).toString();
    case VoidByNameRole: return voidBy.value(u"name"_s).toString();
    case VoidTimeRole: return timeOf(voided.value(u"at"_s));
    case VoidReasonRole: return voided.value(u"reason"_s).toString();
    }
    return {};
}

QHash<int, QByteArray> BillModel::roleNames() const
{
    return {{LineIdRole, "lineId"},         {NameRole, "name"},
            {OptionsTextRole, "optionsText"}, {NoteRole, "note"},
            {QuantityRole, "quantity"},     {UnitPriceTextRole, "unitPriceText"},
            {LineTotalTextRole, "lineTotalText"}, {OriginKindRole, "originKind"},
            {OriginNameRole, "originName"}, {OriginTableRole, "originTable"},
            {AddedTimeRole, "addedTime"},   {VoidedRole, "voided"},
            {VoidByKindRole, "voidByKind"}, {VoidByNameRole, "voidByName"},
            {VoidTimeRole, "voidTime"},     {VoidReasonRole, "voidReason"}};
}

bool BillModel::hasVisit() const
{
    return m_bill.value(u"session_id"_s).toInteger() > 0;
}

qint64 BillModel::due() const
{
    return m_bill.value(u"due"_s).toInteger();
}

qint64 BillModel::paid() const
{
    return m_bill.value(u"paid"_s).toInteger();
}

QVariantList BillModel::discounts() const
{
    QVariantList out;
    for (const QJsonValue &value : m_bill.value(u"discounts"_s).toArray()) {
        const QJsonObject d = value.toObject();
        out.append(QVariantMap{{u"kind"_s, d.value(u"kind"_s).toString()},
                               {u"value"_s, d.value(u"value"_s).toInteger()},
                               {u"amountText"_s, format(d.value(u"amount"_s).toInteger())},
                               {u"reason"_s, d.value(u"reason"_s).toString()}});
    }
    return out;
}

QVariantList BillModel::payments() const
{
    QVariantList out;
    for (const QJsonValue &value : m_bill.value(u"payments"_s).toArray()) {
        const QJsonObject p = value.toObject();
        out.append(QVariantMap{{u"method"_s, p.value(u"method"_s).toString()},
                               {u"amountText"_s, format(p.value(u"amount"_s).toInteger())},
                               {u"time"_s, timeOf(p.value(u"at"_s))}});
    }
    return out;
}

QStringList BillModel::shareTexts() const
{
    QStringList out;
    for (const QJsonValue &share : m_bill.value(u"split"_s).toObject().value(u"shares"_s).toArray())
        out.append(format(share.toInteger()));
    return out;
}

int BillModel::splitWays() const
{
    return m_bill.value(u"split"_s).toObject().value(u"ways"_s).toInt();
}

QString BillModel::timeOf(const QJsonValue &timestamp) const
{
    return clockTime(QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs));
}

QString BillModel::clockTime(const QDateTime &at) const
{
    if (!at.isValid())
        return {};
    const QTimeZone zone = m_menu.timeZone();
    return (zone.isValid() ? at.toTimeZone(zone) : at.toLocalTime()).toString(u"HH:mm"_s);
}

QString BillModel::money(QStringView field) const
{
    return format(m_bill.value(field).toInteger());
}

QString BillModel::format(qint64 amount) const
{
    return client::formatMoney(amount, m_menu.currency());
}

QString BillModel::nameOf(const QJsonObject &line) const
{
    // The dish's name in the guests' language while the menu still has it; the name it was
    // ordered under otherwise.
    if (const client::MenuEntry *entry = m_menu.entry(line.value(u"menu_item_id"_s).toInteger()))
        return m_menu.nameOf(*entry);
    return line.value(u"name"_s).toString();
}

QString BillModel::optionsOf(const QJsonObject &line) const
{
    const client::MenuEntry *entry = m_menu.entry(line.value(u"menu_item_id"_s).toInteger());
    QStringList names;
    for (const QJsonValue &value : line.value(u"options"_s).toArray()) {
        const QJsonObject option = value.toObject();
        const client::MenuOption *known = entry ? entry->option(option.value(u"id"_s).toInteger()) : nullptr;
        names.append(known ? m_menu.nameOf(*known) : option.value(u"name"_s).toString());
    }
    return names.join(u", "_s);
}

} // namespace tableorder::tablet
