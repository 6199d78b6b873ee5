#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QTemporaryDir>
#include <QWebSocket>

#include <functional>
#include <memory>

namespace tableorder::test {

/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket), so browser
/// tests need nothing beyond Qt: navigate, evaluate JavaScript, wait for a condition,
/// capture a PNG.
class Browser
{
public:
    Browser();
    ~Browser();

    /// Starts chromium and opens a page of width x height; errorString() says why not.
    [[nodiscard]] bool start(int width = 1366, int height = 900, bool mobile = false);
    /// A DevTools command on the page (Network.emulateNetworkConditions, Fetch.enable, ...),
    /// waiting for its reply.
    QJsonObject command(const QString &method, const QJsonObject &params = {});
    /// Sends a command without waiting for its reply (from inside an event handler).
    void post(const QString &method, const QJsonObject &params = {});
    /// Called with every DevTools event of the page (method, params), e.g. Fetch.requestPaused.
    void setEventHandler(std::function<void(const QString &, const QJsonObject &)> handler)
    {
        m_eventHandler = std::move(handler);
    }
    /// What loseFirstPostAnswer() saw: POSTs paused (request and response stage), answers lost.
    struct LostAnswers
    {
        int posts = 0;
        int failed = 0;
    };
    /// Intercepts requests to `urlPattern` (DevTools Fetch, response stage): the answer to the
    /// first POST is lost after the server made it (the connection reset), the rest pass.
    /// Until stopIntercepting().
    std::shared_ptr<LostAnswers> loseFirstPostAnswer(const QString &urlPattern);
    /// Ends any interception: no event handler, DevTools Fetch off.
    void stopIntercepting();
    [[nodiscard]] bool navigate(const QString &url);
    /// Evaluates an expression (promises awaited) and returns its JSON value.
    QJsonValue evaluate(const QString &expression);
    /// Polls the expression until it is truthy; false on timeout.
    [[nodiscard]] bool waitFor(const QString &expression, int timeoutMs = 10'000);
    [[nodiscard]] bool screenshot(const QString &path);
    /// Sets the page's viewport (CSS pixels, scale 1), as a window of that size would have.
    [[nodiscard]] bool resize(int width, int height);
    /// Saves what the page downloads (an <a download> click) into dir, under its own name.
    [[nodiscard]] bool allowDownloads(const QString &dir);
    [[nodiscard]] QString errorString() const { return m_error; }
    /// Whether chromium is installed at all.
    static QString executable();

private:
    QJsonObject call(const QString &method, const QJsonObject &params = {}, bool onPage = true,
                     int timeoutMs = 15'000);

    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_profile;
    QWebSocket m_socket;
    QString m_session;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_replies;
    QString m_error;
    std::function<void(const QString &, const QJsonObject &)> m_eventHandler;
};

} // namespace tableorder::test
