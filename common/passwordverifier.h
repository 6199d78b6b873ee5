#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace tableorder::crypto {

/// Checks passwords against argon2id hashes on a small pool of worker threads, so a burst of
/// logins never holds up the event loop (orders, streams). Bounded: at most `maxWaiting`
/// checks queue behind the running ones; past that verify() refuses at once and the caller
/// answers "busy". Only the hash and the password cross threads, never a database handle.
class PasswordVerifier : public QObject
{
    Q_OBJECT
public:
    explicit PasswordVerifier(int threads = 1, int maxWaiting = 16, QObject *parent = nullptr);
    /// Waits for the checks that are running; their answers are dropped.
    ~PasswordVerifier() override;

    /// Starts a check; `done(matches)` runs later on this object's thread. An empty hash (no
    /// such account) spends the same time and answers false. Returns false, and never calls
    /// `done`, when the queue is full.
    [[nodiscard]] bool verify(QString hash, QString password, std::function<void(bool)> done);
    /// Checks queued or running.
    [[nodiscard]] int pending() const { return m_pending; }
    [[nodiscard]] int capacity() const { return m_threads + m_maxWaiting; }

private:
    QThreadPool m_pool;
    int m_threads;
    int m_maxWaiting;
    int m_pending = 0;
};

} // namespace tableorder::crypto
