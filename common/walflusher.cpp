#include "walflusher.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWalFlush, "tableorder.db.walflush")

namespace tableorder::db {

WalFlusher::WalFlusher(const QString &databasePath, QObject *parent)
    : QObject(parent), m_walPath(databasePath + u"-wal"_s), m_thread([this] { run(); })
{
}

WalFlusher::~WalFlusher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
}

void WalFlusher::whenDurable(Done done)
{
    m_waiting.push_back({++m_requested, std::move(done)});
    {
        std::lock_guard lock(m_mutex);
        m_target = m_requested;
    }
    m_wake.notify_one();
}

void WalFlusher::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        // What was asked before the stop is still flushed: it may already be committed.
        m_wake.wait(lock, [this] { return m_target > m_flushed || m_stop; });
        if (m_target <= m_flushed)
            return;
        const quint64 generation = m_target; // every commit asked so far is in the file now
        lock.unlock();
        QElapsedTimer timer;
        timer.start();
        const Status status = flushOnce();
        const double seconds = timer.nsecsElapsed() / 1e9;
        QMetaObject::invokeMethod(
                this, [this, generation, status, seconds] { complete(generation, status, seconds); },
                Qt::QueuedConnection);
        lock.lock();
        m_flushed = generation;
    }
}

Status WalFlusher::flushOnce()
{
    // A checkpoint-on-close removes the WAL file; the next write makes a new one.
    if (m_fd >= 0) {
        struct stat st{};
        if (::fstat(m_fd, &st) != 0 || st.st_nlink == 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    if (m_fd < 0) {
        m_fd = ::open(QFile::encodeName(m_walPath).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) {
            // No WAL file: every commit was checkpointed into the database file, which SQLite
            // flushed before removing the WAL.
            if (errno == ENOENT)
                return {};
            return fail(ErrorCode::Internal, u"cannot open %1: %2"_s.arg(m_walPath, QString::fromLocal8Bit(std::strerror(errno))));
        }
    }
    int rc = 0;
    do {
        rc = ::fdatasync(m_fd);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0)
        return fail(ErrorCode::Internal,
                    u"fdatasync of %1 failed: %2"_s.arg(m_walPath, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

void WalFlusher::complete(quint64 generation, const Status &status, double seconds)
{
    if (!status)
        qCCritical(lcWalFlush, "%s", qUtf8Printable(status.error().message));
    int released = 0;
    while (!m_waiting.empty() && m_waiting.front().generation <= generation) {
        Done done = std::move(m_waiting.front().done);
        m_waiting.pop_front();
        ++released;
        done(status);
    }
    emit flushed(seconds, released);
}

} // namespace tableorder::db
