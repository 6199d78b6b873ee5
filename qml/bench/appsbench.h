#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tableorder::tablet {
class TabletApp;
}

namespace tableorder::bench {

/// Measures the apps on this machine: startup to a usable screen and memory (each app as
/// its own process, as in the field), and the time to produce each frame while scrolling a
/// 500-item menu with pictures (the tablet in this process, on the offscreen platform).
class AppsBench
{
public:
    struct Options
    {
        int startupRuns = 5;
        int menuItems = 500;
        int scrollStepPx = 40;
        /// Scroll passes (down and back up) after the first two, to show memory settles.
        int extraPasses = 4;
        /// Drive the frames from a plain loop outside any event loop, as this benchmark once
        /// did: objects the views deleteLater() are then never deleted (see PERFORMANCE.md).
        bool outsideEventLoop = false;
    };

    explicit AppsBench(Options options);
    ~AppsBench();

    /// Runs everything and prints a report; the process exit code.
    int run();

private:
    struct Startup
    {
        QList<double> readyMs;
        QList<double> rssMb;
        QList<double> peakMb;
    };
    struct Frames
    {
        QList<double> ms;
        QList<double> cpuMs;
        double seconds = 0;
    };

    bool startEdge();
    QJsonObject request(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QString &token, const QByteArray &contentType = "application/json",
                        int *status = nullptr);
    bool addMenu(const QString &managerToken);
    QString writeSettings(const QString &name, const QString &token, const QString &role, int table);
    Startup startup(const QString &binary, const QString &settings, const QByteArray &readyLine,
                    const QStringList &extra);
    Frames scroll(bool cold);
    static void print(const QString &title, const Startup &s);
    static void print(const QString &title, const Frames &f);

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_edge;
    quint16 m_port = 0;
    qint64 m_benchCategory = 0;
    QString m_tableToken;
    /// Destroyed with the bench, before the application object.
    std::unique_ptr<tablet::TabletApp> m_scrollApp;
};

} // namespace tableorder::bench
