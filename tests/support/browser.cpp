#include "browser.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tableorder::test {

QString Browser::executable()
{
    for (const QString &name : {u"chromium"_s, u"chromium-browser"_s, u"google-chrome"_s}) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty())
            return path;
    }
    return {};
}

Browser::Browser()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        if (message.contains(u"id"_s))
            m_replies.insert(message.value(u"id"_s).toInt(), message);
        else if (m_eventHandler && message.value(u"sessionId"_s).toString() == m_session)
            m_eventHandler(message.value(u"method"_s).toString(), message.value(u"params"_s).toObject());
    });
}

Browser::~Browser()
{
    m_socket.abort();
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool Browser::start(int width, int height, bool mobile)
{
    const QString chromium = executable();
    if (chromium.isEmpty()) {
        m_error = u"chromium is not installed"_s;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(chromium, {u"--headless=new"_s, u"--no-sandbox"_s, u"--disable-gpu"_s,
                                u"--disable-dev-shm-usage"_s, u"--no-first-run"_s, u"--hide-scrollbars"_s,
                                u"--remote-debugging-address=127.0.0.1"_s, u"--remote-debugging-port=0"_s,
                                u"--user-data-dir="_s + m_profile.path(),
                                u"--window-size=%1,%2"_s.arg(width).arg(height), u"about:blank"_s});
    static const QRegularExpression devtools(u"DevTools listening on (ws://\\S+)"_s);
    QString output;
    QDeadlineTimer deadline(30'000);
    QString url;
    while (!deadline.hasExpired() && url.isEmpty()) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            break;
        output += QString::fromUtf8(m_process->readAll());
        url = devtools.match(output).captured(1);
    }
    if (url.isEmpty()) {
        m_error = u"chromium did not start: "_s + output.left(2000);
        return false;
    }
    QEventLoop loop;
    QObject::connect(&m_socket, &QWebSocket::connected, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    m_socket.open(QUrl(url));
    loop.exec();
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        m_error = u"cannot connect to chromium's DevTools"_s;
        return false;
    }
    const QJsonObject target = call(u"Target.createTarget"_s, {{u"url"_s, u"about:blank"_s}}, false);
    const QString targetId = target.value(u"result"_s).toObject().value(u"targetId"_s).toString();
    const QJsonObject attached = call(u"Target.attachToTarget"_s, {{u"targetId"_s, targetId}, {u"flatten"_s, true}}, false);
    m_session = attached.value(u"result"_s).toObject().value(u"sessionId"_s).toString();
    if (m_session.isEmpty()) {
        m_error = u"cannot open a page in chromium"_s;
        return false;
    }
    call(u"Page.enable"_s);
    call(u"Emulation.setDeviceMetricsOverride"_s,
         {{u"width"_s, width}, {u"height"_s, height}, {u"deviceScaleFactor"_s, 1}, {u"mobile"_s, mobile}});
    if (mobile)
        call(u"Emulation.setTouchEmulationEnabled"_s, {{u"enabled"_s, true}, {u"maxTouchPoints"_s, 5}});
    return true;
}

QJsonObject Browser::call(const QString &method, const QJsonObject &params, bool onPage, int timeoutMs)
{
    const int id = m_nextId++;
    QJsonObject message{{u"id"_s, id}, {u"method"_s, method}, {u"params"_s, params}};
    if (onPage)
        message.insert(u"sessionId"_s, m_session);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    QDeadlineTimer deadline(timeoutMs);
    while (!m_replies.contains(id) && !deadline.hasExpired() && m_socket.state() == QAbstractSocket::ConnectedState) {
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_replies.take(id);
}

QJsonObject Browser::command(const QString &method, const QJsonObject &params)
{
    return call(method, params);
}

void Browser::post(const QString &method, const QJsonObject &params)
{
    const QJsonObject message{{u"id"_s, m_nextId++}, {u"method"_s, method}, {u"params"_s, params},
                              {u"sessionId"_s, m_session}};
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

std::shared_ptr<Browser::LostAnswers> Browser::loseFirstPostAnswer(const QString &urlPattern)
{
    auto seen = std::make_shared<LostAnswers>();
    setEventHandler([this, seen](const QString &method, const QJsonObject &params) {
        if (method != u"Fetch.requestPaused"_s)
            return;
        const QString id = params.value(u"requestId"_s).toString();
        const bool post = params.value(u"request"_s).toObject().value(u"method"_s).toString() == u"POST"_s;
        seen->posts += post;
        if (post && seen->failed == 0 && params.contains(u"responseStatusCode"_s)) {
            ++seen->failed;
            this->post(u"Fetch.failRequest"_s, {{u"requestId"_s, id}, {u"errorReason"_s, u"ConnectionReset"_s}});
        } else {
            this->post(u"Fetch.continueRequest"_s, {{u"requestId"_s, id}});
        }
    });
    command(u"Fetch.enable"_s, {{u"patterns"_s, QJsonArray{QJsonObject{{u"urlPattern"_s, urlPattern},
                                                                       {u"requestStage"_s, u"Response"_s}}}}});
    return seen;
}

void Browser::stopIntercepting()
{
    setEventHandler({});
    command(u"Fetch.disable"_s);
}

bool Browser::navigate(const QString &url)
{
    const QJsonObject reply = call(u"Page.navigate"_s, {{u"url"_s, url}});
    if (reply.contains(u"error"_s) || reply.isEmpty()) {
        m_error = u"navigation failed"_s;
        return false;
    }
    return waitFor(u"document.readyState === 'complete'"_s);
}

QJsonValue Browser::evaluate(const QString &expression)
{
    const QJsonObject reply = call(u"Runtime.evaluate"_s, {{u"expression"_s, expression},
                                                          {u"awaitPromise"_s, true},
                                                          {u"returnByValue"_s, true}});
    const QJsonObject result = reply.value(u"result"_s).toObject();
    if (reply.isEmpty())
        qWarning().noquote() << "the browser did not answer in time:" << expression.left(80);
    if (result.contains(u"exceptionDetails"_s))
        m_error = QString::fromUtf8(QJsonDocument(result.value(u"exceptionDetails"_s).toObject()).toJson());
    return result.value(u"result"_s).toObject().value(u"value"_s);
}

bool Browser::waitFor(const QString &expression, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonValue value = evaluate(u"!!("_s + expression + u')');
        if (value.toBool())
            return true;
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    m_error = u"timed out waiting for: "_s + expression;
    return false;
}

bool Browser::resize(int width, int height)
{
    const QJsonObject reply = call(u"Emulation.setDeviceMetricsOverride"_s,
                                   {{u"width"_s, width}, {u"height"_s, height}, {u"deviceScaleFactor"_s, 1}, {u"mobile"_s, false}});
    if (reply.isEmpty() || reply.contains(u"error"_s)) {
        m_error = u"resize failed: "_s + QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
        return false;
    }
    return true;
}

bool Browser::allowDownloads(const QString &dir)
{
    const QJsonObject reply = call(u"Browser.setDownloadBehavior"_s,
                                   {{u"behavior"_s, u"allow"_s}, {u"downloadPath"_s, dir}}, false);
    if (reply.isEmpty() || reply.contains(u"error"_s)) {
        m_error = u"downloads not allowed: "_s + QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
        return false;
    }
    return true;
}

bool Browser::screenshot(const QString &path)
{
    const QJsonObject reply = call(u"Page.captureScreenshot"_s, {{u"format"_s, u"png"_s}});
    const QByteArray png = QByteArray::fromBase64(reply.value(u"result"_s).toObject().value(u"data"_s).toString().toLatin1());
    QFile file(path);
    if (png.isEmpty() || !file.open(QIODevice::WriteOnly)) {
        m_error = u"screenshot failed"_s;
        return false;
    }
    return file.write(png) == png.size();
}

} // namespace tableorder::test
