#include "kitchenapp.h"

#include "alldaymodel.h"
#include "billcontroller.h"
#include "boardcontroller.h"
#include "callboard.h"
#include "dayclose.h"
#include "printercontroller.h"
#include "kitchentimes.h"
#include "eventstream.h"
#include "expocontroller.h"
#include "kitchencontroller.h"
#include "menueditor.h"
#include "qmltypes.h"
#include "qrcodeitem.h"
#include "tablepairing.h"
#include "tablecards.h"
#include "translations.h"
#include "uisetup.h"

#include <QQmlEngine>
#include <QQuickWindow>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

KitchenApp::KitchenApp(const ui::AppOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    client::registerQmlTypes();
    qmlRegisterUncreatableType<KitchenController>("TableOrder.Kitchen", 1, 0, "Kitchen", u"the app's controller"_s);
    qmlRegisterUncreatableType<AllDayModel>("TableOrder.Kitchen", 1, 0, "AllDayModel", u"the app's controller"_s);
    qmlRegisterUncreatableType<BoardController>("TableOrder.Kitchen", 1, 0, "BoardController", u"the app's controller"_s);
    qmlRegisterUncreatableType<ExpoController>("TableOrder.Kitchen", 1, 0, "ExpoController", u"the app's controller"_s);
    qmlRegisterUncreatableType<CallBoard>("TableOrder.Kitchen", 1, 0, "CallBoard", u"the app's controller"_s);
    qmlRegisterUncreatableType<BillController>("TableOrder.Kitchen", 1, 0, "BillController", u"the app's controller"_s);
    qmlRegisterUncreatableType<DayClose>("TableOrder.Kitchen", 1, 0, "DayClose", u"the app's controller"_s);
    qmlRegisterUncreatableType<PrinterController>("TableOrder.Kitchen", 1, 0, "PrinterController", u"the app's controller"_s);
    qmlRegisterUncreatableType<KitchenTimes>("TableOrder.Kitchen", 1, 0, "KitchenTimes", u"the app's controller"_s);
    qmlRegisterUncreatableType<MenuEditor>("TableOrder.Kitchen", 1, 0, "MenuEditor", u"the app's controller"_s);
    qmlRegisterUncreatableType<TableCards>("TableOrder.Kitchen", 1, 0, "TableCards", u"the app's controller"_s);
    qmlRegisterUncreatableType<TablePairing>("TableOrder.Kitchen", 1, 0, "TablePairing", u"the app's controller"_s);
    qmlRegisterType<ui::QrCodeItem>("TableOrder.Kitchen", 1, 0, "QrCode");
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
    if (!ui::loadMain(m_engine, u"kitchen"_s, m_controller.get(), m_options))
        return false;
    m_controller->start();
    reportWhenReady();
    return true;
}

void KitchenApp::reportWhenReady()
{
    // For the startup benchmark: one line on stderr once the board shows the edge's orders.
    if (!qEnvironmentVariableIsSet("TABLEORDER_REPORT_READY") || !window())
        return;
    ui::reportWhenReady(window(), this, [this] { return m_controller->boardReady(); },
                        "tableorder-kitchen: board ready");
    // The offscreen platform renders only on updates: make sure a frame follows the events.
    connect(m_controller->stream(), &client::EventStream::eventReceived, window(), &QQuickWindow::update);
}

QQuickWindow *KitchenApp::window() const
{
    return ui::mainWindow(m_engine);
}

} // namespace tableorder::kitchen
