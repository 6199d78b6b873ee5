#include "printercontroller.h"

#include "apireply.h"
#include "edgeapi.h"

#include <QRegularExpression>
#include <QVariantMap>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

PrinterController::PrinterController(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api) {}

void PrinterController::setLanguage(const QString &language)
{
    m_language = language;
    emit printersChanged();
}

QString PrinterController::statusText(const QString &status) const
{
    if (status == u"ok"_s)
        return ko() ? u"정상"_s : u"OK"_s;
    if (status == u"paper_out"_s)
        return ko() ? u"용지 없음"_s : u"Out of paper"_s;
    if (status == u"cover_open"_s)
        return ko() ? u"덮개 열림"_s : u"Cover open"_s;
    if (status == u"offline"_s)
        return ko() ? u"연결 끊김"_s : u"Offline"_s;
    return ko() ? u"확인 중"_s : u"Checking"_s;
}

QString PrinterController::adviceText(const QString &status) const
{
    if (status == u"paper_out"_s)
        return ko() ? u"용지를 넣어 주세요. 대기 중인 주문은 자동으로 인쇄됩니다."_s
                    : u"Load a new roll; waiting tickets print by themselves."_s;
    if (status == u"cover_open"_s)
        return ko() ? u"덮개를 닫아 주세요."_s : u"Close the cover."_s;
    if (status == u"offline"_s)
        return ko() ? u"전원과 네트워크 케이블을 확인해 주세요."_s : u"Check its power and network cable."_s;
    return {};
}

QString PrinterController::refusal(const ApiReply &reply) const
{
    if (reply.noAnswer())
        return ko() ? u"엣지 서버 응답 없음"_s : u"No answer from the edge"_s;
    const QString field = reply.errorDetails().value(u"field"_s).toString();
    if (reply.errorCode() == u"VALIDATION_FAILED"_s) {
        if (field == u"port"_s)
            return ko() ? u"포트는 1–65535 사이여야 합니다 (보통 9100)"_s : u"Port must be 1–65535 (usually 9100)"_s;
        if (field == u"host"_s)
            return ko() ? u"IP 주소 또는 호스트 이름을 입력해 주세요"_s : u"Enter an IP address or host name"_s;
        if (field == u"name"_s)
            return ko() ? u"이름을 입력해 주세요"_s : u"Enter a name"_s;
        if (field == u"stations"_s)
            return ko() ? u"스테이션 이름은 영문 소문자로 (예: kitchen, bar)"_s
                        : u"Station names are lower-case letters (kitchen, bar)"_s;
    }
    return reply.errorMessage();
}

void PrinterController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void PrinterController::setNotice(const QString &text)
{
    m_notice = text;
    emit noticeChanged();
}

void PrinterController::refresh()
{
    m_api.get(u"/api/v1/printers"_s, [this](const ApiReply &reply) {
        if (!reply.ok())
            return;
        m_printers = reply.json.value(u"printers"_s).toArray();
        emit printersChanged();
    });
    m_api.get(u"/api/v1/stations"_s, [this](const ApiReply &reply) {
        if (!reply.ok())
            return;
        m_stations = reply.json.value(u"stations"_s).toArray();
        emit stationsChanged();
    });
}

void PrinterController::save(qint64 id, const QString &name, const QString &host, int port, int paperMm,
                             const QString &encoding, const QString &stations)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    const QStringList names = stations.split(separators, Qt::SkipEmptyParts);
    const QJsonObject body{{u"name"_s, name.trimmed()}, {u"host"_s, host.trimmed()}, {u"port"_s, port},
                           {u"paper_mm"_s, paperMm}, {u"encoding"_s, encoding},
                           {u"stations"_s, QJsonArray::fromStringList(names)}};
    setBusy(true);
    auto done = [this](const ApiReply &reply) {
        setBusy(false);
        setNotice(reply.ok() ? (ko() ? u"저장했습니다"_s : u"Saved"_s) : refusal(reply));
        refresh();
    };
    if (id > 0)
        m_api.send("PUT", u"/api/v1/printers/%1"_s.arg(id), body, done);
    else
        m_api.post(u"/api/v1/printers"_s, body, done);
}

void PrinterController::remove(qint64 id)
{
    setBusy(true);
    m_api.send("DELETE", u"/api/v1/printers/%1"_s.arg(id), {}, [this](const ApiReply &reply) {
        setBusy(false);
        setNotice(reply.ok() ? (ko() ? u"삭제했습니다"_s : u"Removed"_s) : refusal(reply));
        refresh();
    });
}

void PrinterController::testPrint(qint64 id)
{
    m_api.post(u"/api/v1/printers/%1/test"_s.arg(id), {}, [this](const ApiReply &reply) {
        setNotice(reply.ok() ? (ko() ? u"테스트 인쇄를 보냈습니다"_s : u"Test print sent"_s) : refusal(reply));
        refresh();
    });
}

void PrinterController::setMode(const QString &station, const QString &mode, int fallbackSeconds)
{
    m_api.send("PUT", u"/api/v1/stations/%1/mode"_s.arg(station),
               {{u"mode"_s, mode}, {u"fallback_seconds"_s, fallbackSeconds}}, [this](const ApiReply &reply) {
                   if (!reply.ok())
                       setNotice(refusal(reply));
                   refresh();
               });
}

void PrinterController::reprint(qint64 orderId)
{
    m_api.post(u"/api/v1/orders/%1/reprint"_s.arg(orderId), {}, [this](const ApiReply &reply) {
        emit message(reply.ok() ? (ko() ? u"재출력을 보냈습니다"_s : u"Reprint sent"_s)
                     : reply.errorCode() == u"CONFLICT"_s
                             ? (ko() ? u"이 주문을 인쇄할 프린터가 없습니다"_s : u"No printer prints this order"_s)
                             : refusal(reply));
    });
}

void PrinterController::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == u"printer.status"_s) {
        const qint64 id = data.value(u"printer_id"_s).toInteger();
        bool known = false;
        for (qsizetype i = 0; i < m_printers.size(); ++i) {
            QJsonObject p = m_printers.at(i).toObject();
            if (p.value(u"id"_s).toInteger() != id)
                continue;
            p.insert(u"status"_s, data.value(u"status"_s));
            p.insert(u"status_at"_s, data.value(u"status_at"_s));
            m_printers.replace(i, p);
            known = true;
        }
        if (known)
            emit printersChanged();
        else
            refresh();
    } else if (type == u"printer.fallback"_s) {
        emit message(ko() ? u"주문 #%1 (테이블 %2): %3 화면이 확인하지 않아 프린터로 자동 출력했습니다"_s
                                    .arg(data.value(u"number"_s).toInt())
                                    .arg(data.value(u"table_number"_s).toInt())
                                    .arg(data.value(u"station"_s).toString())
                          : u"Order #%1 (table %2): no %3 screen confirmed it, printed instead"_s
                                    .arg(data.value(u"number"_s).toInt())
                                    .arg(data.value(u"table_number"_s).toInt())
                                    .arg(data.value(u"station"_s).toString()));
    }
}

QVariantList PrinterController::printers() const
{
    QVariantList out;
    for (const QJsonValue &v : m_printers) {
        const QJsonObject p = v.toObject();
        const QString status = p.value(u"status"_s).toString();
        QStringList stations;
        for (const QJsonValue &s : p.value(u"stations"_s).toArray())
            stations.append(s.toString());
        out.append(QVariantMap{{u"id"_s, p.value(u"id"_s).toInteger()},
                               {u"name"_s, p.value(u"name"_s).toString()},
                               {u"host"_s, p.value(u"host"_s).toString()},
                               {u"port"_s, p.value(u"port"_s).toInt()},
                               {u"paperMm"_s, p.value(u"paper_mm"_s).toInt()},
                               {u"encoding"_s, p.value(u"encoding"_s).toString()},
                               {u"stations"_s, stations.join(u", "_s)},
                               {u"status"_s, status},
                               {u"statusText"_s, statusText(status)},
                               {u"advice"_s, adviceText(status)},
                               {u"fault"_s, status == u"paper_out"_s || status == u"cover_open"_s || status == u"offline"_s},
                               {u"queued"_s, p.value(u"queued"_s).toInt()}});
    }
    return out;
}

QVariantList PrinterController::stations() const
{
    QVariantList out;
    for (const QJsonValue &v : m_stations) {
        const QJsonObject s = v.toObject();
        out.append(QVariantMap{{u"station"_s, s.value(u"station"_s).toString()},
                               {u"mode"_s, s.value(u"mode"_s).toString()},
                               {u"fallbackSeconds"_s, s.value(u"fallback_seconds"_s).toInt()}});
    }
    return out;
}

QStringList PrinterController::faults() const
{
    QStringList out;
    for (const QVariant &v : printers()) {
        const QVariantMap p = v.toMap();
        if (p.value(u"fault"_s).toBool())
            out.append(u"%1: %2 — %3"_s.arg(p.value(u"name"_s).toString(), p.value(u"statusText"_s).toString(),
                                            p.value(u"advice"_s).toString()));
    }
    return out;
}

} // namespace tableorder::kitchen
