#pragma once

#include <QObject>
#include <QTimer>

namespace tableorder {

/// The systemd notification protocol (sd_notify) without libsystemd: READY=1 once serving,
/// WATCHDOG=1 at half the unit's WatchdogSec while the event loop is alive, STOPPING=1 on
/// shutdown. Does nothing when not started by systemd (no NOTIFY_SOCKET).
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    void ready(const QString &status = {});
    void stopping();
    void status(const QString &text);
    static bool notify(const QByteArray &message);

private:
    QTimer m_watchdog;
};

} // namespace tableorder
