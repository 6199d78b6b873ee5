#include "uisetup.h"

#include "cachednetworkfactory.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickStyle>

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

} // namespace tableorder::ui
