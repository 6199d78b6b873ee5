#include "tabletapp.h"

#include "billcontroller.h"
#include "billmodel.h"
#include "callcontroller.h"
#include "phonecodecontroller.h"
#include "qrcodeitem.h"
#include "qmltypes.h"
#include "qrscanner.h"
#include "tabletcontroller.h"
#include "translations.h"
#include "uisetup.h"

#include <QQmlEngine>
#include <QQuickWindow>

using namespace Qt::StringLiterals;

namespace tableorder::tablet {

TabletApp::TabletApp(const ui::AppOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    client::registerQmlTypes();
    qmlRegisterUncreatableType<TabletController>("TableOrder.Tablet", 1, 0, "Tablet", u"the app's controller"_s);
    qmlRegisterUncreatableType<QrScanner>("TableOrder.Tablet", 1, 0, "QrScanner", u"the app's controller"_s);
    qmlRegisterUncreatableType<CallController>("TableOrder.Tablet", 1, 0, "CallController", u"the app's controller"_s);
    qmlRegisterUncreatableType<PhoneCodeController>("TableOrder.Tablet", 1, 0, "PhoneCodeController", u"the app's controller"_s);
    qmlRegisterType<ui::QrCodeItem>("TableOrder.Tablet", 1, 0, "QrCode");
    qmlRegisterUncreatableType<BillController>("TableOrder.Tablet", 1, 0, "BillController", u"the app's controller"_s);
    qmlRegisterUncreatableType<BillModel>("TableOrder.Tablet", 1, 0, "BillModel", u"the app's controller"_s);
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
    if (!ui::loadMain(m_engine, u"tablet"_s, m_controller.get(), m_options))
        return false;
    m_controller->start();
    reportWhenReady();
    return true;
}

void TabletApp::reportWhenReady()
{
    // For the startup benchmark: one line on stderr once the menu is on screen.
    if (!qEnvironmentVariableIsSet("TABLEORDER_REPORT_READY") || !window())
        return;
    ui::reportWhenReady(window(), this, [this] { return m_controller->menuReady(); }, "tableorder-tablet: menu ready");
    // The offscreen platform renders only on updates: make sure a frame follows the menu.
    connect(m_controller.get(), &TabletController::menuReadyChanged, window(), &QQuickWindow::update);
}

QQuickWindow *TabletApp::window() const
{
    return ui::mainWindow(m_engine);
}

} // namespace tableorder::tablet
