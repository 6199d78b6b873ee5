#include "tabletapp.h"

#include "qmltypes.h"
#include "tabletcontroller.h"
#include "translations.h"
#include "uisetup.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tableorder::tablet {

TabletApp::TabletApp(const ui::AppOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    client::registerQmlTypes();
    qmlRegisterUncreatableType<TabletController>("TableOrder.Tablet", 1, 0, "Tablet", u"the app's controller"_s);
    ui::setupEngine(m_engine);
    m_translations = std::make_unique<ui::Translations>(u"tablet"_s, m_engine);
    m_controller = std::make_unique<TabletController>(options, *m_translations);
}

TabletApp::~TabletApp()
{
    // QML bindings must not see the controller go first.
    const auto roots = m_engine.rootObjects();
    for (QObject *root : roots)
        delete root;
}

bool TabletApp::show()
{
    m_engine.rootContext()->setContextProperty(u"tablet"_s, m_controller.get());
    m_engine.rootContext()->setContextProperty(u"windowedWidth"_s, m_options.width);
    m_engine.rootContext()->setContextProperty(u"windowedHeight"_s, m_options.height);
    m_engine.rootContext()->setContextProperty(u"fullScreen"_s, !m_options.windowed);
    m_engine.load(QUrl(u"qrc:/tablet/Main.qml"_s));
    if (m_engine.rootObjects().isEmpty())
        return false;
    m_controller->start();
    reportWhenReady();
    return true;
}

void TabletApp::reportWhenReady()
{
    // For the startup benchmark: one line on stderr once the menu is on screen.
    if (!qEnvironmentVariableIsSet("TABLEORDER_REPORT_READY"))
        return;
    QQuickWindow *w = window();
    if (!w)
        return;
    auto *connection = new QMetaObject::Connection;
    *connection = connect(w, &QQuickWindow::frameSwapped, this, [this, connection] {
        if (!m_controller->menuReady())
            return;
        disconnect(*connection);
        delete connection;
        fprintf(stderr, "tableorder-tablet: menu ready\n");
        fflush(stderr);
        // TABLEORDER_GRAB=file.png: a picture of the screen a moment later (docs, reviews).
        if (const QString grab = qEnvironmentVariable("TABLEORDER_GRAB"); !grab.isEmpty()) {
            QTimer::singleShot(2000, this, [this, grab] {
                if (QQuickWindow *w = window())
                    w->grabWindow().save(grab);
            });
        }
    });
    // The offscreen platform renders only on updates: make sure a frame follows the menu.
    connect(m_controller.get(), &TabletController::menuReadyChanged, w, &QQuickWindow::update);
}

QQuickWindow *TabletApp::window() const
{
    const auto roots = m_engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

} // namespace tableorder::tablet
