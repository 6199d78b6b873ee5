#include "orderbodies.h"

#include <algorithm>
#include <array>

namespace tableorder::bench {

OrderBodies::OrderBodies(QList<OrderableItem> items, int maxLines, int optionsPerLine, quint64 seed)
    : m_items(std::move(items))
    , m_maxLines(std::max(1, maxLines))
    , m_optionsPerLine(std::max(0, optionsPerLine))
    , m_random(std::array<quint32, 2> { quint32(seed), quint32(seed >> 32) }.data(), 2)
{
    Q_ASSERT(!m_items.isEmpty());
}

QByteArray OrderBodies::uuid()
{
    quint64 high = m_random.generate64();
    quint64 low = m_random.generate64();
    high = (high & ~quint64(0xF000)) | 0x4000; // version 4
    low = (low & ~(quint64(0xC) << 60)) | (quint64(0x8) << 60); // RFC 4122 variant
    QByteArray hex = QByteArray::number(high, 16).rightJustified(16, '0')
        + QByteArray::number(low, 16).rightJustified(16, '0');
    hex.insert(20, '-');
    hex.insert(16, '-');
    hex.insert(12, '-');
    hex.insert(8, '-');
    return hex;
}

QByteArray OrderBodies::next()
{
    const int lines = std::min<int>(int(m_items.size()), 1 + int(m_random.bounded(m_maxLines)));
    QList<int> chosen;
    while (chosen.size() < lines) {
        const int index = int(m_random.bounded(int(m_items.size())));
        if (!chosen.contains(index))
            chosen.append(index);
    }
    QByteArray body = R"({"client_order_id":")" + uuid() + R"(","items":[)";
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        if (i)
            body += ',';
        const OrderableItem &item = m_items.at(chosen.at(i));
        body += R"({"menu_item_id":)" + QByteArray::number(item.id) + R"(,"quantity":)"
            + QByteArray::number(1 + m_random.bounded(3));
        if (m_optionsPerLine > 0) {
            body += R"(,"options":[)";
            for (int g = 0; g < m_optionsPerLine; ++g) {
                const QList<qint64> &group = item.optionGroups.at(g);
                body += (g ? "," : "") + QByteArray::number(group.at(m_random.bounded(int(group.size()))));
            }
            body += ']';
        }
        body += '}';
    }
    body += "]}";
    return body;
}

} // namespace tableorder::bench
