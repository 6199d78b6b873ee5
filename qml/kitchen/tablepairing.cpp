#include "tablepairing.h"

#include "apireply.h"
#include "edgeapi.h"
#include "pairinglink.h"
#include "tablelistmodel.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

namespace {

/// "AB:CD:…" in lines of 8 pairs, so it breaks between pairs and reads off in four chunks.
QString displayFingerprint(const QString &hex)
{
    QStringList lines;
    for (qsizetype i = 0; i < hex.size(); i += 16) {
        QStringList pairs;
        for (qsizetype j = i; j + 1 < std::min(hex.size(), i + 16); j += 2)
            pairs.append(hex.mid(j, 2).toUpper());
        lines.append(pairs.join(u':'));
    }
    return lines.join(u":\n"_s);
}

} // namespace

TablePairing::TablePairing(EdgeApi &api, const TableListModel &tables, QObject *parent)
    : QObject(parent), m_api(api), m_tables(tables)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        emit tick();
        if (secondsLeft() == 0)
            m_ticker.stop();
    });
}

int TablePairing::secondsLeft() const
{
    if (m_link.isEmpty())
        return 0;
    const qint64 ms = m_expiresAtMs - QDateTime::currentMSecsSinceEpoch();
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

bool TablePairing::next()
{
    const int current = m_tableNumber;
    qint64 bestId = 0;
    int bestNumber = 0;
    for (int row = 0; row < m_tables.rowCount(); ++row) {
        const QModelIndex index = m_tables.index(row);
        const int number = m_tables.data(index, TableListModel::NumberRole).toInt();
        if (number > current && (bestId == 0 || number < bestNumber)) {
            bestId = m_tables.data(index, TableListModel::IdRole).toLongLong();
            bestNumber = number;
        }
    }
    if (bestId == 0)
        return false;
    request(bestId);
    return true;
}

void TablePairing::clear()
{
    // A code shown and not used is voided, so a photo of it pairs nothing later.
    if (m_tableId != 0 && !m_link.isEmpty() && !expired())
        m_api.cancelPairingCode(m_tableId, m_code, [](const ApiReply &) {});
    ++m_request; // an answer still on its way is dropped
    m_ticker.stop();
    m_busy = false;
    m_error.clear();
    m_tableId = 0;
    m_tableNumber = 0;
    m_link.clear();
    m_code.clear();
    m_edgeUrl.clear();
    m_fingerprint.clear();
    m_warning.clear();
    emit changed();
    emit tick();
}

void TablePairing::request(qint64 tableId)
{
    clear();
    m_busy = true;
    m_tableId = tableId;
    emit changed();
    const quint64 request = m_request;
    m_api.createPairingCode(tableId, [this, request](const ApiReply &reply) {
        if (request != m_request)
            return;
        m_busy = false;
        if (!reply.ok()) {
            m_error = reply.noAnswer() ? tr("Cannot reach the edge: try again.")
                                       : tr("The edge refused: %1").arg(reply.errorMessage());
            emit changed();
            return;
        }
        const QJsonObject body = reply.json;
        QStringList edgeUrls;
        for (const QJsonValue &url : body.value(u"edge_urls"_s).toArray())
            edgeUrls.append(url.toString());
        PairingLink link;
        link.edge = PairingLink::edgeForTablets(m_api.baseUrl(), edgeUrls);
        link.fingerprint = body.value(u"fingerprint_sha256"_s).toString();
        link.tableNumber = body.value(u"table"_s).toObject().value(u"number"_s).toInt();
        link.code = body.value(u"code"_s).toString();
        m_tableNumber = link.tableNumber;
        m_code = body.value(u"code_display"_s).toString();
        m_edgeUrl = link.edge.toString();
        m_fingerprint = displayFingerprint(link.fingerprint);
        m_link = link.toString();
        const QHostAddress host(link.edge.host());
        if (link.edge.host() == u"localhost"_s || (!host.isNull() && host.isLoopback()))
            m_warning = tr("The edge answers on this machine only (%1): tablets cannot reach it. "
                           "Start it with --listen 0.0.0.0:PORT.").arg(m_edgeUrl);
        m_expiresAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(body.value(u"expires_in"_s).toInt()) * 1000;
        m_ticker.start();
        emit changed();
        emit tick();
    });
}

} // namespace tableorder::kitchen
