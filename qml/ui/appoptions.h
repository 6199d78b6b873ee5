#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QCoreApplication;

namespace tableorder::ui {

/// How a screen was started: `--edge URL` (or TABLEORDER_EDGE_URL) provisions the edge
/// address for a fleet of kiosks; the rest serves tests, demos and odd installs.
struct AppOptions
{
    QUrl edgeUrl;        // empty: from the settings / the setup screen
    QString edgeFingerprint; // SHA-256 of an https edge's certificate, with edgeUrl
    QString settingsFile; // empty: the platform's settings
    QString language;     // empty: the saved choice (Korean by default)
    bool windowed = false; // a window of `width` x `height` instead of full screen
    int width = 0;
    int height = 0;
    bool mute = false;
};

/// Parses the command line and the environment; exits with usage on --help.
[[nodiscard]] AppOptions parseOptions(const QCoreApplication &app, const QString &description,
                                      int defaultWidth, int defaultHeight);
/// `http://` is assumed when the scheme is missing ("192.168.0.10:8080").
[[nodiscard]] QUrl edgeUrlFromText(const QString &text);

} // namespace tableorder::ui
