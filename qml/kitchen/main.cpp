#include "appoptions.h"
#include "kitchenapp.h"
#include "uisetup.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("tableorder"));
    app.setApplicationName(QStringLiteral("tableorder-kitchen"));
    tableorder::ui::setupApplication(app);
    const auto options = tableorder::ui::parseOptions(app, QStringLiteral("tableorder kitchen display"), 1920, 1080);
    tableorder::kitchen::KitchenApp kitchen(options);
    if (!kitchen.show())
        return 1;
    return app.exec();
}
