#include "tablecards.h"

#include "apireply.h"
#include "edgeapi.h"
#include "qrcodeitem.h"

#include <QDir>
#include <QJsonArray>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

namespace {

// Short instructions, one line per language (ko, en, zh, ja).
const QString instructions[] = {
        u"휴대폰 카메라로 QR을 스캔해 주문하세요"_s,
        u"Scan with your phone's camera to order"_s,
        u"用手机相机扫码点餐"_s,
        u"スマホのカメラで読み取ってご注文ください"_s,
};
const QString wifiLine[] = {
        u"인터넷이 안 되면 매장 Wi-Fi에 연결하세요"_s,
        u"No signal? Join the restaurant's Wi-Fi"_s,
        u"无法上网时请连接店内Wi-Fi"_s,
        u"つながらない時は店内Wi-Fiへ"_s,
};

void drawQr(QPainter &painter, const QRectF &target, const QString &text)
{
    const QImage matrix = ui::QrCodeItem::matrix(text);
    if (matrix.isNull())
        return;
    // Module by module as filled rectangles: sharp at any printer resolution.
    const double module = std::min(target.width(), target.height()) / matrix.width();
    const QPointF origin(target.center().x() - module * matrix.width() / 2, target.top());
    painter.fillRect(QRectF(origin, QSizeF(module * matrix.width(), module * matrix.width())), Qt::white);
    for (int y = 0; y < matrix.height(); ++y) {
        const uchar *row = matrix.constScanLine(y);
        for (int x = 0; x < matrix.width(); ++x) {
            if (row[x] == 0)
                painter.fillRect(QRectF(origin.x() + x * module, origin.y() + y * module, module + 0.02, module + 0.02),
                                 Qt::black);
        }
    }
}

void drawText(QPainter &painter, const QRectF &box, const QString &text, double pointSize, bool bold,
              Qt::Alignment align = Qt::AlignHCenter | Qt::AlignTop)
{
    QFont font(u"Noto Sans CJK KR"_s);
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    painter.setFont(font);
    painter.drawText(box, int(align) | Qt::TextWordWrap, text);
}

/// One card in `card` (device units; `mm` device units per millimetre).
void drawCard(QPainter &painter, const QRectF &card, double mm, const QJsonObject &table, const QString &storeName,
              const QString &ssid, const QString &password)
{
    painter.setPen(QPen(QColor(180, 180, 180), 0.3 * mm, Qt::DashLine));
    painter.drawRect(card); // cut line
    painter.setPen(Qt::black);
    const QRectF inner = card.adjusted(8 * mm, 8 * mm, -8 * mm, -8 * mm);
    double y = inner.top();
    drawText(painter, QRectF(inner.left(), y, inner.width(), 8 * mm), storeName, 11, false);
    y += 8 * mm;
    const int number = table.value(u"number"_s).toInt();
    drawText(painter, QRectF(inner.left(), y, inner.width(), 14 * mm), u"%1번 테이블 · Table %1"_s.arg(number), 22, true);
    y += 15 * mm;
    const double qrSide = 52 * mm;
    drawQr(painter, QRectF(inner.center().x() - qrSide / 2, y, qrSide, qrSide), table.value(u"order_url"_s).toString());
    y += qrSide + 2 * mm;
    for (const QString &line : instructions) {
        drawText(painter, QRectF(inner.left(), y, inner.width(), 5.5 * mm), line, 9, false);
        y += 5.5 * mm;
    }
    if (!ssid.isEmpty()) {
        y += 3 * mm;
        const double wifiSide = 24 * mm;
        drawQr(painter, QRectF(inner.left(), y, wifiSide, wifiSide), TableCards::wifiPayload(ssid, password));
        const QRectF textBox(inner.left() + wifiSide + 4 * mm, y, inner.width() - wifiSide - 4 * mm, wifiSide);
        QString text = u"Wi-Fi: %1"_s.arg(ssid);
        for (const QString &line : wifiLine)
            text += u'\n' + line;
        drawText(painter, textBox, text, 7.5, false, Qt::AlignLeft | Qt::AlignTop);
    }
}

QString escapeWifi(QString text)
{
    QString out;
    for (QChar c : text) {
        if (c == u'\\' || c == u';' || c == u',' || c == u':' || c == u'"')
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

TableCards::TableCards(client::EdgeApi &api, QObject *parent) : QObject(parent), m_api(api) {}

QString TableCards::wifiPayload(const QString &ssid, const QString &password)
{
    if (password.isEmpty())
        return u"WIFI:T:nopass;S:%1;;"_s.arg(escapeWifi(ssid));
    return u"WIFI:T:WPA;S:%1;P:%2;;"_s.arg(escapeWifi(ssid), escapeWifi(password));
}

bool TableCards::writePdf(const QString &path, const QJsonObject &guestTables, QString *error)
{
    const QJsonArray tables = guestTables.value(u"tables"_s).toArray();
    if (tables.isEmpty()) {
        *error = u"the store has no tables"_s;
        return false;
    }
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(300);
    pdf.setTitle(u"Table cards"_s);
    pdf.setCreator(u"tableorder"_s);
    QPainter painter;
    if (!painter.begin(&pdf)) {
        *error = u"cannot write %1"_s.arg(path);
        return false;
    }
    const double mm = pdf.resolution() / 25.4;
    const QSizeF card(105 * mm, 148.5 * mm); // A6: four to an A4 page
    const QString storeName = guestTables.value(u"store_name"_s).toString();
    const QString ssid = guestTables.value(u"wifi_ssid"_s).toString();
    const QString password = guestTables.value(u"wifi_password"_s).toString();
    for (qsizetype i = 0; i < tables.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            pdf.newPage();
        const int slot = int(i % 4);
        const QRectF where(QPointF((slot % 2) * card.width(), (slot / 2) * card.height()), card);
        drawCard(painter, where, mm, tables.at(i).toObject(), storeName, ssid, password);
    }
    painter.end();
    return true;
}

QImage TableCards::cardImage(const QJsonObject &guestTables, int index, int dpi)
{
    const double mm = dpi / 25.4;
    QImage image(int(105 * mm), int(148.5 * mm), QImage::Format_RGB32);
    image.fill(Qt::white);
    // Points are points at this resolution, as in the PDF.
    image.setDotsPerMeterX(int(dpi / 0.0254));
    image.setDotsPerMeterY(int(dpi / 0.0254));
    QPainter painter(&image);
    drawCard(painter, QRectF(0, 0, image.width(), image.height()), mm,
             guestTables.value(u"tables"_s).toArray().at(index).toObject(), guestTables.value(u"store_name"_s).toString(),
             guestTables.value(u"wifi_ssid"_s).toString(), guestTables.value(u"wifi_password"_s).toString());
    painter.end();
    return image;
}

void TableCards::renewCode(qint64 tableId)
{
    if (m_busy || tableId <= 0)
        return;
    m_busy = true;
    m_error.clear();
    emit changed();
    m_api.post(u"/api/v1/tables/%1/guest-code"_s.arg(tableId), QJsonObject(), [this](const client::ApiReply &reply) {
        m_busy = false;
        if (!reply.ok())
            m_error = reply.errorCode().isEmpty() ? u"HTTP_%1"_s.arg(reply.status) : reply.errorCode();
        else
            m_renewedTable = reply.json.value(u"number"_s).toInt();
        emit changed();
    });
}

void TableCards::openToPhones(qint64 tableId)
{
    if (m_busy || tableId <= 0)
        return;
    m_busy = true;
    m_error.clear();
    emit changed();
    m_api.post(u"/api/v1/tables/%1/guest-visit"_s.arg(tableId), QJsonObject(), [this, tableId](const client::ApiReply &reply) {
        m_busy = false;
        if (!reply.ok())
            m_error = reply.errorCode().isEmpty() ? u"HTTP_%1"_s.arg(reply.status) : reply.errorCode();
        else
            m_openedTableId = tableId;
        emit changed();
    });
}

void TableCards::save(const QString &path)
{
    if (m_busy)
        return;
    QString target = path;
    if (target.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QDir().mkpath(dir);
        target = QDir(dir).filePath(u"tableorder-table-cards.pdf"_s);
    }
    m_busy = true;
    m_error.clear();
    emit changed();
    m_api.get(u"/api/v1/guest-tables"_s, [this, target](const client::ApiReply &reply) {
        m_busy = false;
        QString error;
        if (!reply.ok())
            m_error = reply.errorCode().isEmpty() ? u"HTTP_%1"_s.arg(reply.status) : reply.errorCode();
        else if (!writePdf(target, reply.json, &error))
            m_error = error;
        else
            m_savedPath = target;
        emit changed();
    });
}

} // namespace tableorder::kitchen
