#pragma once

class QQmlEngine;
class QGuiApplication;

namespace tableorder::ui {

/// Application-wide look: the Basic style (touch sized, no platform theme), the Korean UI
/// font when installed, and the TableOrder.Ui QML module on the engine's import path.
void setupApplication(QGuiApplication &app);
void setupEngine(QQmlEngine &engine);

} // namespace tableorder::ui
