#pragma once

#include <QString>

namespace tableorder::test {

class DaemonProcess;

/// A small tmpfs mounted over a daemon's (still empty) data directory, for disk-full tests;
/// the daemon is killed before it is unmounted. Mounting needs root: mounted() is false
/// otherwise and whyNot() says why (the test skips with it).
class TmpfsMount
{
public:
    TmpfsMount(DaemonProcess &daemon, const QString &path, const QString &size);
    ~TmpfsMount();
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] QString whyNot() const { return m_why; }

private:
    DaemonProcess &m_daemon;
    QString m_path;
    bool m_mounted = false;
    QString m_why;
};

/// Writes zeros to `path` until the file system refuses: afterwards not one more block is
/// free. The bytes written, or -1 when the file cannot be created.
qint64 fillDisk(const QString &path);

} // namespace tableorder::test
