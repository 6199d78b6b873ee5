#include "billcontroller.h"

#include "apireply.h"
#include "billmodel.h"
#include "edgeapi.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::tablet {

BillController::BillController(EdgeApi &api, const MenuModel &menu, QObject *parent)
    : QObject(parent), m_api(api), m_bill(std::make_unique<BillModel>(menu))
{
    // Every change of the bill (an order, a void, a discount, a payment) changes the shares.
    connect(m_bill.get(), &BillModel::billChanged, this, &BillController::updateItemSplit);
}

BillController::~BillController() = default;

void BillController::open()
{
    m_open = true;
    refresh();
}

void BillController::close()
{
    m_open = false;
}

void BillController::refresh()
{
    QUrlQuery query;
    if (evenSplit()) {
        query.addQueryItem(u"split"_s, u"even"_s);
        query.addQueryItem(u"ways"_s, QString::number(m_ways));
    }
    // Only the newest answer counts: a slow one must not show an older bill.
    const quint64 generation = ++m_generation;
    if (!m_bill->hasVisit() && !m_loading) {
        m_loading = true;
        emit stateChanged();
    }
    m_api.get(u"/api/v1/bill"_s, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        const bool failed = !reply.ok();
        if (!failed)
            m_bill->setBill(reply.json);
        if (m_loading || failed != m_failed) {
            m_loading = false;
            m_failed = failed;
            emit stateChanged();
        }
    }, query);
}

void BillController::refreshIfOpen()
{
    if (m_open)
        refresh();
}

void BillController::onEvent(const QString &type, const QJsonObject &data)
{
    const bool carriesBill = type == u"order.voided"_s || type == u"bill.discount_added"_s
                             || type == u"payment.recorded"_s;
    const bool changesBill = carriesBill || type == u"order.created"_s || type == u"order.updated"_s
                             || type == u"table.visit_arrived"_s;
    if (!changesBill)
        return;
    // The event's bill is the edge's, shown at once; a split's shares need the edge's answer.
    if (carriesBill && data.contains(u"bill"_s) && !evenSplit()) {
        ++m_generation;
        m_bill->setBill(data.value(u"bill"_s).toObject());
        return;
    }
    refreshIfOpen();
}

void BillController::clear()
{
    ++m_generation;
    m_bill->clear();
    setWays(0);
    setByItems(false);
}

void BillController::setWays(int ways)
{
    ways = std::clamp(ways, 0, 100);
    if (ways == m_ways)
        return;
    const bool wasEven = evenSplit();
    m_ways = ways;
    emit waysChanged();
    if (m_open && (wasEven || evenSplit()))
        refresh();
    updateItemSplit();
}

void BillController::setByItems(bool byItems)
{
    if (byItems == m_byItems)
        return;
    m_byItems = byItems;
    emit byItemsChanged();
    // The even split's shares come with the bill: ask for it with them, or without.
    if (m_open && m_ways > 1)
        refresh();
    updateItemSplit();
}

QVariantMap BillController::assignments() const
{
    QVariantMap out;
    for (auto it = m_assigned.cbegin(); it != m_assigned.cend(); ++it)
        out.insert(QString::number(it.key()), it.value());
    return out;
}

int BillController::unassignedCount() const
{
    int n = 0;
    for (qint64 line : standingLines())
        n += m_assigned.contains(line) ? 0 : 1;
    return n;
}

QVariantList BillController::itemShares() const
{
    QVariantList out;
    if (m_itemState != u"ready"_s)
        return out;
    for (int person = 1; person <= m_ways; ++person) {
        const auto amount = m_itemAmounts.constFind(person);
        out.append(QVariantMap{{u"person"_s, person},
                               {u"amountText"_s, amount == m_itemAmounts.cend() ? QString() : m_bill->moneyText(*amount)}});
    }
    return out;
}

void BillController::assign(qint64 lineId, int person)
{
    if (!standingLines().contains(lineId) || person < 0 || person > m_ways)
        return;
    if (person == 0)
        m_assigned.remove(lineId);
    else
        m_assigned.insert(lineId, person);
    updateItemSplit();
}

QList<qint64> BillController::standingLines() const
{
    QList<qint64> out;
    for (const QJsonValue &value : m_bill->json().value(u"lines"_s).toArray()) {
        const QJsonObject line = value.toObject();
        if (!line.contains(u"void"_s))
            out.append(line.value(u"line_id"_s).toInteger());
    }
    return out;
}

void BillController::updateItemSplit()
{
    // Whatever was asked before no longer answers for what is on screen.
    const quint64 generation = ++m_itemGeneration;
    m_itemAmounts.clear();
    m_itemState.clear();
    const QList<qint64> standing = standingLines();
    for (auto it = m_assigned.begin(); it != m_assigned.end();) {
        if (!standing.contains(it.key()) || it.value() > m_ways)
            it = m_assigned.erase(it);
        else
            ++it;
    }
    const bool complete = !standing.isEmpty() && m_assigned.size() == standing.size();
    if (!m_byItems || m_ways < 2 || !complete || m_bill->due() <= 0) {
        emit itemSplitChanged();
        return;
    }
    // One group per person who had something (the edge refuses an empty group), in order.
    QJsonArray groups;
    QList<int> persons;
    for (int person = 1; person <= m_ways; ++person) {
        QJsonArray lines;
        for (qint64 line : standing)
            if (m_assigned.value(line) == person)
                lines.append(line);
        if (!lines.isEmpty()) {
            groups.append(lines);
            persons.append(person);
        }
    }
    m_itemState = u"asking"_s;
    emit itemSplitChanged();
    m_api.post(u"/api/v1/bill/split"_s, {{u"groups"_s, groups}}, [this, generation, persons](const ApiReply &reply) {
        if (generation != m_itemGeneration)
            return;
        if (reply.ok()) {
            const QJsonArray answer = reply.json.value(u"groups"_s).toArray();
            for (qsizetype i = 0; i < answer.size() && i < persons.size(); ++i)
                m_itemAmounts.insert(persons.at(i), answer.at(i).toObject().value(u"amount"_s).toInteger());
            m_itemState = answer.size() == persons.size() ? u"ready"_s : u"FAILED"_s;
        } else if (reply.noAnswer()) {
            m_itemState = u"NO_ANSWER"_s;
        } else if (reply.errorCode() == u"VALIDATION_FAILED"_s) {
            // The edge's bill has lines this one has not (or no longer): its events will
            // bring the change; "try again" reads it at once.
            m_itemState = u"CHANGED"_s;
        } else {
            m_itemState = reply.errorCode().isEmpty() ? u"FAILED"_s : reply.errorCode();
        }
        emit itemSplitChanged();
    });
}

} // namespace tableorder::tablet
