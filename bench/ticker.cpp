#include "ticker.h"

#include <QSocketNotifier>

#include <sys/timerfd.h>
#include <unistd.h>

namespace tableorder::bench {

Ticker::Ticker(QObject *parent)
    : QObject(parent)
{
    m_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd < 0)
        qFatal("timerfd_create failed");
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        quint64 expirations = 0;
        if (::read(m_fd, &expirations, sizeof expirations) == sizeof expirations)
            emit fired();
    });
}

Ticker::~Ticker()
{
    delete m_notifier;
    ::close(m_fd);
}

void Ticker::armAt(qint64 absNs)
{
    itimerspec spec {};
    // 0 would disarm the timer: a deadline in the past becomes "1 ns after boot".
    absNs = std::max<qint64>(absNs, 1);
    spec.it_value.tv_sec = absNs / 1'000'000'000;
    spec.it_value.tv_nsec = absNs % 1'000'000'000;
    timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr);
}

void Ticker::disarm()
{
    itimerspec spec {};
    timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr);
}

} // namespace tableorder::bench
