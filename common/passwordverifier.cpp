#include "passwordverifier.h"

#include "crypto.h"
#include "threadpriority.h"

namespace tableorder::crypto {

namespace {

/// Hashing yields to the event loop (orders, streams); done once per pool thread.
void lowerThisThread()
{
    thread_local bool lowered = false;
    if (!lowered)
        lowerCurrentThread(5);
    lowered = true;
}

} // namespace

PasswordVerifier::PasswordVerifier(int threads, int maxWaiting, QObject *parent)
    : QObject(parent), m_threads(std::max(1, threads)), m_maxWaiting(std::max(0, maxWaiting))
{
    initialize();
    m_pool.setMaxThreadCount(m_threads);
    // Threads stay up between logins rather than being created per burst.
    m_pool.setExpiryTimeout(-1);
}

PasswordVerifier::~PasswordVerifier()
{
    m_pool.clear();
    m_pool.waitForDone();
}

bool PasswordVerifier::verify(QString hash, QString password, std::function<void(bool)> done)
{
    if (m_pending >= capacity())
        return false;
    ++m_pending;
    m_pool.start([this, hash = std::move(hash), password = std::move(password), done = std::move(done)]() mutable {
        lowerThisThread();
        bool matches = false;
        if (hash.isEmpty())
            burnVerification(password);
        else
            matches = verifyPassword(hash, password);
        // Queued to this object: if it is destroyed first, Qt drops the call with it.
        QMetaObject::invokeMethod(
                this,
                [this, matches, done = std::move(done)] {
                    --m_pending;
                    done(matches);
                },
                Qt::QueuedConnection);
    });
    return true;
}

} // namespace tableorder::crypto
