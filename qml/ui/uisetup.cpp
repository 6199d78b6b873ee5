#include "uisetup.h"

#include "appoptions.h"
#include "cachednetworkfactory.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlEngine>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>
#include <QQuickStyle>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tableorder::ui {

void setupApplication(QGuiApplication &app)
{
    QQuickStyle::setStyle(u"Basic"_s);
    // Hangul needs a CJK font; Noto Sans CJK KR (fonts-noto-cjk) is what Debian ships.
    const QStringList families = QFontDatabase::families();
    for (const QString &family : {u"Noto Sans CJK KR"_s, u"NanumGothic"_s, u"Noto Sans KR"_s}) {
        if (families.contains(family)) {
            QFont font(family);
            font.setPixelSize(18);
            font.setHintingPreference(QFont::PreferNoHinting);
            app.setFont(font);
            break;
        }
    }
}

void setupEngine(QQmlEngine &engine)
{
    engine.addImportPath(u"qrc:/qt/qml"_s);
    // The engine takes no ownership of its factory; one per process serves every engine.
    static CachedNetworkFactory factory;
    engine.setNetworkAccessManagerFactory(&factory);
}

bool loadMain(QQmlApplicationEngine &engine, const QString &app, QObject *controller, const AppOptions &options)
{
    QQmlContext *context = engine.rootContext();
    context->setContextProperty(app, controller);
    context->setContextProperty(u"windowedWidth"_s, options.width);
    context->setContextProperty(u"windowedHeight"_s, options.height);
    context->setContextProperty(u"fullScreen"_s, !options.windowed);
    engine.load(QUrl(u"qrc:/%1/Main.qml"_s.arg(app)));
    return !engine.rootObjects().isEmpty();
}

QQuickWindow *mainWindow(const QQmlApplicationEngine &engine)
{
    const auto roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

void reportWhenReady(QQuickWindow *window, QObject *context, std::function<bool()> ready, const char *line)
{
    if (!window || !qEnvironmentVariableIsSet("TABLEORDER_REPORT_READY"))
        return;
    auto *connection = new QMetaObject::Connection;
    *connection = QObject::connect(window, &QQuickWindow::frameSwapped, context,
                                   [window, context, connection, ready = std::move(ready), line] {
        if (!ready())
            return;
        QObject::disconnect(*connection);
        delete connection;
        fprintf(stderr, "%s\n", line);
        fflush(stderr);
        if (const QString grab = qEnvironmentVariable("TABLEORDER_GRAB"); !grab.isEmpty()) {
            QPointer<QQuickWindow> target(window);
            QTimer::singleShot(2000, context, [target, grab] {
                if (target)
                    target->grabWindow().save(grab);
            });
        }
    });
}

} // namespace tableorder::ui
