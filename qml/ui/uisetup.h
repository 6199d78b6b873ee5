#pragma once

#include <QString>

#include <functional>

class QObject;
class QQmlApplicationEngine;
class QQmlEngine;
class QGuiApplication;
class QQuickWindow;

namespace tableorder::ui {

/// Application-wide look: the Basic style (touch sized, no platform theme), the Korean UI
/// font when installed, and the TableOrder.Ui QML module on the engine's import path.
void setupApplication(QGuiApplication &app);
void setupEngine(QQmlEngine &engine);

struct AppOptions;

/// Loads `qrc:/<app>/Main.qml` with the controller as the context property `<app>` and the
/// window options (windowedWidth, windowedHeight, fullScreen); false when it did not load.
[[nodiscard]] bool loadMain(QQmlApplicationEngine &engine, const QString &app, QObject *controller,
                            const AppOptions &options);
/// The app's window, or null before it is loaded.
[[nodiscard]] QQuickWindow *mainWindow(const QQmlApplicationEngine &engine);
/// For the startup benchmark (TABLEORDER_REPORT_READY): prints `line` on stderr at the first
/// frame where `ready()` holds, and with TABLEORDER_GRAB=file.png saves a picture of the
/// window 2 s later (docs, reviews).
void reportWhenReady(QQuickWindow *window, QObject *context, std::function<bool()> ready, const char *line);

} // namespace tableorder::ui
