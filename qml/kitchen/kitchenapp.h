#pragma once

#include "appoptions.h"

#include <QObject>
#include <QQmlApplicationEngine>

#include <memory>

class QQuickWindow;

namespace tableorder::ui {
class Translations;
}

namespace tableorder::kitchen {

class KitchenController;

/// The kitchen app as one object: controller, translations and the QML window.
class KitchenApp : public QObject
{
    Q_OBJECT
public:
    explicit KitchenApp(const ui::AppOptions &options, QObject *parent = nullptr);
    ~KitchenApp() override;

    bool show();
    [[nodiscard]] QQuickWindow *window() const;
    [[nodiscard]] KitchenController &controller() const { return *m_controller; }
    [[nodiscard]] QQmlApplicationEngine &engine() { return m_engine; }

private:
    void reportWhenReady();

    ui::AppOptions m_options;
    QQmlApplicationEngine m_engine;
    std::unique_ptr<ui::Translations> m_translations;
    std::unique_ptr<KitchenController> m_controller;
};

} // namespace tableorder::kitchen
