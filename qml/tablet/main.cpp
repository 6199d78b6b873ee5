#include "appoptions.h"
#include "tabletapp.h"
#include "uisetup.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("tableorder"));
    app.setApplicationName(QStringLiteral("tableorder-tablet"));
    tableorder::ui::setupApplication(app);
    const auto options = tableorder::ui::parseOptions(app, QStringLiteral("tableorder table tablet"), 1280, 800);
    tableorder::tablet::TabletApp tablet(options);
    if (!tablet.show())
        return 1;
    return app.exec();
}
