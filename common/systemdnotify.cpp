#include "systemdnotify.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace tableorder {

bool SystemdNotifier::notify(const QByteArray &message)
{
    QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty() || path.size() >= qsizetype(sizeof(sockaddr_un::sun_path)))
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0'; // abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    const bool sent = ::sendto(fd, message.constData(), size_t(message.size()), MSG_NOSIGNAL,
                               reinterpret_cast<const sockaddr *>(&address), length)
            == message.size();
    ::close(fd);
    return sent;
}

SystemdNotifier::SystemdNotifier(QObject *parent) : QObject(parent)
{
    // WATCHDOG_USEC is set by systemd when the unit has WatchdogSec=.
    const qint64 usec = qEnvironmentVariableIntValue("WATCHDOG_USEC");
    if (usec > 0) {
        connect(&m_watchdog, &QTimer::timeout, this, [] { notify("WATCHDOG=1"); });
        m_watchdog.start(int(std::max<qint64>(usec / 2000, 100)));
    }
}

void SystemdNotifier::ready(const QString &text)
{
    notify("READY=1\nSTATUS=" + text.toUtf8());
}

void SystemdNotifier::stopping()
{
    m_watchdog.stop();
    notify("STOPPING=1");
}

void SystemdNotifier::status(const QString &text)
{
    notify("STATUS=" + text.toUtf8());
}

} // namespace tableorder
