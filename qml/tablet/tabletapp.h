#pragma once

#include "appoptions.h"

#include <QObject>
#include <QQmlApplicationEngine>

#include <memory>

class QQuickWindow;

namespace tableorder::ui {
class Translations;
}

namespace tableorder::tablet {

class TabletController;

/// The tablet app as one object: settings, controller, translations and the QML window.
/// main() makes one; tests make several in one process (each with its own settings file).
class TabletApp : public QObject
{
    Q_OBJECT
public:
    explicit TabletApp(const ui::AppOptions &options, QObject *parent = nullptr);
    ~TabletApp() override;

    /// Loads the QML and shows the window; false when the QML failed to load.
    bool show();
    [[nodiscard]] QQuickWindow *window() const;
    [[nodiscard]] TabletController &controller() const { return *m_controller; }
    [[nodiscard]] QQmlApplicationEngine &engine() { return m_engine; }

private:
    void reportWhenReady();

    ui::AppOptions m_options;
    QQmlApplicationEngine m_engine;
    std::unique_ptr<ui::Translations> m_translations;
    std::unique_ptr<TabletController> m_controller;
};

} // namespace tableorder::tablet
