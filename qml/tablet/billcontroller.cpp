#include "billcontroller.h"

#include "apireply.h"
#include "billmodel.h"
#include "edgeapi.h"

#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::tablet {

BillController::BillController(EdgeApi &api, const MenuModel &menu, QObject *parent)
    : QObject(parent), m_api(api), m_bill(std::make_unique<BillModel>(menu))
{
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
    if (m_ways > 1) {
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
    if (carriesBill && data.contains(u"bill"_s) && m_ways <= 1) {
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
}

void BillController::setWays(int ways)
{
    ways = std::clamp(ways, 0, 100);
    if (ways == m_ways)
        return;
    m_ways = ways;
    emit waysChanged();
    if (m_open)
        refresh();
}

} // namespace tableorder::tablet
