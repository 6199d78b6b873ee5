#pragma once

#include "../qml/faultproxy.h"

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <functional>

namespace tableorder::test {

/// The store's internet line: a FaultProxy between the edge and central, on a thread of its
/// own so it keeps passing bytes while the test blocks on a raw socket.
class FaultLine
{
public:
    explicit FaultLine(quint16 centralPort)
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        run([this, centralPort] { m_proxy = new FaultProxy(centralPort); });
    }
    ~FaultLine()
    {
        run([this] { delete m_proxy; });
        m_anchor.moveToThread(QThread::currentThread());
        m_thread.quit();
        m_thread.wait();
    }
    [[nodiscard]] quint16 port() { return m_proxy->port(); }
    /// Down: open connections cut, new ones refused. Up again: passes bytes.
    void setDown(bool down)
    {
        run([this, down] {
            m_proxy->setRefusing(down);
            if (down)
                m_proxy->cutAll();
        });
    }

private:
    void run(const std::function<void()> &work)
    {
        QMetaObject::invokeMethod(&m_anchor, work, Qt::BlockingQueuedConnection);
    }
    QThread m_thread;
    QObject m_anchor;
    FaultProxy *m_proxy = nullptr;
};

} // namespace tableorder::test
