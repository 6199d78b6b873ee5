#pragma once

#include <QObject>

class QSocketNotifier;

namespace tableorder::bench {

/// A one-shot timer with nanosecond deadlines on CLOCK_MONOTONIC (a timerfd watched by the
/// Qt event loop). QTimer rounds to milliseconds, which would add up to 1 ms of scheduling
/// error to every open-loop send; this wakes within the kernel's timer slack.
class Ticker : public QObject
{
    Q_OBJECT
public:
    explicit Ticker(QObject *parent = nullptr);
    ~Ticker() override;

    /// Fires once at absNs (nowNs() clock); a deadline in the past fires at once.
    void armAt(qint64 absNs);
    void disarm();

signals:
    void fired();

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tableorder::bench
