#include "smalldisk.h"

#include "daemonprocess.h"

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tableorder::test {

TmpfsMount::TmpfsMount(DaemonProcess &daemon, const QString &path, const QString &size)
    : m_daemon(daemon), m_path(path)
{
    if (::geteuid() != 0) {
        m_why = u"mounting a tmpfs needs root"_s;
        return;
    }
    const QByteArray options = "size=" + size.toLatin1() + ",mode=0700";
    if (::mount("tmpfs", QFile::encodeName(m_path).constData(), "tmpfs", 0, options.constData()) != 0) {
        m_why = u"mount -t tmpfs failed: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_mounted = true;
}

TmpfsMount::~TmpfsMount()
{
    if (!m_mounted)
        return;
    if (m_daemon.isRunning())
        m_daemon.kill();
    ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
}

qint64 fillDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return -1;
    const QByteArray chunk(64 * 1024, '\0');
    qint64 written = 0;
    for (int size = chunk.size(); size > 0; size /= 2) {
        for (;;) {
            const qint64 n = file.write(chunk.constData(), size);
            if (n <= 0)
                break;
            written += n;
        }
    }
    return written;
}

} // namespace tableorder::test
