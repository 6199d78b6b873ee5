#include "kitchenapp.h"

#include "alldaymodel.h"
#include "eventstream.h"
#include "kitchencontroller.h"
#include "qmltypes.h"
#include "translations.h"
#include "uisetup.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

KitchenApp::KitchenApp(const ui::AppOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    client::registerQmlTypes();
    qmlRegisterUncreatableType<KitchenController>("TableOrder.Kitchen", 1, 0, "Kitchen", u"the app's controller"_s);
    qmlRegisterUncreatableType<AllDayModel>("TableOrder.Kitchen", 1, 0, "AllDayModel", u"the app's controller"_s);
    ui::setupEngine(m_engine);
    m_translations = std::make_unique<ui::Translations>(u"kitchen"_s, m_engine);
    m_controller = std::make_unique<KitchenController>(options, *m_translations);
}

KitchenApp::~KitchenApp()
{
    const auto roots = m_engine.rootObjects();
    for (QObject *root : roots)
        delete root;
}

bool KitchenApp::show()
{
    m_engine.rootContext()->setContextProperty(u"kitchen"_s, m_controller.get());
    m_engine.rootContext()->setContextProperty(u"windowedWidth"_s, m_options.width);
    m_engine.rootContext()->setContextProperty(u"windowedHeight"_s, m_options.height);
    m_engine.rootContext()->setContextProperty(u"fullScreen"_s, !m_options.windowed);
    m_engine.load(QUrl(u"qrc:/kitchen/Main.qml"_s));
    if (m_engine.rootObjects().isEmpty())
        return false;
    m_controller->start();
    reportWhenReady();
    return true;
}

void KitchenApp::reportWhenReady()
{
    // For the startup benchmark: one line on stderr once the board shows the edge's orders.
    if (!qEnvironmentVariableIsSet("TABLEORDER_REPORT_READY"))
        return;
    QQuickWindow *w = window();
    if (!w)
        return;
    auto *connection = new QMetaObject::Connection;
    *connection = connect(w, &QQuickWindow::frameSwapped, this, [this, connection] {
        if (!m_controller->boardReady())
            return;
        disconnect(*connection);
        delete connection;
        fprintf(stderr, "tableorder-kitchen: board ready\n");
        fflush(stderr);
        // TABLEORDER_GRAB=file.png: a picture of the screen a moment later (docs, reviews).
        if (const QString grab = qEnvironmentVariable("TABLEORDER_GRAB"); !grab.isEmpty()) {
            QTimer::singleShot(2000, this, [this, grab] {
                if (QQuickWindow *w = window())
                    w->grabWindow().save(grab);
            });
        }
    });
    connect(m_controller->stream(), &client::EventStream::eventReceived, w, &QQuickWindow::update);
}

QQuickWindow *KitchenApp::window() const
{
    const auto roots = m_engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

} // namespace tableorder::kitchen
