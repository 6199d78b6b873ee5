#include "qmltypes.h"

#include "cartmodel.h"
#include "categorymodel.h"
#include "eventstream.h"
#include "linedraft.h"
#include "menumodel.h"
#include "orderlistmodel.h"
#include "ordersubmitter.h"
#include "pairinglinks.h"
#include "tablelistmodel.h"

#include <QQmlEngine>

namespace tableorder::client {

void registerQmlTypes()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    const char *uri = "TableOrder.Client";
    const QString reason = QStringLiteral("made by the app's controller");
    qmlRegisterUncreatableType<MenuModel>(uri, 1, 0, "MenuModel", reason);
    qmlRegisterUncreatableType<CategoryModel>(uri, 1, 0, "CategoryModel", reason);
    qmlRegisterUncreatableType<CartModel>(uri, 1, 0, "CartModel", reason);
    qmlRegisterUncreatableType<LineDraft>(uri, 1, 0, "LineDraft", reason);
    qmlRegisterUncreatableType<OrderListModel>(uri, 1, 0, "OrderListModel", reason);
    qmlRegisterUncreatableType<TableListModel>(uri, 1, 0, "TableListModel", reason);
    qmlRegisterUncreatableType<OrderSubmitter>(uri, 1, 0, "OrderSubmitter", reason);
    qmlRegisterUncreatableType<EventStream>(uri, 1, 0, "EventStream", reason);
    qmlRegisterSingletonType<PairingLinks>(uri, 1, 0, "PairingLinks",
                                           [](QQmlEngine *, QJSEngine *) { return new PairingLinks; });
}

} // namespace tableorder::client
